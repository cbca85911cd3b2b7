import type { MembershipChange } from './membership';
import * as msg from './messages';
import type { Progress } from './progress';
import { leaseDurationMs } from './readonly';
import { FollowerHandlers } from './follower';
import { NONE } from './ready';
import type { AppendEntriesResponse, LogEntry, NodeId } from './types';

/**
 * The fourth layer of RaftNode: the leader's side of replication (Raft §5.3,
 * §5.4.2, §7): AppendEntries and snapshots out, their responses in, commit,
 * the rounds of ReadIndex and the lease (§6.4), the promotion of learners.
 */
export abstract class Replication extends FollowerHandlers {
  /** Dissertation §4.1: proposes a configuration change (node.ts). */
  abstract changeMembership(
    change: MembershipChange,
    nowMs: number,
  ): { index: number; term: number } | string;

  protected handleAppendEntriesResponse(m: AppendEntriesResponse): void {
    const pr = this.tracker.get(m.from);
    if (!pr) return;
    if (pr.heard(m.readSeq, m.ackSentAtMs)) this.confirmReads();
    if (m.success) {
      if (pr.acknowledge(m.matchIndex)) {
        this.maybeCommit();
        this.maybePromote(m.from, pr);
      }
      if (this.transfereeId === m.from && pr.matchIndex === this.log.lastIndex())
        this.sendTimeoutNow(m.from);
      else this.sendAppend(m.from, false);
      return;
    }
    if (m.catchingUp && m.conflictIndex <= pr.matchIndex) pr.lost(m.conflictIndex - 1);
    else if (m.rejectedIndex <= pr.matchIndex) return; // a stale refusal: we already know better
    pr.backUp(this.nextIndexAfterConflict(m));
    this.sendAppend(m.from, false);
  }

  /**
   * Fast backup (Raft §5.3): if we hold entries of the follower's conflicting
   * term, resume just after our last one; otherwise skip that whole term.
   */
  protected nextIndexAfterConflict(m: AppendEntriesResponse): number {
    if (m.conflictTerm > 0) {
      const last = this.log.lastIndexOfTerm(m.conflictTerm);
      if (last > 0) return Math.min(last + 1, m.rejectedIndex);
    }
    return Math.min(m.conflictIndex, m.rejectedIndex);
  }

  // ---- leader duties

  protected broadcastAppend(heartbeat: boolean): void {
    for (const peer of this.otherPeers()) this.sendAppend(peer, heartbeat);
  }

  /**
   * Sends one AppendEntries to `peer`, carrying entries from its nextIndex if
   * flow control allows. A heartbeat always goes out, empty if need be, so the
   * follower's timer is reset and a lost reply is recovered.
   */
  protected sendAppend(peer: NodeId, heartbeat: boolean): void {
    const pr = this.tracker.get(peer);
    if (!pr) return;
    if (heartbeat) pr.heartbeatDue(this.now, this.config.heartbeatMs);
    const canSend = pr.canSend(this.config.maxInflightAppends);
    const snapshot = this.snapshotValue;
    if (snapshot && pr.nextIndex <= snapshot.index) {
      // Raft §7: the entries it needs are compacted away; send the snapshot.
      if (!canSend) return;
      this.send(msg.installSnapshot(this.envelope(peer), snapshot, this.now));
      pr.snapshotSent();
      pr.scheduleHeartbeat(this.now + this.config.heartbeatMs);
      return;
    }
    const hasEntries = pr.nextIndex <= this.log.lastIndex();
    if (!heartbeat && (!canSend || !hasEntries)) return;
    const prevLogIndex = pr.nextIndex - 1;
    const entries = canSend
      ? this.log.slice(
          pr.nextIndex,
          Math.min(this.log.lastIndex() + 1, pr.nextIndex + this.config.maxEntriesPerAppend),
        )
      : NONE;
    this.sendAppendEntries(peer, pr, prevLogIndex, entries);
    pr.sent(prevLogIndex + entries.length, entries.length > 0, this.now);
  }

