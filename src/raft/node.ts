import { applyChange, type ClusterConfig, type MembershipChange } from './membership';
import type { Persisted } from './ready';
import { Replication } from './replication';
import { NOOP, type LocalMessage, type Message, type NodeId, type RaftConfig } from './types';

type StepFn = (this: RaftNode, m: Message | LocalMessage) => void;
type TickFn = (this: RaftNode) => void;

/**
 * One Raft server as a pure state machine (Raft §5). No timers and no I/O:
 * time comes in through tick(now) and step(message, now); every change of
 * state, timeouts included, goes through step(); output is drained with
 * takeReady(). This file holds step(), the role transitions and the role
 * step and tick functions; the layers it extends are listed in ready.ts.
 */
export class RaftNode extends Replication {
  private stepRole: StepFn;
  private tickRole: TickFn;

  constructor(config: RaftConfig, persisted: Persisted, nowMs: number) {
    super(config, persisted, nowMs);
    this.stepRole = this.stepFollower;
    this.tickRole = this.tickElection;
    this.resetElectionTimer();
  }

  /** The next virtual time at which tick() has work to do. */
  nextDeadline(): number {
    if (this.roleValue !== 'leader') return this.electionDeadlineMs;
    return Math.min(this.heartbeatDeadline(), this.checkQuorumDeadlineMs, this.transferDeadlineMs);
  }

  /** Advances the clock and fires whichever timer is due. */
  tick(nowMs: number): void {
    this.advanceClock(nowMs);
    this.tickRole.call(this);
  }

  /** A follower, candidate or pre-candidate: its election timer (Raft §5.2). */
  private tickElection(): void {
    if (this.now >= this.electionDeadlineMs) this.step({ type: 'ElectionTimeout' }, this.now);
  }

  /** A leader: CheckQuorum, a transfer's deadline, then the heartbeats; each step may end its leadership. */
  private tickLeader(): void {
    if (this.now >= this.checkQuorumDeadlineMs) this.step({ type: 'CheckQuorum' }, this.now);
    if (this.roleValue === 'leader' && this.now >= this.transferDeadlineMs)
      this.step({ type: 'TransferTimeout' }, this.now);
    if (this.roleValue === 'leader' && this.now >= this.heartbeatDeadline())
      this.step({ type: 'HeartbeatTimeout' }, this.now);
  }

  /** Proposes a command. Returns where it went in the log, or null if this server is not the leader. */
  propose(command: unknown, nowMs: number): { index: number; term: number } | null {
    // §3.10: a leader handing over leadership takes no new proposals.
    if (this.roleValue !== 'leader' || this.transfereeId !== null) return null;
    this.step({ type: 'Propose', command }, nowMs);
    return { index: this.log.lastIndex(), term: this.currentTermValue };
  }

  /**
   * Asks for a linearizable read named `ctx` (dissertation §6.4). Returns
   * false if this server is not the leader; otherwise the read comes back in
   * a later Ready's readStates (or failedReads if leadership is lost).
   */
  readIndex(ctx: number, nowMs: number): boolean {
    if (this.roleValue !== 'leader') return false;
    this.step({ type: 'ReadIndex', ctx }, nowMs);
    return true;
  }

  /**
   * Leadership transfer (§3.10): the leader brings `target` up to date, then
   * tells it to start an election at once. Returns false if this server is
   * not the leader or `target` is not another member.
   */
  transferLeadership(target: NodeId, nowMs: number): boolean {
    if (this.roleValue !== 'leader' || target === this.id || !this.membership.isVoter(target))
      return false;
    this.step({ type: 'TransferLeadership', target }, nowMs);
    return true;
  }

  /**
   * Log compaction (Raft §7): the host has a snapshot of the state machine
   * as of `index` (at most lastApplied); the log drops the entries it covers.
   */
  compact(index: number, data: unknown): void {
    if (index > this.lastAppliedValue)
      throw new Error(
        `S${this.id}: cannot snapshot ${index}, applied only ${this.lastAppliedValue}`,
      );
    if (index <= this.log.snapshotIndex) return;
    const term = this.log.term(index) ?? 0;
    const config = this.membership.at(index);
    this.log.compact(index);
    this.membership.compacted(index);
    this.snapshotValue = { index, term, data, config };
    this.unstableSnapshot = { index, term, data, config, install: false };
  }

  /**
   * Membership change (dissertation §4.1): one server at a time, taking
   * effect as soon as it is in the log. Returns where the change went, or
   * why it cannot be made now.
   */
  override changeMembership(
    change: MembershipChange,
    nowMs: number,
  ): { index: number; term: number } | string {
    const next = this.nextConfig(change);
    if (typeof next === 'string') return next;
    this.step(
      {
        type: 'Propose',
        command: { kind: 'config', voters: next.voters, learners: next.learners },
      },
      nowMs,
    );
    return { index: this.log.lastIndex(), term: this.currentTermValue };
  }

