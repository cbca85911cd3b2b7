import { nodeStatus } from './geometry.ts';
import { nodeName } from './labels.ts';
import { selectServerActions } from './selectors.ts';
import type { NodeSnapshot } from './store.ts';
import { usePlayground } from './usePlayground.ts';

/** One server: role, term, log and commit index, its worker's error, and crash/restart/isolate. */
export function ServerRow({ node }: { node: NodeSnapshot }) {
  const { running, isolated, nodeCount, crash, restart, isolate } =
    usePlayground(selectServerActions);
  const name = nodeName(node.id);
  const cutOff = isolated.includes(node.id);
  return (
    <tr data-testid={`server-${name}`}>
      <th scope="row">{name}</th>
      <td>
        {nodeStatus(node)}
        {cutOff && ' (cut off)'}
        {node.error && (
          <span className="servers__error" data-testid={`error-${name}`}>
            {' '}
            {node.error}
          </span>
        )}
      </td>
      <td>{node.term}</td>
      <td data-testid={`log-${name}`}>{node.log.length}</td>
      <td data-testid={`commit-${name}`}>{node.commitIndex}</td>
      <td className="servers__actions">
        {node.alive ? (
          <button
            type="button"
            disabled={!running}
            onClick={() => void crash(node.id)}
            aria-label={`Crash ${name}`}
          >
            Crash
          </button>
        ) : (
          <button
            type="button"
            disabled={!running}
            onClick={() => void restart(node.id)}
            aria-label={`Restart ${name}`}
          >
            Restart
          </button>
        )}
        <button
          type="button"
          disabled={!running || cutOff || isolated.length >= nodeCount - 1}
          onClick={() => void isolate(node.id)}
          aria-label={`Isolate ${name}`}
          title="Cut this server off from the others (with any already cut off)"
        >
          Isolate
        </button>
      </td>
    </tr>
  );
}
