export { RaftNode, type Ready, type Persisted } from './node';
export { RaftLog } from './log';
export { majority, quorumValue } from './quorum';
export { ProgressTracker } from './tracker';
export * from './types';
export * from './membership';