  /** An empty AppendEntries at matchIndex, which always matches: it only says "I still lead". */
  protected sendHeartbeat(peer: NodeId): void {
    const pr = this.tracker.get(peer);
    if (pr) this.sendAppendEntries(peer, pr, Math.max(pr.matchIndex, this.log.snapshotIndex), NONE);
  }

  /** Any AppendEntries resets the follower's election timer, so its next heartbeat is due later. */
  protected sendAppendEntries(
    peer: NodeId,
    pr: Progress,
    prevLogIndex: number,
    entries: readonly LogEntry[],
  ): void {
    this.send(
      msg.appendEntries(this.envelope(peer), {
        prevLogIndex,
        prevLogTerm: this.log.term(prevLogIndex) ?? 0,
        entries,
        leaderCommit: this.commitIndexValue,
        readSeq: this.readOnly.readSeq,
        sentAtMs: this.now,
      }),
    );
    pr.scheduleHeartbeat(this.now + this.config.heartbeatMs);
  }

  /**
   * Raft §5.3 and §5.4.2: commit the highest index stored on a majority, but
   * only by counting replicas of an entry from the current term.
   */
  protected maybeCommit(): void {
    // Dissertation §4.1: quorums are of the configuration in effect, which a
    // leader that is removing itself is not part of.
    const n = this.tracker.committed(this.membership.current().voters, this.log.lastIndex());
    if (n <= this.commitIndexValue) return;
    if (this.log.term(n) !== this.currentTermValue && !this.config.bugs.commitOldTermByCount)
      return;
    this.commitIndexValue = n;
    this.startReadRounds();
    // §4.2.2: a leader removed from the cluster steps down once that is committed.
    if (!this.membership.isVoter(this.id) && this.membership.lastChangeIndex() <= n) {
      this.becomeFollower(this.currentTermValue, null);
    }
  }

  // ---- ReadIndex (dissertation §6.4; the reads themselves are in readonly.ts)

  /**
   * Until an entry of its own term commits, a new leader does not know the
   * latest commitIndex, so reads wait; then a round of heartbeats, unless
   * the lease holds.
   */
  protected startReadRounds(): void {
    if (
      this.roleValue !== 'leader' ||
      this.log.term(this.commitIndexValue) !== this.currentTermValue ||
      !this.readOnly.waiting()
    )
      return;
    if (!this.readOnly.start(this.commitIndexValue, this.leaseHolds())) return;
    for (const peer of this.otherPeers()) this.sendHeartbeat(peer);
    this.confirmReads();
  }

  protected confirmReads(): void {
    this.readOnly.confirm(this.tracker.readAcked(this.membership.current().voters));
  }

  /**
   * §4.2.1: a new server joins as a learner and becomes a voter once it has
   * caught up with the leader's commitIndex, so it never holds up commits.
   */
  protected maybePromote(peer: NodeId, pr: Progress): void {
    if (this.roleValue !== 'leader' || !this.membership.current().learners.includes(peer)) return;
    if (
      pr.matchIndex < this.commitIndexValue ||
      this.membership.lastChangeIndex() > this.commitIndexValue
    )
      return;
    this.changeMembership({ kind: 'promote', id: peer }, this.now);
  }

  /**
   * A follower must hear from its leader at least every heartbeatMs; any
   * AppendEntries will do, so each follower has its own heartbeat timer that
   * every send resets, and a busy link carries no empty heartbeats.
   */
  protected heartbeatDeadline(): number {
    return this.tracker.heartbeatDueAtMs();
  }

  protected sendTimeoutNow(peer: NodeId): void {
    this.send(msg.timeoutNow(this.envelope(peer)));
  }

  /**
   * The leader's lease (§6.4.1): from the latest time a majority (counting
   * us) acknowledged, for electionTimeoutMin shortened by the drift bound.
   * Servers in the lease ignore vote requests (see inLease), so no other
   * leader can be elected before it ends, if clocks keep to the bound.
   */
  protected leaseHolds(): boolean {
    if (!this.config.leaseReads || this.transfereeId !== null) return false;
    const start = this.tracker.ackedSentAtMs(this.membership.current().voters, this.now);
    return (
      this.now <
      start + leaseDurationMs(this.config.electionTimeoutMs[0], this.config.clockDriftBound)
    );
  }
}
