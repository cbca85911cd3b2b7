import { termAt, type Cluster } from './cluster';
import type { LogEntry, NodeId } from '../raft';

/** Election timeouts are at most 300 ms by default; a few rounds must be enough. */
export const ELECTION_BOUND_MS = 3_000;

export function waitForLeader(c: Cluster, maxMs = ELECTION_BOUND_MS): NodeId {
  if (!c.runUntil(() => c.leader() !== null, maxMs))
    throw new Error(`no leader within ${maxMs} ms (seed ${c.options.seed})`);
  return c.leader() as NodeId;
}

/** Proposes through whichever node leads now, waiting for one if needed. */
export function proposeOnLeader(c: Cluster, command: unknown): { index: number; term: number } {
  const at = c.propose(waitForLeader(c), command);
  if (!at) throw new Error('the leader refused a proposal');
  return at;
}

/** How many live nodes have the entry at (index, term) committed. */
export function committedOn(c: Cluster, index: number, term: number): number {
  return c.ids.filter((id) => {
    const n = c.node(id);
    const t = termAt(n, index);
    return n.alive && n.commitIndex >= index && (t === term || t === null);
  }).length;
}

/** Runs until every live node has committed (index, term), or throws. */
export function waitCommittedEverywhere(
  c: Cluster,
  at: { index: number; term: number },
  maxMs = ELECTION_BOUND_MS,
): void {
  const live = () => c.ids.filter((id) => c.node(id).alive).length;
  if (!c.runUntil(() => committedOn(c, at.index, at.term) === live(), maxMs)) {
    throw new Error(
      `entry ${at.index} (term ${at.term}) not committed on all live nodes within ${maxMs} ms`,
    );
  }
}

export function commands(log: readonly LogEntry[]): unknown[] {
  return log.map((e) => e.command);
}

export function terms(log: readonly LogEntry[]): number[] {
  return log.map((e) => e.term);
}