  /** The configuration `change` would make, or why it cannot be made now; changes nothing. */
  nextConfig(change: MembershipChange): ClusterConfig | string {
    if (this.roleValue !== 'leader') return `S${this.id} is not the leader.`;
    if (this.transfereeId !== null)
      return `S${this.id} is handing leadership over; try again after.`;
    if (this.membership.lastChangeIndex() > this.commitIndexValue) {
      return 'The previous membership change is not committed yet: changes go one at a time.';
    }
    // The 2015 errata to §4.1 (raft-dev, "bug in single-server membership
    // changes"): a new leader may not know of an uncommitted change an earlier
    // leader appended elsewhere; once an entry of its own term commits, any
    // such change is either in its log or can never commit, so only then may
    // it add one of its own (etcd: pendingConfIndex starts at the new term).
    if (this.log.term(this.commitIndexValue) !== this.currentTermValue) {
      return `S${this.id} has not yet committed an entry of its term ${this.currentTermValue}: a new leader changes the membership only after that, so try again once it has (a heartbeat round or two).`;
    }
    return applyChange(this.membership.current(), change);
  }

  /** The one door for every input. */
  step(m: Message | LocalMessage, nowMs: number): void {
    this.advanceClock(nowMs);
    if ('term' in m) {
      if (m.to !== this.id) throw new Error(`S${this.id} got a message for S${m.to}`);
      // Raft §5.1: a higher term makes any server a follower in that term.
      if (m.term > this.currentTermValue) {
        if (m.type === 'RequestVote' && !m.transfer && this.inLease()) {
          // CheckQuorum: a leader we heard from lately is alive; ignore the disruption.
          return;
        }
        const prospective =
          (m.type === 'RequestVote' && m.preVote) ||
          (m.type === 'RequestVoteResponse' && m.preVote && m.voteGranted);
        // A pre-vote, and a granted answer to one, name a term nobody is in yet: no change of term.
        const leader = m.type === 'AppendEntries' || m.type === 'InstallSnapshot' ? m.from : null;
        if (!prospective) this.becomeFollower(m.term, leader);
      } else if (m.term < this.currentTermValue) {
        this.replyToStaleTerm(m);
        return;
      }
    }
    this.stepRole.call(this, m);
  }

  // ---- role transitions (etcd style: role, step function and timers change together)

  protected override becomeFollower(term: number, leaderId: NodeId | null): void {
    if (term < this.currentTermValue)
      throw new Error(`S${this.id}: follower term ${term} < ${this.currentTermValue}`);
    if (term > this.currentTermValue) {
      this.currentTermValue = term;
      this.votedForValue = null;
      this.hardStateDirty = true;
    }
    this.readOnly.failAll();
    this.transfereeId = null;
    this.transferDeadlineMs = Infinity;
    this.checkQuorumDeadlineMs = Infinity;
    this.roleValue = 'follower';
    this.stepRole = this.stepFollower;
    this.tickRole = this.tickElection;
    this.leaderIdValue = leaderId;
    this.tracker.clearProgress();
    this.tracker.clearVotes();
    this.resetElectionTimer();
  }

  /**
   * PreVote (dissertation §9.6): ask whether we could win before raising the
   * term, so a server that cannot win (cut off, or with a stale log) never
   * forces a healthy leader to step down.
   */
  private becomePreCandidate(): void {
    if (this.roleValue === 'leader')
      throw new Error(`S${this.id}: a leader cannot become a pre-candidate`);
    this.roleValue = 'precandidate';
    this.stepRole = this.stepPreCandidate;
    this.tickRole = this.tickElection;
    this.leaderIdValue = null;
    this.tracker.resetVotes();
    this.resetElectionTimer();
    if (this.tally() === 'won') {
      this.becomeCandidate(false);
      return;
    }
    this.requestVotes(this.currentTermValue + 1, true, false);
  }

  private becomeCandidate(transfer: boolean): void {
    if (this.roleValue === 'leader')
      throw new Error(`S${this.id}: a leader cannot become a candidate`);
    // Raft §5.2: increment currentTerm, vote for self, reset the election timer, ask for votes.
    this.currentTermValue += 1;
    this.votedForValue = this.id;
    this.hardStateDirty = true;
    this.roleValue = 'candidate';
    this.stepRole = this.stepCandidate;
    this.tickRole = this.tickElection;
    this.leaderIdValue = null;
    this.tracker.resetVotes();
    this.resetElectionTimer();
    if (this.tally() === 'won') {
      this.becomeLeader();
      return;
    }
    this.requestVotes(this.currentTermValue, false, transfer);
  }

