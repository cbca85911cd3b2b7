import { RaftLog } from './log';
import {
  Membership,
  applyChange,
  isConfigCommand,
  type ClusterConfig,
  type MembershipChange,
} from './membership';
import type { Progress } from './progress';
import * as msg from './messages';
import { ReadOnly, leaseDurationMs, type ReadState } from './readonly';
import { ProgressTracker } from './tracker';
import {
  NOOP,
  type AppendEntries,
  type AppendEntriesResponse,
  type Envelope,
  type HardState,
  type InstallSnapshot,
  type LocalMessage,
  type LogEntry,
  type Message,
  type NodeId,
  type RaftConfig,
  type RequestVote,
  type Role,
  type Snapshot,
} from './types';

/**
 * What the host must do after a step, in this order (etcd's Ready):
 * 1. persist `hardState` and `entries` (write them to stable storage);
 * 2. only then send `messages` (Raft Figure 2: "respond to RPCs" after
 *    updating stable storage; a vote or an acknowledgement must survive a crash);
 * 3. apply `committed` to the state machine, in order.
 */
export interface Ready {
  /** Set when currentTerm or votedFor changed. */
  readonly hardState: HardState | null;
  /** Set when the log changed: drop every stored entry with index >= from, then append `entries`. */
  readonly entries: { readonly from: number; readonly entries: readonly LogEntry[] } | null;
  readonly messages: readonly Message[];
  /** Newly committed entries, lastApplied + 1 .. commitIndex. */
  readonly committed: readonly LogEntry[];
  /** Reads confirmed by a quorum or by the lease (§6.4, §6.4.1). */
  readonly readStates: readonly ReadState[];
  /** Reads that can no longer be confirmed because leadership was lost. */
  readonly failedReads: readonly number[];
  /**
   * A new snapshot to keep on disk, dropping stored entries up to its index
   * (persist it with the rest, before sending). `install`: it came from the
   * leader, and the state machine must be restored from it before applying.
   */
  readonly snapshot: (Snapshot & { readonly install: boolean }) | null;
}

/** What a restarted server reads back from stable storage. */
export interface Persisted {
  readonly hardState: HardState;
  /** The entries after the snapshot (all of them when there is none). */
  readonly log: readonly LogEntry[];
  readonly snapshot?: Snapshot | null;
  /**
   * The disk lost records this server may have acknowledged (a repaired
   * tail of fsynced records): it rejoins catching up (see `catchingUp`).
   */
  readonly catchingUp?: boolean;
}

type StepFn = (this: RaftNode, m: Message | LocalMessage) => void;
type TickFn = (this: RaftNode) => void;

const NONE: readonly LogEntry[] = Object.freeze([]);
const NO_MESSAGES: readonly Message[] = Object.freeze([]);

/**
 * One Raft server as a pure state machine (Raft §5). No timers and no I/O:
 * time comes in through tick(now) and step(message, now); every change of
 * state, timeouts included, goes through step(); output is drained with
 * takeReady().
 */
export class RaftNode {
  readonly id: NodeId;
  private readonly config: RaftConfig;

  // Persistent state (Figure 2).
  private currentTermValue: number;
  private votedForValue: NodeId | null;
  readonly log: RaftLog;

  // Volatile state (Figure 2).
  private roleValue: Role = 'follower';
  private commitIndexValue = 0;
  private lastAppliedValue = 0;
  private leaderIdValue: NodeId | null = null;

  /** A candidate's votes, a leader's progress of each follower. */
  private readonly tracker: ProgressTracker;

  // Timers as absolute virtual times, in ms.
  private now = 0;
  private electionDeadlineMs = 0;
  /** When this server last heard from the leader of its term (§9.6 and CheckQuorum's lease). */
  private lastLeaderContactMs = -Infinity;
  private checkQuorumDeadlineMs = Infinity;
  /** Leadership transfer in progress (§3.10): the target, and when to give up. */
  private transfereeId: NodeId | null = null;
  private transferDeadlineMs = Infinity;

