import { Progress } from './progress';
import { quorumValue, voteResult } from './quorum';
import type { NodeId } from './types';

const matchIndexOf = (pr: Progress): number => pr.matchIndex;
const activeOf = (pr: Progress): number => (pr.recentActive ? 1 : 0);
const readAckedOf = (pr: Progress): number => pr.readAcked;
const ackSentAtMsOf = (pr: Progress): number => pr.ackSentAtMs;

/**
 * What a server counts (etcd's tracker/tracker.go): the votes of an election
 * and, as leader, one Progress per other member. Every question "has a
 * majority of the voters ...?" is asked here, of the voters of the
 * configuration in effect (dissertation §4.1): a leader that is removing
 * itself, or a learner, counts in no quorum (§4.2.1, §4.2.2).
 */
export class ProgressTracker {
  private readonly progressMap = new Map<NodeId, Progress>();
  private readonly votes = new Map<NodeId, boolean>();
  private readonly values: number[] = [];

  constructor(private readonly self: NodeId) {}

  get(peer: NodeId): Progress | undefined {
    return this.progressMap.get(peer);
  }

  /** Every follower's progress, in the order they joined. */
  progress(): IterableIterator<[NodeId, Progress]> {
    return this.progressMap.entries();
  }

  /** Figure 2: a new leader starts nextIndex just past its log, matchIndex at 0. */
  resetProgress(peers: readonly NodeId[], nextIndex: number): void {
    this.progressMap.clear();
    for (const p of peers) this.progressMap.set(p, new Progress(nextIndex));
  }

  clearProgress(): void {
    this.progressMap.clear();
  }

  /** One record per member as the configuration changes; a newcomer is owed an AppendEntries at once. */
  reconcile(peers: readonly NodeId[], nextIndex: number, nowMs: number): void {
    const members = new Set(peers);
    for (const peer of this.progressMap.keys())
      if (!members.has(peer)) this.progressMap.delete(peer);
    for (const peer of members)
      if (!this.progressMap.has(peer)) this.progressMap.set(peer, new Progress(nextIndex, nowMs));
  }

  /** Raft §5.3: the highest index stored on a majority, the leader counting `lastIndex`. */
  committed(voters: readonly NodeId[], lastIndex: number): number {
    return this.quorum(voters, lastIndex, matchIndexOf, 0);
  }

  /** CheckQuorum (dissertation §6.2): a majority was heard from since the last check. */
  quorumActive(voters: readonly NodeId[]): boolean {
    return this.quorum(voters, 1, activeOf, 0) >= 1;
  }

  clearRecentActive(): void {
    for (const pr of this.progressMap.values()) pr.clearRecentActive();
  }

  /** ReadIndex (§6.4): the latest round a majority (counting the leader) has answered. */
  readAcked(voters: readonly NodeId[]): number {
    return this.quorum(voters, Infinity, readAckedOf, 0);
  }

  /** Lease (§6.4.1): the latest send time a majority acknowledged, the leader counting `nowMs`. */
  ackedSentAtMs(voters: readonly NodeId[], nowMs: number): number {
    return this.quorum(voters, nowMs, ackSentAtMsOf, -Infinity);
  }

  /** The earliest heartbeat any follower is owed, in virtual ms. */
  heartbeatDueAtMs(): number {
    let due = Infinity;
    for (const pr of this.progressMap.values()) due = Math.min(due, pr.heartbeatDueAtMs);
    return due;
  }

  /** A new election: the candidate votes for itself (Raft §5.2). */
  resetVotes(): void {
    this.votes.clear();
    this.votes.set(this.self, true);
  }

  clearVotes(): void {
    this.votes.clear();
  }

  recordVote(from: NodeId, granted: boolean): void {
    this.votes.set(from, granted);
  }

  /** The election so far, counting only the votes of `voters`. */
  tallyVotes(voters: readonly NodeId[]): 'won' | 'lost' | 'pending' {
    let granted = 0;
    let refused = 0;
    for (const v of voters) {
      const vote = this.votes.get(v);
      if (vote === true) granted++;
      else if (vote === false) refused++;
    }
    return voteResult(granted, refused, voters.length);
  }

  private quorum(
    voters: readonly NodeId[],
    selfValue: number,
    valueOf: (pr: Progress) => number,
    unknown: number,
  ): number {
    const values = this.values;
    if (values.length !== voters.length) values.length = voters.length;
    for (let k = 0; k < voters.length; k++) {
      const v = voters[k];
      const pr = v === this.self || v === undefined ? undefined : this.progressMap.get(v);
      values[k] = v === this.self ? selfValue : pr ? valueOf(pr) : unknown;
    }
    return quorumValue(values);
  }
}
