import { ServerRow } from './ServerRow.tsx';
import { selectNodes } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Every server's state in numbers, with the buttons that break it. */
export function ServerTable() {
  const nodes = usePlayground(selectNodes);
  return (
    <table className="servers" aria-label="Servers">
      <thead>
        <tr>
          <th scope="col">Server</th>
          <th scope="col">Role</th>
          <th scope="col">Term</th>
          <th scope="col">Last log index</th>
          <th scope="col">Commit index</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((node) => (
          <ServerRow key={node.id} node={node} />
        ))}
      </tbody>
    </table>
  );
}
