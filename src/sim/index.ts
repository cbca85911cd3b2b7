/** The headless API (issue "The foundation", §4): everything tests, benchmarks and the page build on. */
export { createCluster, replay } from './cluster';
export type { Client, Cluster, ClusterHooks, ClusterViolation, NodeView, Stats } from './cluster';
export type { HistoryOp, Op, ClientOpInput } from './clients';
export type { ClientReply, ClientRequest } from './client-protocol';
export type { ClusterOptions } from './options';
export { MAX_NODES } from './options';
export type { Input, InputAction } from './inputs';
export type { Envelope, DropReason } from './network';
export type { NodeEvent } from './events';
export type { TraceEvent } from './trace';
export { formatTraceEvent } from './trace';
export { Prng } from './prng';
export { fork, rebindable } from './fork';
export { Timeline, CHECKPOINT_EVERY_MS, type Run, type Watch } from './timeline';
export type { NodeId, Role, LogEntry } from '../raft';
