import { RaftLog } from './log';
import { Membership, isConfigCommand, type ClusterConfig } from './membership';
import { ReadOnly, type ReadState } from './readonly';
import { ProgressTracker } from './tracker';
import type {
  Envelope,
  HardState,
  LogEntry,
  Message,
  NodeId,
  RaftConfig,
  Role,
  Snapshot,
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

export const NONE: readonly LogEntry[] = Object.freeze([]);
const NO_MESSAGES: readonly Message[] = Object.freeze([]);

/**
 * The first layer of RaftNode (node.ts), which is assembled in layers, one
 * file each, as etcd spreads its raft struct over files: this one (the state
 * of Figure 2 and the output it collects for takeReady()) <- election.ts <-
 * follower.ts <- replication.ts <- node.ts (step(), the role transitions and
 * the role step and tick functions). A layer reaches what a later one defines
 * only through an abstract declaration, so each seam is written down.
 */
export abstract class NodeState {
  readonly id: NodeId;
  protected readonly config: RaftConfig;

  // Persistent state (Figure 2).
  protected currentTermValue: number;
  protected votedForValue: NodeId | null;
  readonly log: RaftLog;

  // Volatile state (Figure 2).
  protected roleValue: Role = 'follower';
  protected commitIndexValue = 0;
  protected lastAppliedValue = 0;
  protected leaderIdValue: NodeId | null = null;

  /** A candidate's votes, a leader's progress of each follower. */
  protected readonly tracker: ProgressTracker;

  // Timers as absolute virtual times, in ms.
  protected now = 0;
  protected electionDeadlineMs = 0;
  /** When this server last heard from the leader of its term (§9.6 and CheckQuorum's lease). */
  protected lastLeaderContactMs = -Infinity;
  protected checkQuorumDeadlineMs = Infinity;
  /** Leadership transfer in progress (§3.10): the target, and when to give up. */
  protected transfereeId: NodeId | null = null;
  protected transferDeadlineMs = Infinity;

  // Output not yet drained by takeReady().
  protected hardStateDirty = false;
  protected unstableFrom = Infinity;
  protected outbox: Message[] = [];
  /** The latest snapshot, sent to followers that are too far behind. */
  protected snapshotValue: Snapshot | null = null;
  /** The configuration this server's log puts in effect (dissertation §4.1). */
  protected readonly membership: Membership;
  protected unstableSnapshot: (Snapshot & { install: boolean }) | null = null;
  protected readonly readOnly = new ReadOnly();
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
  protected catchingUpValue: boolean;

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

  /** The snapshot this server holds, if any. */
  get snapshot(): Snapshot | null {
    return this.snapshotValue;
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
    const reads = this.readOnly.take();
    const ready: Ready = {
      hardState,
      entries,
      // A Ready is its reader's: hand out the outbox and start a new one, or a shared empty one.
      messages: this.outbox.length > 0 ? this.outbox : NO_MESSAGES,
      committed,
      readStates: reads.readStates,
      failedReads: reads.failedReads,
      snapshot: this.unstableSnapshot,
    };
    this.unstableSnapshot = null;
    this.hardStateDirty = false;
    this.unstableFrom = Infinity;
    if (this.outbox.length > 0) this.outbox = [];
    return ready;
  }

  // ---- what feeds the Ready: the outbox, the unstable log and the hard state

  /** From us, in our current term (Raft §5.1). */
  protected envelope(to: NodeId): Envelope {
    return { from: this.id, to, term: this.currentTermValue };
  }

  protected appendEntry(command: unknown, term = this.currentTermValue): void {
    // Frozen: an entry never changes once made, so a fork of a run may share it (src/sim/fork.ts).
    this.appendFrozen(Object.freeze({ index: this.log.lastIndex() + 1, term, command }));
  }

  /**
   * Appends an entry the leader sent at the end of the log. A frozen one
   * (the leader's own object, when both run in one thread) is shared rather
   * than copied: it cannot change, and every log then holds one object per
   * entry instead of one per server.
   */
  protected appendReceived(entry: LogEntry): void {
    if (Object.isFrozen(entry) && entry.index === this.log.lastIndex() + 1)
      this.appendFrozen(entry);
    else this.appendEntry(entry.command, entry.term);
  }

  private appendFrozen(entry: LogEntry): void {
    const { index, command } = entry;
    this.log.append(entry);
    this.unstableFrom = Math.min(this.unstableFrom, index);
    if (isConfigCommand(command)) {
      this.membership.appended(index, command);
      this.reconcileProgress();
    }
  }

  protected truncateFrom(index: number): void {
    // Never true in a correct cluster (Leader Completeness); the invariant
    // checker reports it when a teaching bug switch makes it happen.
    this.log.truncateFrom(index);
    this.unstableFrom = Math.min(this.unstableFrom, index);
    this.membership.truncated(index);
  }

  protected send(m: Message): void {
    this.outbox.push(m);
  }

  /** Everyone this server replicates to as leader: the other voters and the learners. */
  protected otherPeers(): NodeId[] {
    return this.membership.members().filter((p) => p !== this.id);
  }

  /** A leader keeps one progress record per member, adding and dropping them as the configuration changes. */
  protected reconcileProgress(): void {
    if (this.roleValue !== 'leader') return;
    this.tracker.reconcile(this.otherPeers(), this.log.lastIndex() + 1, this.now);
  }

  protected resetElectionTimer(): void {
    const [lo, hi] = this.config.electionTimeoutMs;
    this.electionDeadlineMs = this.now + this.config.randomInt(lo, hi);
  }

  protected advanceClock(nowMs: number): void {
    if (nowMs < this.now)
      throw new Error(`S${this.id}: time went back from ${this.now} to ${nowMs}`);
    this.now = nowMs;
  }
}
