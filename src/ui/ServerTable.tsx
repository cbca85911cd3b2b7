import { useMessages } from './i18n/index.ts';
import { ServerRow } from './ServerRow.tsx';
import { selectNodes } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Every server's state in numbers, with the buttons that break it. */
export function ServerTable() {
  const nodes = usePlayground(selectNodes);
  const s = useMessages().servers;
  return (
    <table className="servers" aria-label={s.table}>
      <thead>
        <tr>
          <th scope="col">{s.server}</th>
          <th scope="col">{s.role}</th>
          <th scope="col">{s.term}</th>
          <th scope="col">{s.lastIndex}</th>
          <th scope="col">{s.commitIndex}</th>
          <th scope="col">{s.actions}</th>
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
