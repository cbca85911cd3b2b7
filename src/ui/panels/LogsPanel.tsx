import { usePlayground } from '../usePlayground.ts';
import { LogsView } from '../views/index.ts';
import { selectLogs } from './select.ts';

/** Every server's log, live; a click on an entry inspects its server. */
export function LogsPanel() {
  const { nodes, leader, progress, selection, select, playing } = usePlayground(selectLogs);
  const selected =
    selection?.kind === 'node' && selection.index !== undefined
      ? { node: selection.id, index: selection.index }
      : null;
  return (
    <LogsView
      nodes={nodes}
      leaderId={leader}
      progress={leader === null ? undefined : progress}
      selected={selected}
      skippable={playing}
      onSelectEntry={(id, index) => select({ kind: 'node', id, index })}
    />
  );
}
