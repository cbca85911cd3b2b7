import { useMemo } from 'react';
import { stepMarks, useShownHighlight } from '../lessons/highlight.ts';
import { LinkedNote } from '../stage/LinkedNote.tsx';
import { markedServer, rowMarks } from '../stage/linked.ts';
import { usePlayground } from '../usePlayground.ts';
import { LogsView } from '../views/index.ts';
import { selectLogs } from './select.ts';

/**
 * Every server's log, live; a click on an entry inspects its server and
 * marks the entry where it is held, and on the ring the messages carrying it.
 */
export function LogsPanel() {
  const { nodes, leader, progress, selection, hovered, select, hover, playing } =
    usePlayground(selectLogs);
  const selected =
    selection?.kind === 'node' && selection.index !== undefined
      ? { node: selection.id, index: selection.index }
      : null;
  const marks = useMemo(() => rowMarks(selection, nodes), [selection, nodes]);
  // What the shown lesson step points at, in the same marks (a step's highlight).
  const highlight = useShownHighlight();
  const pointed = useMemo(
    () =>
      stepMarks(
        highlight,
        nodes.map((n) => n.id),
      ),
    [highlight, nodes],
  );
  return (
    <LogsView
      nodes={nodes}
      leaderId={leader}
      progress={leader === null ? undefined : progress}
      selected={selected}
      skippable={playing}
      marked={markedServer(hovered, selection)}
      marks={marks}
      pointed={pointed}
      onHoverServer={hover}
      note={<LinkedNote />}
      onSelectEntry={(id, index) => select({ kind: 'node', id, index })}
    />
  );
}
