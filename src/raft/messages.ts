import type {
  AppendEntries,
  AppendEntriesResponse,
  Envelope,
  InstallSnapshot,
  RequestVote,
  RequestVoteResponse,
  Snapshot,
  TimeoutNow,
} from './types';

/** A message's own fields, past the envelope every RPC carries (Raft §5.1). */
type Body<M> = Omit<M, 'type' | keyof Envelope>;

/** Raft §5.2, and the pre-vote of dissertation §9.6. */
export function requestVote(e: Envelope, b: Body<RequestVote>): RequestVote {
  return {
    type: 'RequestVote',
    from: e.from,
    to: e.to,
    term: e.term,
    lastLogIndex: b.lastLogIndex,
    lastLogTerm: b.lastLogTerm,
    preVote: b.preVote,
    transfer: b.transfer,
  };
}

export function requestVoteResponse(
  e: Envelope,
  b: Body<RequestVoteResponse>,
): RequestVoteResponse {
  return {
    type: 'RequestVoteResponse',
    from: e.from,
    to: e.to,
    term: e.term,
    voteGranted: b.voteGranted,
    preVote: b.preVote,
  };
}

/** Raft Figure 2; with no entries it is a heartbeat. */
export function appendEntries(e: Envelope, b: Body<AppendEntries>): AppendEntries {
  return {
    type: 'AppendEntries',
    from: e.from,
    to: e.to,
    term: e.term,
    prevLogIndex: b.prevLogIndex,
    prevLogTerm: b.prevLogTerm,
    entries: b.entries,
    leaderCommit: b.leaderCommit,
    readSeq: b.readSeq,
    sentAtMs: b.sentAtMs,
  };
}

/**
 * An answer to AppendEntries or InstallSnapshot. `readSeq` and
 * `ackSentAtMs` echo the request's; the index fields a reply does not
 * use are 0: `matchIndex` on a refusal, the rest on success.
 */
export interface AppendReply {
  readonly success: boolean;
  readonly matchIndex?: number;
  readonly rejectedIndex?: number;
  readonly conflictTerm?: number;
  readonly conflictIndex?: number;
  readonly readSeq: number;
  readonly ackSentAtMs: number;
  readonly catchingUp?: boolean;
}

export function appendEntriesResponse(e: Envelope, r: AppendReply): AppendEntriesResponse {
  return {
    type: 'AppendEntriesResponse',
    from: e.from,
    to: e.to,
    term: e.term,
    success: r.success,
    matchIndex: r.matchIndex ?? 0,
    rejectedIndex: r.rejectedIndex ?? 0,
    conflictTerm: r.conflictTerm ?? 0,
    conflictIndex: r.conflictIndex ?? 0,
    readSeq: r.readSeq,
    ackSentAtMs: r.ackSentAtMs,
    // Absent unless set, so every other reply (and every trace hash) stays as it was.
    ...(r.catchingUp && { catchingUp: true as const }),
  };
}

/** Raft Figure 13: the leader's snapshot, with the configuration in effect at its index. */
export function installSnapshot(e: Envelope, s: Snapshot, sentAtMs: number): InstallSnapshot {
  return {
    type: 'InstallSnapshot',
    from: e.from,
    to: e.to,
    term: e.term,
    lastIncludedIndex: s.index,
    lastIncludedTerm: s.term,
    data: s.data,
    ...(s.config && { config: s.config }),
    sentAtMs,
  };
}

/** Leadership transfer (§3.10): "start an election now". */
export function timeoutNow(e: Envelope): TimeoutNow {
  return { type: 'TimeoutNow', from: e.from, to: e.to, term: e.term };
}
