// The protocol, split the way etcd's raft is:
// node.ts       step(), the role transitions and the role step and tick functions (§5, §6, §9.6),
//               over its layers: ready.ts (state, takeReady), election.ts (votes, PreVote),
//               follower.ts (AppendEntries/InstallSnapshot receipt), replication.ts (the leader's side)
// tracker.ts    every count of the voters: commit, CheckQuorum, ReadIndex, lease, votes
// progress.ts   the leader's view of one follower, and its flow control
// quorum.ts     majority arithmetic
// readonly.ts   ReadIndex (§6.4) and lease reads (§6.4.1)
// messages.ts   the builders of every RPC
// log.ts, membership.ts   the log and its compaction (§7); configurations (§4)
export { RaftNode } from './node';
export type { Ready, Persisted } from './ready';
export { RaftLog } from './log';
export { majority, quorumValue } from './quorum';
export { ProgressTracker } from './tracker';
export type { ReadState } from './readonly';
export * from './types';
export * from './membership';
