export { RaftNode, type Ready, type Persisted } from './node';
export { RaftLog } from './log';
export { majority, committedIndex } from './quorum';
export * from './types';
export * from './membership';