  /** A timed-out follower or candidate stands for election, through PreVote if it is on. */
  private campaign(): void {
    if (!this.mayStand() || this.catchingUpValue) {
      this.resetElectionTimer();
      return;
    }
    if (this.config.preVote) this.becomePreCandidate();
    else this.becomeCandidate(false);
  }

  private becomeLeader(): void {
    if (this.roleValue !== 'candidate')
      throw new Error(`S${this.id}: only a candidate can become leader`);
    this.roleValue = 'leader';
    this.stepRole = this.stepLeader;
    this.tickRole = this.tickLeader;
    this.leaderIdValue = this.id;
    this.tracker.clearVotes();
    this.tracker.resetProgress(this.otherPeers(), this.log.lastIndex() + 1);
    if (this.config.noopOnElection) this.appendEntry(NOOP);
    if (this.config.checkQuorum)
      this.checkQuorumDeadlineMs = this.now + this.config.electionTimeoutMs[0];
    this.maybeCommit(); // a single-server cluster commits at once
    this.broadcastAppend(true);
  }

  // ---- role step functions: one switch on the message type each

  private stepFollower(m: Message | LocalMessage): void {
    switch (m.type) {
      case 'ElectionTimeout':
        this.campaign();
        return;
      case 'AppendEntries':
      case 'InstallSnapshot':
        this.fromLeader(m);
        return;
      case 'TimeoutNow':
        // §3.10: the leader hands over; skip PreVote, and tell voters it is a transfer.
        if (this.membership.isVoter(this.id)) this.becomeCandidate(true);
        return;
      case 'RequestVote':
        this.handleRequestVote(m);
        return;
      default:
        return; // stale replies to an earlier role, or proposals: ignored
    }
  }

  private stepCandidate(m: Message | LocalMessage): void {
    switch (m.type) {
      case 'ElectionTimeout':
        this.campaign(); // Raft §5.2: a split vote times out into a new election
        return;
      case 'AppendEntries':
      case 'InstallSnapshot':
        this.fromLeader(m);
        return;
      case 'RequestVote':
        this.handleRequestVote(m);
        return;
      case 'RequestVoteResponse': {
        if (m.preVote) return; // a late answer from before this election
        this.tracker.recordVote(m.from, m.voteGranted);
        if (this.tally() === 'won') this.becomeLeader();
        return;
      }
      default:
        return;
    }
  }

  private stepPreCandidate(m: Message | LocalMessage): void {
    switch (m.type) {
      case 'ElectionTimeout':
        this.becomePreCandidate();
        return;
      case 'AppendEntries':
      case 'InstallSnapshot':
        this.fromLeader(m);
        return;
      case 'RequestVote':
        this.handleRequestVote(m);
        return;
      case 'RequestVoteResponse': {
        if (!m.preVote || m.term !== this.currentTermValue + 1) return;
        this.tracker.recordVote(m.from, m.voteGranted);
        if (this.tally() === 'won') this.becomeCandidate(false);
        return;
      }
      default:
        return;
    }
  }

  private stepLeader(m: Message | LocalMessage): void {
    switch (m.type) {
      case 'HeartbeatTimeout':
        for (const [peer, pr] of this.tracker.progress())
          if (pr.heartbeatDueAtMs <= this.now) this.sendAppend(peer, true);
        return;
      case 'Propose':
        this.appendEntry(m.command);
        this.maybeCommit();
        this.broadcastAppend(false);
        return;
      case 'CheckQuorum': {
        const active = this.tracker.quorumActive(this.membership.current().voters);
        this.tracker.clearRecentActive();
        this.checkQuorumDeadlineMs = this.now + this.config.electionTimeoutMs[0];
        // Dissertation §6.2: a leader cut off from a majority steps down.
        if (!active) this.becomeFollower(this.currentTermValue, null);
        return;
      }
      case 'TransferLeadership': {
        const pr = this.tracker.get(m.target);
        if (!pr || this.transfereeId === m.target) return;
        this.transfereeId = m.target;
        this.transferDeadlineMs = this.now + this.config.electionTimeoutMs[0];
        if (pr.matchIndex === this.log.lastIndex()) this.sendTimeoutNow(m.target);
        else this.sendAppend(m.target, false);
        return;
      }
      case 'TransferTimeout':
        this.transfereeId = null;
        this.transferDeadlineMs = Infinity;
        return;
      case 'ReadIndex':
        this.readOnly.add(m.ctx);
        this.startReadRounds();
        return;
      case 'AppendEntriesResponse':
        this.handleAppendEntriesResponse(m);
        return;
      case 'RequestVote':
        this.handleRequestVote(m); // same term: we voted for ourselves, so this refuses
        return;
      default:
        // An AppendEntries of our own term would mean two leaders in one
        // term; the invariant checker reports Election Safety, we ignore it.
        return;
    }
  }
}
