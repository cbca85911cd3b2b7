import type { ClusterConfig } from './membership';

/** A server's id, 1..n, shown to people as S1..Sn. */
export type NodeId = number;

/** Raft §5.1, plus the pre-candidate of PreVote (dissertation §9.6). */
export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';

/** Raft Figure 2: each entry holds a command and the term when the leader received it. */
export interface LogEntry {
  readonly index: number;
  readonly term: number;
  readonly command: unknown;
}

/** The command of the entry a new leader appends (Raft §8, dissertation §6.4). */
export const NOOP = Object.freeze({ kind: 'noop' }) as { readonly kind: 'noop' };

export function isNoop(command: unknown): boolean {
  return (
    typeof command === 'object' &&
    command !== null &&
    (command as { kind?: unknown }).kind === 'noop'
  );
}

/** State every server keeps on stable storage (Raft Figure 2, "Persistent state"). */
export interface HardState {
  readonly currentTerm: number;
  readonly votedFor: NodeId | null;
}

/** Who sends an RPC, to whom, and in which term. */
export interface Envelope {
  readonly from: NodeId;
  readonly to: NodeId;
  /** The sender's currentTerm (Raft §5.1: every RPC carries it). */
  readonly term: number;
}

/** Raft Figure 2, RequestVote RPC arguments. */
export interface RequestVote extends Envelope {
  readonly type: 'RequestVote';
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
  /**
   * PreVote (dissertation §9.6): "would you vote for me in `term`?". Asking
   * changes no one's term or vote.
   */
  readonly preVote: boolean;
  /** Sent on a leadership transfer (§3.10): not ignored by servers in a leader's lease. */
  readonly transfer: boolean;
}

export interface RequestVoteResponse extends Envelope {
  readonly type: 'RequestVoteResponse';
  readonly voteGranted: boolean;
  /** Answers a pre-vote; if granted, `term` is the term asked about. */
  readonly preVote: boolean;
}

/**
 * Raft Figure 13, InstallSnapshot RPC: the leader's snapshot, sent whole to
 * a follower that needs entries the leader has compacted away. The
 * follower answers with an AppendEntriesResponse naming lastIncludedIndex.
 */
export interface InstallSnapshot extends Envelope {
  readonly type: 'InstallSnapshot';
  readonly lastIncludedIndex: number;
  readonly lastIncludedTerm: number;
  /** The state machine's state as of lastIncludedIndex; opaque to Raft. */
  readonly data: unknown;
  /** The configuration in effect at lastIncludedIndex. */
  readonly config?: ClusterConfig;
  readonly sentAtMs: number;
}

/** A snapshot a server keeps on stable storage. */
export interface Snapshot {
  readonly index: number;
  readonly term: number;
  readonly data: unknown;
  /** The cluster configuration in effect at `index` (dissertation §4.1). */
  readonly config?: ClusterConfig;
}

/** Leadership transfer (§3.10): "start an election now", from a leader to an up-to-date follower. */
export interface TimeoutNow extends Envelope {
  readonly type: 'TimeoutNow';
}

/** Raft Figure 2, AppendEntries RPC arguments; with no entries it is a heartbeat. */
export interface AppendEntries extends Envelope {
  readonly type: 'AppendEntries';
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly LogEntry[];
  readonly leaderCommit: number;
  /** The leader's latest ReadIndex round when sent (§6.4); echoed in the reply. */
  readonly readSeq: number;
  /** The leader's clock when sent, echoed in the reply: the start of a lease (§6.4.1). */
  readonly sentAtMs: number;
}

export interface AppendEntriesResponse extends Envelope {
  readonly type: 'AppendEntriesResponse';
  readonly success: boolean;
  /** On success: the index of the last entry the follower now matches. */
  readonly matchIndex: number;
  /** On failure: the prevLogIndex of the request refused, to spot stale replies. */
  readonly rejectedIndex: number;
  /**
   * Fast backup (Raft §5.3, the optimisation at the end of the section): the
   * term of the follower's conflicting entry (0 when its log is too short)
   * and the first index it stores for that term (its lastIndex + 1 when short).
   */
  readonly conflictTerm: number;
  readonly conflictIndex: number;
  /** The readSeq of the AppendEntries this answers: proof we still follow its sender. */
  readonly readSeq: number;
  /** The sentAtMs of the AppendEntries this answers. */
  readonly ackSentAtMs: number;
  /**
   * Set only by a server catching up after its disk lost records (node.ts,
   * `catchingUp`): its log may now end below the matchIndex the leader
   * holds for it, so a refusal at or below matchIndex is news, not stale.
   */
  readonly catchingUp?: true;
}

/** Messages that travel between servers. */
export type Message =
  | RequestVote
  | RequestVoteResponse
  | AppendEntries
  | AppendEntriesResponse
  | InstallSnapshot
  | TimeoutNow;
export type MessageType = Message['type'];

/** Messages a server gives itself: every change of state goes through step(). */
export type LocalMessage =
  | { readonly type: 'ElectionTimeout' }
  | { readonly type: 'HeartbeatTimeout' }
  /** CheckQuorum: the leader's periodic check that a majority still answers it. */
  | { readonly type: 'CheckQuorum' }
  | { readonly type: 'TransferLeadership'; readonly target: NodeId }
  | { readonly type: 'TransferTimeout' }
  | { readonly type: 'Propose'; readonly command: unknown }
  /** A linearizable read (dissertation §6.4), named by the host's `ctx`. */
  | { readonly type: 'ReadIndex'; readonly ctx: number };

/** A source of randomness injected by the host: an integer in [min, max]. */
export type RandomInt = (min: number, max: number) => number;

export interface RaftBugs {
  /** Figure 8 bug: a leader commits entries of earlier terms by counting replicas. */
  readonly commitOldTermByCount?: boolean;
  /** Grants votes without the "at least as up-to-date" check of §5.4.1. */
  readonly voteWithoutLogCheck?: boolean;
}

export interface RaftConfig {
  readonly id: NodeId;
  /**
   * The voters the cluster starts with (its bootstrap configuration); later
   * configurations come from the log (dissertation §4.1). Empty for a server
   * that joins an existing cluster.
   */
  readonly peers: readonly NodeId[];
  readonly electionTimeoutMs: readonly [number, number];
  readonly heartbeatMs: number;
  /** A new leader appends a no-op so that it can commit entries of earlier terms (§8). */
  readonly noopOnElection: boolean;
  /** Bound on the entries carried by one AppendEntries. */
  readonly maxEntriesPerAppend: number;
  /** Bound on AppendEntries in flight to one follower in the replicate state. */
  readonly maxInflightAppends: number;
  /** PreVote (dissertation §9.6): ask before raising the term. */
  readonly preVote: boolean;
  /**
   * CheckQuorum (dissertation §6.2): a leader that has not heard from a
   * majority for an election timeout steps down, and servers that heard from
   * a leader within the minimum election timeout ignore vote requests.
   */
  readonly checkQuorum: boolean;
  /**
   * Lease reads (dissertation §6.4.1): the leader answers reads without a
   * round of heartbeats while a majority acknowledged it within
   * electionTimeoutMin × (1 − b) / (1 + b) of its own clock, b being
   * clockDriftBound. Servers then ignore vote requests while in a leader's
   * lease, as under CheckQuorum.
   */
  readonly leaseReads: boolean;
  /** How much faster or slower than real time any clock may run, as a fraction (e.g. 0.1). */
  readonly clockDriftBound: number;
  readonly bugs: RaftBugs;
  readonly randomInt: RandomInt;
}
