/**
 * Linearizability checking (Herlihy and Wing) for histories of the
 * replicated service: Wing and Gong's search with Lowe's just-in-time
 * linearization and configuration cache, and partitioning (P-compositionality),
 * after Porcupine. Pure: no clock but an injected one, no I/O.
 */
export type { Operation } from './operation';
export { isOutcomeUnknown, returnTime } from './operation';
export type { Model, StepResult } from './model';
export { ILLEGAL } from './model';
export type { EventInterpreter, EventType, HistoryEvent } from './events';
export { operationsFromEvents } from './events';
export type { BudgetOptions, ExhaustedBudget } from './budget';
export { CLOCK_CHECK_INTERVAL_STEPS } from './budget';
export type { CheckOptions } from './check';
export { checkOperations, PARTITION_SLICE_STEPS, replay } from './check';
export type { PartitionFailure, Verdict } from './verdict';
export type { NondeterministicModel } from './nondeterministic';
export { fromNondeterministic } from './nondeterministic';
export { partitionByKey } from './models/partitionByKey';
export type { RegisterInput, RegisterOutput } from './models/register';
export { registerModel } from './models/register';
export type { CasRegisterInput, CasRegisterOutput, CasRegisterState } from './models/casRegister';
export { casRegisterModel } from './models/casRegister';
export type { KvBinding, KvInput, KvOutput, KvState } from './models/kv';
export { kvModel } from './models/kv';
export type {
  UserRecord,
  UserServiceInput,
  UserServiceOp,
  UserServiceOutput,
  UserServiceState,
} from './models/userService';
export { userServiceModel } from './models/userService';
export type { EtcdEvent, EtcdF, EtcdValue, KvEvent, KvF } from './corpus';
export { parseEtcdEvents, parseEtcdLog, parseKvEvents, parseKvLog } from './corpus';