  // Output not yet drained by takeReady().
  private hardStateDirty = false;
  private unstableFrom = Infinity;
  private outbox: Message[] = [];
  /** The latest snapshot, sent to followers that are too far behind. */
  private snapshotValue: Snapshot | null = null;
  /** The configuration this server's log puts in effect (dissertation §4.1). */
  private readonly membership: Membership;
  private unstableSnapshot: (Snapshot & { install: boolean }) | null = null;
  private readonly readOnly = new ReadOnly();
  /**
   * Raft assumes stable storage (dissertation §3.8: a server that loses
   * persistent state "cannot safely rejoin the cluster with its prior
   * identity"). A server whose disk cut off records that were fsynced, and
   * so perhaps acknowledged, may have counted toward the commit of entries
   * it no longer holds. If it voted now, a candidate without those entries
   * could win with its vote and a committed entry would be lost (Leader
   * Completeness, §5.4). So, until it holds everything a leader has
   * committed, it grants no vote or pre-vote and stands for no election,
   * and its refusals say so (the leader then backs up below matchIndex,
   * which it otherwise takes for a stale reply). It ends when it accepts an
   * AppendEntries whose leaderCommit its log reaches: every entry it could
   * have helped commit is then in its log again, since that leader holds
   * every committed entry. A vote it lost cannot be recovered this way:
   * only a membership change under a new identity is safe from that (§3.8).
   * The price is availability: while it catches up, a majority needs the
   * others' votes.
   */
  private catchingUpValue: boolean;

  private stepRole: StepFn;
  private tickRole: TickFn;

  constructor(config: RaftConfig, persisted: Persisted, nowMs: number) {
    this.id = config.id;
    this.config = config;
    this.tracker = new ProgressTracker(config.id);
    this.currentTermValue = persisted.hardState.currentTerm;
    this.votedForValue = persisted.hardState.votedFor;
    this.catchingUpValue = persisted.catchingUp ?? false;
    const snapshot = persisted.snapshot ?? null;
    this.log = new RaftLog(persisted.log, snapshot);
    this.membership = new Membership(snapshot?.config ?? { voters: config.peers, learners: [] });
    for (const e of persisted.log) this.membership.appended(e.index, e.command);
    this.snapshotValue = snapshot;
    // A snapshot holds only committed, applied entries (Raft §7).
    this.commitIndexValue = snapshot?.index ?? 0;
    this.lastAppliedValue = snapshot?.index ?? 0;
    this.now = nowMs;
    this.stepRole = this.stepFollower;
    this.tickRole = this.tickElection;
    this.resetElectionTimer();
  }

  get role(): Role {
    return this.roleValue;
  }
  get currentTerm(): number {
    return this.currentTermValue;
  }
  /** Rejoining after its disk lost records, until it holds what a leader committed (see the field). */
  get catchingUp(): boolean {
    return this.catchingUpValue;
  }
  get votedFor(): NodeId | null {
    return this.votedForValue;
  }
  get commitIndex(): number {
    return this.commitIndexValue;
  }
  get lastApplied(): number {
    return this.lastAppliedValue;
  }
  /** The leader this server last heard from in its current term (a redirect hint for clients). */
  get leaderId(): NodeId | null {
    return this.leaderIdValue;
  }
  get electionDeadline(): number {
    return this.electionDeadlineMs;
  }
  /** The follower a leadership transfer is handing over to, if one is under way. */
  get transferee(): NodeId | null {
    return this.transfereeId;
  }
  /** The configuration in effect: voters and learners (dissertation §4.1). */
  get clusterConfig(): ClusterConfig {
    return this.membership.current();
  }

