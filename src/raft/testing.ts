import { RaftNode, type Persisted } from './node';
import type { LogEntry, Message, NodeId, RaftConfig } from './types';

/** Builds a node for unit tests: fixed timeouts (the minimum), no jitter. */
export function testNode(
  id: NodeId,
  peers: readonly NodeId[],
  persisted: Partial<{ term: number; votedFor: NodeId | null; log: readonly number[] }> = {},
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
