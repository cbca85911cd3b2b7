import { memo } from 'react';
import type { LogEntry, NodeId, Role } from '../../sim/index.ts';
import { useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { logCell } from './logCell.ts';
import type { FollowerProgress } from './logDiff.ts';
import { LogCell } from './LogCell.tsx';
import { RoleBadge } from './RoleBadge.tsx';
import { serverStatus } from './roles.ts';

/** What the logs view needs of a server: a subset of the headless NodeView. */
export interface LogNode {
  readonly id: NodeId;
  readonly alive: boolean;
  readonly role: Role;
  readonly term: number;
  readonly log: readonly LogEntry[];
  readonly commitIndex: number;
  readonly lastApplied: number;
  /** The last index and term its snapshot stands for (Raft §7); 0 or absent when none. */
  readonly snapshotIndex?: number;
  readonly snapshotTerm?: number;
}

export interface LogRowProps {
  readonly node: LogNode;
  /** 1-based, counting the header row, for aria-rowindex. */
  readonly rowIndex: number;
  readonly leaderLog: readonly LogEntry[] | null;
  readonly leaderSnapshotIndex: number;
  readonly progress: FollowerProgress | undefined;
  /** The log index of slot 0. */
  readonly firstIndex: number;
  readonly start: number;
  readonly end: number;
  readonly cellPx: number;
  /** The slot with keyboard focus in this row, or -1. */
  readonly activeSlot: number;
  readonly selectedIndex: number;
  /** Pointed at or selected in another view. */
  readonly marked: boolean;
  /** The log indexes marked in this row, both ends included; -1 when none. */
  readonly markFirst: number;
  readonly markLast: number;
  /** Further log indexes marked in this row (a lesson step's highlight). */
  readonly pointedIndexes: readonly number[];
  readonly idPrefix: string;
}

/** One server's log; re-renders only when its own props change. */
export const LogRow = memo(function LogRow(p: LogRowProps) {
  const { node } = p;
  const m = useMessages();
  const status = serverStatus(node);
  const snapshotIndex = node.snapshotIndex ?? 0;
  const row = { ...node, progress: p.progress };
  const cells = [];
  for (let slot = p.start; slot < p.end; slot++) {
    const cell = logCell(row, p.firstIndex + slot, p.leaderLog, p.leaderSnapshotIndex);
    cells.push(
      <LogCell
        // By place in the window: as the log grows and the view follows its
        // end, the cells are updated in place, not removed and remade.
        key={slot - p.start}
        id={`${p.idPrefix}-${p.rowIndex}-${slot}`}
        cell={cell}
        rowIndex={p.rowIndex}
        slot={slot}
        active={slot === p.activeSlot}
        selected={cell.index === p.selectedIndex}
        linked={
          (cell.index >= p.markFirst && cell.index <= p.markLast && p.markFirst >= 0) ||
          p.pointedIndexes.includes(cell.index)
        }
      />,
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={p.rowIndex}
      className={`rv-logs__row rv-status-${status}${p.marked ? ' rv-logs__row--marked' : ''}`}
      data-server={node.id}
      data-marked={p.marked || undefined}
    >
      <span
        role="rowheader"
        aria-colindex={1}
        className="rv-logs__rowhead"
        aria-label={m.logs.join([
          m.logs.row(
            nodeName(node.id),
            m.roles[status],
            node.term,
            node.commitIndex,
            node.lastApplied,
          ),
          ...(snapshotIndex > 0
            ? [m.beyond.rowSnapshot(snapshotIndex, node.snapshotTerm ?? 0)]
            : []),
        ])}
      >
        <RoleBadge status={status} />
        <b>{nodeName(node.id)}</b> <span className="rv-logs__status">{m.roles[status]}</span>
        <span className="rv-logs__nums" aria-hidden="true">
          {m.logs.nums(node.term, node.commitIndex, node.lastApplied)}
          {snapshotIndex > 0 && m.beyond.numsSnapshot(snapshotIndex)}
        </span>
      </span>
      <span aria-hidden="true" className="rv-logs__spacer" style={{ width: p.start * p.cellPx }} />
      {cells}
    </div>
  );
});
