import type { LogEntry } from '../../sim/index.ts';
import { messages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { agreement, entryAt, type Agreement, type FollowerProgress } from './logDiff.ts';

/** The row a cell belongs to: one server's log and marks. */
export interface LogRowData {
  readonly id: number;
  readonly log: readonly LogEntry[];
  readonly commitIndex: number;
  readonly lastApplied: number;
  /** The leader's nextIndex and matchIndex for this server, when it follows a leader. */
  readonly progress?: FollowerProgress | undefined;
  /** The last index and term its snapshot stands for (Raft §7); 0 or absent when none. */
  readonly snapshotIndex?: number | undefined;
  readonly snapshotTerm?: number | undefined;
}

/** Everything one log cell shows, and what a screen reader says for it. */
export interface LogCellModel {
  readonly index: number;
  /** null: this server stores no entry at the index. */
  readonly term: number | null;
  /** The entry is gone from the log into the snapshot (Raft §7). */
  readonly compacted: boolean;
  /** The snapshot's last entry: `term` is the snapshot's lastIncludedTerm. */
  readonly snapshotLast: boolean;
  readonly agreement: Agreement;
  readonly leaderTerm: number | null;
  readonly committed: boolean;
  readonly applied: boolean;
  readonly isCommitIndex: boolean;
  readonly isLastApplied: boolean;
  readonly isNextIndex: boolean;
  readonly isMatchIndex: boolean;
  readonly label: string;
}

export function logCell(
  row: LogRowData,
  index: number,
  leaderLog: readonly LogEntry[] | null,
  leaderSnapshotIndex = 0,
): LogCellModel {
  const snapshotIndex = row.snapshotIndex ?? 0;
  const compacted = index <= snapshotIndex;
  const snapshotLast = compacted && index === snapshotIndex;
  const term = compacted
    ? snapshotLast
      ? (row.snapshotTerm ?? null)
      : null
    : (entryAt(row.log, index)?.term ?? null);
  const agrees = agreement(leaderLog, row.log, index, leaderSnapshotIndex);
  const leaderTerm = leaderLog ? (entryAt(leaderLog, index)?.term ?? null) : null;
  const model = {
    index,
    term,
    compacted,
    snapshotLast,
    agreement: agrees,
    leaderTerm,
    // A snapshot holds only applied entries (Raft §7).
    committed: compacted || (term !== null && index <= row.commitIndex),
    applied: compacted || (term !== null && index <= row.lastApplied),
    isCommitIndex: index === row.commitIndex,
    isLastApplied: index === row.lastApplied,
    isNextIndex: index === row.progress?.nextIndex,
    isMatchIndex: index === row.progress?.matchIndex,
  };
  return { ...model, label: cellLabel(row.id, model) };
}

function cellLabel(id: number, c: Omit<LogCellModel, 'label'>): string {
  const l = messages().logs;
  const parts = [l.cellAt(nodeName(id), c.index)];
  if (c.compacted) {
    const b = messages().beyond;
    parts.push(c.snapshotLast && c.term !== null ? b.cellSnapshotLast(c.term) : b.cellCompacted);
  } else if (c.term === null) parts.push(l.noEntry);
  else {
    parts.push(l.cellTerm(c.term));
    parts.push(c.applied ? l.appliedMark : c.committed ? l.committedMark : l.notCommitted);
  }
  if (c.agreement === 'conflict') parts.push(l.conflict(c.leaderTerm));
  if (c.agreement === 'extra') parts.push(l.extra);
  if (c.isCommitIndex) parts.push('commitIndex');
  if (c.isLastApplied) parts.push('lastApplied');
  if (c.isNextIndex) parts.push(l.leaderNext);
  if (c.isMatchIndex) parts.push(l.leaderMatch);
  return l.join(parts);
}
