import { nodeStatus } from './geometry.ts';
import { useMessages } from './i18n/index.ts';
import { nodeName } from './labels.ts';
import { selectServerActions } from './selectors.ts';
import type { NodeSnapshot } from './store.ts';
import { usePlayground } from './usePlayground.ts';

/** One server: role, term, log and commit index, its worker's error, and crash/restart/isolate. */
export function ServerRow({ node }: { node: NodeSnapshot }) {
  const { running, isolated, nodeCount, crash, restart, isolate } =
    usePlayground(selectServerActions);
  const m = useMessages();
  const s = m.servers;
  const name = nodeName(node.id);
  const cutOff = isolated.includes(node.id);
  return (
    <tr data-testid={`server-${name}`}>
      <th scope="row">{name}</th>
      <td>
        {m.roles[nodeStatus(node)]}
        {cutOff && s.cutOff}
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
            aria-label={s.crashLabel(name)}
          >
            {s.crash}
          </button>
        ) : (
          <button
            type="button"
            disabled={!running}
            onClick={() => void restart(node.id)}
            aria-label={s.restartLabel(name)}
          >
            {s.restart}
          </button>
        )}
        <button
          type="button"
          disabled={!running || cutOff || isolated.length >= nodeCount - 1}
          onClick={() => void isolate(node.id)}
          aria-label={s.isolateLabel(name)}
          title={s.isolateTitle}
        >
          {s.isolate}
        </button>
      </td>
    </tr>
  );
}
