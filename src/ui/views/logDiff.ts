import type { LogEntry, NodeId } from '../../sim/index.ts';

/** What a leader knows of one follower (Raft Figure 2, "Volatile state on leaders"). */
export interface FollowerProgress {
  readonly nextIndex: number;
  readonly matchIndex: number;
}

/**
 * How a server's entry at an index compares with the leader's:
 * - same: both hold an entry of the same term (Log Matching, §5.3: then the
 *   logs are identical up to there);
 * - conflict: both hold an entry and the terms differ;
 * - extra: only this server holds one;
 * - none: this server holds none, or there is no leader to compare with.
 */
export type Agreement = 'same' | 'conflict' | 'extra' | 'none';

/** The entry at `index`, for a log that may start after 1 (after a snapshot). */
export function entryAt(log: readonly LogEntry[], index: number): LogEntry | undefined {
  const first = log[0]?.index;
  if (first === undefined) return undefined;
  // A log holds consecutive indexes: one look, whatever its length.
  const e = log[index - first];
  return e?.index === index ? e : undefined;
}

export function agreement(
  leaderLog: readonly LogEntry[] | null,
  log: readonly LogEntry[],
  index: number,
  /** The leader's snapshot covers up to here: its entries there are gone, not missing (Raft §7). */
  leaderSnapshotIndex = 0,
): Agreement {
  const mine = entryAt(log, index);
  if (!mine || !leaderLog || index <= leaderSnapshotIndex) return 'none';
  const theirs = entryAt(leaderLog, index);
  if (!theirs) return 'extra';
  return theirs.term === mine.term ? 'same' : 'conflict';
}

/**
 * The columns the logs view needs: every stored index, each snapshot's last
 * index (where the compacted prefix shows), and every nextIndex.
 */
export function logColumns(
  logs: readonly { readonly log: readonly LogEntry[]; readonly snapshotIndex?: number }[],
  progress: Readonly<Record<NodeId, FollowerProgress>> | undefined,
): { readonly first: number; readonly count: number } {
  let first = Infinity;
  let last = 0;
  for (const { log, snapshotIndex = 0 } of logs) {
    const head = log[0];
    const tail = log.at(-1);
    if (snapshotIndex > 0) first = Math.min(first, snapshotIndex);
    else if (head) first = Math.min(first, head.index);
    last = Math.max(last, tail?.index ?? 0, snapshotIndex);
  }
  for (const p of Object.values(progress ?? {})) last = Math.max(last, p.nextIndex, p.matchIndex);
  if (first === Infinity) first = 1;
  return { first, count: Math.max(0, last - first + 1) };
}
