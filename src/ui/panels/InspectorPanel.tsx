import { useMemo, useState } from 'react';
import { useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { usePlayground } from '../usePlayground.ts';
import { Inspector, type InspectTarget } from '../views/index.ts';
import { InFlightList } from './InFlightList.tsx';
import { selectInspector } from './select.ts';

/**
 * The inspector, with ways in that need no pointer: a button per server
 * and the messages on the wire right now (the ring and the logs open it too).
 */
export function InspectorPanel() {
  const { nodes, leader, progress, selection, select, inFlight } = usePlayground(selectInspector);
  const [listOpen, setListOpen] = useState(false);
  const t = useMessages().inspector;
  const target: InspectTarget = useMemo(() => {
    if (selection?.kind === 'message') return { kind: 'message', envelope: selection.envelope };
    if (selection?.kind !== 'node') return null;
    const node = nodes.find((n) => n.id === selection.id);
    if (!node) return null;
    return { kind: 'node', node, ...(node.id === leader && { progress }) };
  }, [selection, nodes, leader, progress]);
  return (
    <div className="page-inspector">
      <Inspector target={target} onClose={() => select(null)} />
      <div className="page-inspect-picks" role="group" aria-label={t.inspectServer}>
        {nodes.map((n) => (
          <button
            key={n.id}
            type="button"
            className="rv-button"
            aria-pressed={selection?.kind === 'node' && selection.id === n.id}
            onClick={() => select({ kind: 'node', id: n.id })}
          >
            {t.inspect(nodeName(n.id))}
          </button>
        ))}
      </div>
      <details
        className="page-inflight"
        onToggle={(e) => setListOpen((e.target as HTMLDetailsElement).open)}
      >
        <summary>{t.inFlight(inFlight)}</summary>
        {listOpen && <InFlightList />}
      </details>
    </div>
  );
}