  /** The configuration this server's log puts in effect at `index`. */
  configAt(index: number): ClusterConfig {
    return this.membership.at(index);
  }
  /** The leader's view of a follower, for inspection; undefined on non-leaders. */
  progress(peer: NodeId): { nextIndex: number; matchIndex: number; state: string } | undefined {
    const pr = this.tracker.get(peer);
    return pr && { nextIndex: pr.nextIndex, matchIndex: pr.matchIndex, state: pr.state };
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

  /** The snapshot this server holds, if any. */
  get snapshot(): Snapshot | null {
    return this.snapshotValue;
  }

  /**
   * Membership change (dissertation §4.1): one server at a time, taking
   * effect as soon as it is in the log. Returns where the change went, or
   * why it cannot be made now.
   */
  changeMembership(
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

  /** Drains the output accumulated since the last call; see Ready for the order of duties. */
  takeReady(): Ready {
    const hardState = this.hardStateDirty
      ? { currentTerm: this.currentTermValue, votedFor: this.votedForValue }
      : null;
    const entries =
      this.unstableFrom === Infinity
        ? null
        : {
            from: this.unstableFrom,
            entries: this.log.slice(this.unstableFrom, this.log.lastIndex() + 1),
          };
    const committed =
      this.commitIndexValue > this.lastAppliedValue
        ? this.log.slice(this.lastAppliedValue + 1, this.commitIndexValue + 1)
        : NONE;
    this.lastAppliedValue = this.commitIndexValue;
    const ready = {
      hardState,
      entries,
      // A Ready is its reader's: hand out the outbox and start a new one, or a shared empty one.
      messages: this.outbox.length > 0 ? this.outbox : NO_MESSAGES,
      committed,
      ...this.readOnly.take(),
      snapshot: this.unstableSnapshot,
    };
    this.unstableSnapshot = null;
    this.hardStateDirty = false;
    this.unstableFrom = Infinity;
    if (this.outbox.length > 0) this.outbox = [];
    return ready;
  }

  // ---- role transitions (etcd style: role, step function and timers change together)

  private becomeFollower(term: number, leaderId: NodeId | null): void {
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

  private requestVotes(term: number, preVote: boolean, transfer: boolean): void {
    for (const peer of this.membership.current().voters) {
      if (peer === this.id) continue;
      this.send(
        msg.requestVote(
          { from: this.id, to: peer, term },
          {
            lastLogIndex: this.log.lastIndex(),
            lastLogTerm: this.log.lastTerm(),
            preVote,
            transfer,
          },
        ),
      );
    }
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

  /**
   * Dissertation §4.2.2: "A server that is not part of its own latest
   * configuration should still start new elections, as it might still be
   * needed until the C_new entry is committed" (tally() leaves its own vote
   * out). So a voter stands, and so does a voter that the latest change
   * removes, until it knows that change committed. A learner, or a server
   * that only joins, is never needed to elect anyone: it never stands.
   */
  private mayStand(): boolean {
    if (this.membership.isVoter(this.id)) return true;
    const change = this.membership.lastChangeIndex();
    return (
      change > this.commitIndexValue && this.membership.at(change - 1).voters.includes(this.id)
    );
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

  /**
   * A message from the leader of our term (Raft §5.2): a candidate returns
   * to follower; everyone resets the election timer and takes the leader's
   * entries or snapshot.
   */
  private fromLeader(m: AppendEntries | InstallSnapshot): void {
    if (this.roleValue !== 'follower')
      this.becomeFollower(m.term, m.from); // resets the timer
    else this.resetElectionTimer();
    this.leaderIdValue = m.from;
    this.lastLeaderContactMs = this.now;
    if (m.type === 'AppendEntries') this.handleAppendEntries(m);
    else this.handleInstallSnapshot(m);
  }

  // ---- RPC handlers (Figure 2, "Receiver implementation")

  private handleRequestVote(m: RequestVote): void {
    const upToDate =
      this.config.bugs.voteWithoutLogCheck || this.log.isUpToDate(m.lastLogIndex, m.lastLogTerm);
    if (m.preVote) {
      // §9.6: grant "if the candidate's log is sufficiently up-to-date, and the
      // voters have not received heartbeats from a valid leader for at least a
      // baseline election timeout"; remember nothing.
      const granted =
        m.term > this.currentTermValue &&
        upToDate &&
        !this.heardFromLeader() &&
        !this.catchingUpValue;
      this.send(
        msg.requestVoteResponse(
          { from: this.id, to: m.from, term: granted ? m.term : this.currentTermValue },
          { voteGranted: granted, preVote: true },
        ),
      );
      return;
    }
    const canVote = this.votedForValue === null || this.votedForValue === m.from;
    const voteGranted = canVote && upToDate && !this.catchingUpValue;
    if (voteGranted) {
      this.votedForValue = m.from;
      this.hardStateDirty = true;
      // Figure 2, Followers: granting a vote resets the election timer.
      this.resetElectionTimer();
    }
    this.send(msg.requestVoteResponse(this.envelope(m.from), { voteGranted, preVote: false }));
  }

  private handleAppendEntries(message: AppendEntries): void {
    const m = this.skipCompacted(message);
    // Step 2: refuse unless our log holds an entry at prevLogIndex with prevLogTerm.
    if (!this.log.matchTerm(m.prevLogIndex, m.prevLogTerm)) {
      const ourTerm = this.log.term(m.prevLogIndex);
      const conflictTerm = ourTerm ?? 0;
      const conflictIndex =
        ourTerm === undefined
          ? this.log.lastIndex() + 1
          : this.log.firstIndexOfTerm(ourTerm, m.prevLogIndex);
      this.replyAppend(m.from, {
        success: false,
        rejectedIndex: m.prevLogIndex,
        conflictTerm,
        conflictIndex,
        readSeq: m.readSeq,
        ackSentAtMs: m.sentAtMs,
        catchingUp: this.catchingUpValue,
      });
      return;
    }
    // Steps 3 and 4: delete a conflicting entry and all that follow it; append
    // new entries. An entry we already hold with the same term is kept, so a
    // late or duplicated message never truncates what a newer one brought.
    for (const entry of m.entries) {
      const ourTerm = this.log.term(entry.index);
      if (ourTerm === entry.term) continue;
      if (ourTerm !== undefined) this.truncateFrom(entry.index);
      this.appendEntry(entry.command, entry.term);
    }
    // Step 5: commitIndex = min(leaderCommit, index of last new entry).
    const lastNew = m.prevLogIndex + m.entries.length;
    const commit = Math.min(m.leaderCommit, lastNew);
    if (commit > this.commitIndexValue) this.commitIndexValue = commit;
    if (lastNew >= m.leaderCommit) this.catchingUpValue = false;
    this.replyAppend(m.from, {
      success: true,
      matchIndex: lastNew,
      readSeq: m.readSeq,
      ackSentAtMs: m.sentAtMs,
    });
  }

  /**
   * Entries up to our snapshot are committed, so they match the leader's
   * (Leader Completeness): an AppendEntries that starts before the snapshot
   * is read as starting at it.
   */
  private skipCompacted(m: AppendEntries): AppendEntries {
    const base = this.log.snapshotIndex;
    if (m.prevLogIndex >= base) return m;
    return {
      ...m,
      prevLogIndex: base,
      prevLogTerm: this.log.snapshotTerm,
      entries: m.entries.filter((e) => e.index > base),
    };
  }

  /** Raft Figure 13, InstallSnapshot receiver. */
  private handleInstallSnapshot(m: InstallSnapshot): void {
    const index = m.lastIncludedIndex;
    if (index > this.commitIndexValue) {
      const kept = this.log.restore(index, m.lastIncludedTerm);
      if (!kept) this.unstableFrom = Math.min(this.unstableFrom, index + 1);
      this.membership.reset(m.config ?? this.membership.at(index), kept ? index : Infinity);
      this.commitIndexValue = index;
      this.lastAppliedValue = index;
      this.snapshotValue = {
        index,
        term: m.lastIncludedTerm,
        data: m.data,
        ...(m.config && { config: m.config }),
      };
      this.unstableSnapshot = { ...this.snapshotValue, install: true };
    }
    // Either way our log now matches the leader's up to `index` at least.
    this.replyAppend(m.from, {
      success: true,
      matchIndex: Math.max(index, this.commitIndexValue),
      readSeq: 0,
      ackSentAtMs: m.sentAtMs,
    });
  }

  private handleAppendEntriesResponse(m: AppendEntriesResponse): void {
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
  private nextIndexAfterConflict(m: AppendEntriesResponse): number {
    if (m.conflictTerm > 0) {
      const last = this.log.lastIndexOfTerm(m.conflictTerm);
      if (last > 0) return Math.min(last + 1, m.rejectedIndex);
    }
    return Math.min(m.conflictIndex, m.rejectedIndex);
  }

  // ---- leader duties

  private broadcastAppend(heartbeat: boolean): void {
    for (const peer of this.otherPeers()) this.sendAppend(peer, heartbeat);
  }

  /**
   * Sends one AppendEntries to `peer`, carrying entries from its nextIndex if
   * flow control allows. A heartbeat always goes out, empty if need be, so the
   * follower's timer is reset and a lost reply is recovered.
   */
  private sendAppend(peer: NodeId, heartbeat: boolean): void {
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
  private sendHeartbeat(peer: NodeId): void {
    const pr = this.tracker.get(peer);
    if (pr) this.sendAppendEntries(peer, pr, Math.max(pr.matchIndex, this.log.snapshotIndex), NONE);
  }

  /** Any AppendEntries resets the follower's election timer, so its next heartbeat is due later. */
  private sendAppendEntries(
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
  private maybeCommit(): void {
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
  private startReadRounds(): void {
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

  private confirmReads(): void {
    this.readOnly.confirm(this.tracker.readAcked(this.membership.current().voters));
  }

  // ---- helpers

  private replyToStaleTerm(m: Message): void {
    // Raft §5.1: reject a request from a stale term, telling the sender ours.
    if (m.type === 'RequestVote') {
      this.send(
        msg.requestVoteResponse(this.envelope(m.from), { voteGranted: false, preVote: m.preVote }),
      );
    } else if (m.type === 'AppendEntries') {
      this.replyAppend(m.from, {
        success: false,
        rejectedIndex: m.prevLogIndex,
        readSeq: m.readSeq,
        ackSentAtMs: m.sentAtMs,
      });
    } else if (m.type === 'InstallSnapshot') {
      this.replyAppend(m.from, {
        success: false,
        rejectedIndex: m.lastIncludedIndex,
        readSeq: 0,
        ackSentAtMs: m.sentAtMs,
      });
    }
  }

  private replyAppend(to: NodeId, reply: msg.AppendReply): void {
    this.send(msg.appendEntriesResponse(this.envelope(to), reply));
  }

  /** From us, in our current term (Raft §5.1). */
  private envelope(to: NodeId): Envelope {
    return { from: this.id, to, term: this.currentTermValue };
  }

  private appendEntry(command: unknown, term = this.currentTermValue): void {
    const index = this.log.lastIndex() + 1;
    this.log.append({ index, term, command });
    this.unstableFrom = Math.min(this.unstableFrom, index);
    if (isConfigCommand(command)) {
      this.membership.appended(index, command);
      this.reconcileProgress();
    }
  }

  private truncateFrom(index: number): void {
    // Never true in a correct cluster (Leader Completeness); the invariant
    // checker reports it when a teaching bug switch makes it happen.
    this.log.truncateFrom(index);
    this.unstableFrom = Math.min(this.unstableFrom, index);
    this.membership.truncated(index);
  }

  private send(m: Message): void {
    this.outbox.push(m);
  }

  /** Everyone this server replicates to as leader: the other voters and the learners. */
  private otherPeers(): NodeId[] {
    return this.membership.members().filter((p) => p !== this.id);
  }

  /** The election so far, counting only the votes of voters in the configuration in effect. */
  private tally(): 'won' | 'lost' | 'pending' {
    return this.tracker.tallyVotes(this.membership.current().voters);
  }

  /**
   * §4.2.1: a new server joins as a learner and becomes a voter once it has
   * caught up with the leader's commitIndex, so it never holds up commits.
   */
  private maybePromote(peer: NodeId, pr: Progress): void {
    if (this.roleValue !== 'leader' || !this.membership.current().learners.includes(peer)) return;
    if (
      pr.matchIndex < this.commitIndexValue ||
      this.membership.lastChangeIndex() > this.commitIndexValue
    )
      return;
    this.changeMembership({ kind: 'promote', id: peer }, this.now);
  }

  /** A leader keeps one progress record per member, adding and dropping them as the configuration changes. */
  private reconcileProgress(): void {
    if (this.roleValue !== 'leader') return;
    this.tracker.reconcile(this.otherPeers(), this.log.lastIndex() + 1, this.now);
  }

  /**
   * A follower must hear from its leader at least every heartbeatMs; any
   * AppendEntries will do, so each follower has its own heartbeat timer that
   * every send resets, and a busy link carries no empty heartbeats.
   */
  private heartbeatDeadline(): number {
    return this.tracker.heartbeatDueAtMs();
  }

  private sendTimeoutNow(peer: NodeId): void {
    this.send(msg.timeoutNow(this.envelope(peer)));
  }

  /**
   * The leader's lease (§6.4.1): from the latest time a majority (counting
   * us) acknowledged, for electionTimeoutMin shortened by the drift bound.
   * Servers in the lease ignore vote requests (see inLease), so no other
   * leader can be elected before it ends, if clocks keep to the bound.
   */
  private leaseHolds(): boolean {
    if (!this.config.leaseReads || this.transfereeId !== null) return false;
    const start = this.tracker.ackedSentAtMs(this.membership.current().voters, this.now);
    return (
      this.now <
      start + leaseDurationMs(this.config.electionTimeoutMs[0], this.config.clockDriftBound)
    );
  }

  /**
   * We heard from a live leader within the minimum election timeout (§9.6's
   * "baseline election timeout"). A leader hears itself; a candidate or
   * pre-candidate knows no leader in its term, and timed out before it stood.
   */
  private heardFromLeader(): boolean {
    if (this.roleValue === 'leader') return true;
    return (
      this.leaderIdValue !== null &&
      this.now - this.lastLeaderContactMs < this.config.electionTimeoutMs[0]
    );
  }

  /** CheckQuorum's lease (§6.2, §4.2.3): while we heard from a leader, vote requests are ignored. */
  private inLease(): boolean {
    return (this.config.checkQuorum || this.config.leaseReads) && this.heardFromLeader();
  }

  private resetElectionTimer(): void {
    const [lo, hi] = this.config.electionTimeoutMs;
    this.electionDeadlineMs = this.now + this.config.randomInt(lo, hi);
  }

  private advanceClock(nowMs: number): void {
    if (nowMs < this.now)
      throw new Error(`S${this.id}: time went back from ${this.now} to ${nowMs}`);
    this.now = nowMs;
  }
}
