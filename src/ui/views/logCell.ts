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
}

/** Everything one log cell shows, and what a screen reader says for it. */
export interface LogCellModel {
  readonly index: number;
  /** null: this server stores no entry at the index. */
  readonly term: number | null;
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
): LogCellModel {
  const term = entryAt(row.log, index)?.term ?? null;
  const agrees = agreement(leaderLog, row.log, index);
  const leaderTerm = leaderLog ? (entryAt(leaderLog, index)?.term ?? null) : null;
  const model = {
    index,
    term,
    agreement: agrees,
    leaderTerm,
    committed: term !== null && index <= row.commitIndex,
    applied: term !== null && index <= row.lastApplied,
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
  if (c.term === null) parts.push(l.noEntry);
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
