import { useMemo } from 'react';
import { nodeName } from '../labels.ts';
import { usePlayground } from '../usePlayground.ts';
import { describeMessage, Inspector, type InspectTarget } from '../views/index.ts';
import { selectInspector } from './select.ts';

/** Messages in flight offered for inspection at most: the wire can hold hundreds. */
export const MESSAGES_LISTED_MAX = 12;

/**
 * The inspector, with ways in that need no pointer: a button per server
 * and the messages on the wire right now (the ring and the logs open it too).
 */
export function InspectorPanel() {
  const { nodes, leader, progress, selection, select, inFlight, version, coordinator } =
    usePlayground(selectInspector);
  const target: InspectTarget = useMemo(() => {
    if (selection?.kind === 'message') return { kind: 'message', envelope: selection.envelope };
    if (selection?.kind !== 'node') return null;
    const node = nodes.find((n) => n.id === selection.id);
    if (!node) return null;
    return { kind: 'node', node, ...(node.id === leader && { progress }) };
  }, [selection, nodes, leader, progress]);
  // Read on each refresh (version), only while some are in flight.
  const messages = useMemo(
    () => (inFlight > 0 && version >= 0 ? (coordinator()?.inFlight() ?? []) : []),
    [inFlight, version, coordinator],
  ).slice(0, MESSAGES_LISTED_MAX);
  return (
    <div className="page-inspector">
      <Inspector target={target} onClose={() => select(null)} />
      <div className="page-inspect-picks" role="group" aria-label="Inspect a server">
        {nodes.map((n) => (
          <button
            key={n.id}
            type="button"
            className="rv-button"
            aria-pressed={selection?.kind === 'node' && selection.id === n.id}
            onClick={() => select({ kind: 'node', id: n.id })}
          >
            Inspect {nodeName(n.id)}
          </button>
        ))}
      </div>
      <details className="page-inflight">
        <summary>Messages in flight ({inFlight})</summary>
        <ul aria-label="Messages in flight">
          {messages.map((e) => (
            <li key={`${e.from}>${e.to}:${e.incarnation}:${e.seq}:${e.duplicate ? 'd' : ''}`}>
              <button
                type="button"
                className="rv-button page-link"
                onClick={() => select({ kind: 'message', envelope: e })}
              >
                {`${nodeName(e.from)} → ${nodeName(e.to)}: ${describeMessage(e.message)}`}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
