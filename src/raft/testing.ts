import { RaftNode } from './node';
import type { Persisted } from './ready';
import type {
  AppendEntries,
  AppendEntriesResponse,
  LogEntry,
  Message,
  NodeId,
  RaftConfig,
} from './types';

/** Builds a node for unit tests: fixed timeouts (the minimum), no jitter. */
export function testNode(
  id: NodeId,
  peers: readonly NodeId[],
  persisted: Partial<{
    term: number;
    votedFor: NodeId | null;
    log: readonly number[];
    catchingUp: boolean;
  }> = {},
  config: Partial<RaftConfig> = {},
): RaftNode {
  const log: LogEntry[] = (persisted.log ?? []).map((term, k) => ({
    index: k + 1,
    term,
    command: `c${k + 1}`,
  }));
  const state: Persisted = {
    hardState: { currentTerm: persisted.term ?? 0, votedFor: persisted.votedFor ?? null },
    log,
    ...(persisted.catchingUp && { catchingUp: true }),
  };
  return new RaftNode(
    {
      id,
      peers,
      electionTimeoutMs: [150, 300],
      heartbeatMs: 50,
      noopOnElection: true,
      maxEntriesPerAppend: 64,
      maxInflightAppends: 8,
      preVote: false,
      checkQuorum: false,
      leaseReads: false,
      clockDriftBound: 0.1,
      bugs: {},
      randomInt: (lo) => lo,
      ...config,
    },
    state,
    0,
  );
}

/** The messages a node has produced since the last call, of one type. */
export function sent<T extends Message['type']>(
  node: RaftNode,
  type?: T,
): Extract<Message, { type: T }>[] {
  const all = node.takeReady().messages;
  return (type ? all.filter((m) => m.type === type) : all) as Extract<Message, { type: T }>[];
}

/** Node `id` of `peers`, elected leader at 160 ms with every vote, its output drained. */
export function electedLeader(
  peers: readonly NodeId[],
  persisted: Parameters<typeof testNode>[2] = {},
  config: Partial<RaftConfig> = {},
  id: NodeId = 1,
): RaftNode {
  const n = testNode(id, peers, persisted, config);
  n.tick(150);
  for (const v of sent(n, 'RequestVote')) {
    n.step(
      {
        type: 'RequestVoteResponse',
        from: v.to,
        to: id,
        term: n.currentTerm,
        voteGranted: true,
        preVote: false,
      },
      160,
    );
  }
  n.takeReady();
  return n;
}

/** A follower's answer to an AppendEntries, to node 1: success unless `refusal` is given. */
export function appendReply(
  from: NodeId,
  term: number,
  matchIndex: number,
  refusal?: { rejectedIndex: number; conflictTerm: number; conflictIndex: number },
): AppendEntriesResponse {
  return {
    type: 'AppendEntriesResponse',
    from,
    to: 1,
    term,
    success: refusal === undefined,
    matchIndex: refusal ? 0 : matchIndex,
    rejectedIndex: refusal?.rejectedIndex ?? 0,
    conflictTerm: refusal?.conflictTerm ?? 0,
    conflictIndex: refusal?.conflictIndex ?? 0,
    readSeq: 0,
    ackSentAtMs: 0,
  };
}

/** An AppendEntries from S2 to S1 in term 1 that carries nothing, with `over` in its place. */
export function appendEntries(over: Partial<AppendEntries> = {}): AppendEntries {
  return {
    type: 'AppendEntries',
    from: 2,
    to: 1,
    term: 1,
    prevLogIndex: 0,
    prevLogTerm: 0,
    entries: [],
    leaderCommit: 0,
    readSeq: 0,
    sentAtMs: 0,
    ...over,
  };
}
