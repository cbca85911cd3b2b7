/**
 * The replicated per-user state service (DESIGN.md, src/app): a pure state
 * machine applied from the Raft log, and its client protocol.
 */
export { applyCommand } from './apply';
export {
  createClient,
  prepareGetState,
  prepareLogin,
  prepareSetState,
  stampCommand,
  type Client,
  type Prepared,
} from './client';
export {
  COMMAND_VERSION,
  type ClientCommand,
  type CommandKind,
  type GetStateCommand,
  type LoginCommand,
  type ServiceCommand,
  type SetStateCommand,
  type Stamped,
} from './commands';
export { digestServiceState } from './digest';
export { SESSION_EXPIRED_MESSAGE } from './exactly-once';
export * from './limits';
export { parseCommand, type Parsed } from './parse';
export { PASSWORD_SALT_PREFIX, isPasswordHash, passwordHash } from './password';
export { listSessions, listUsers, readState, type SessionView, type UserView } from './read';
export type {
  ErrorCode,
  Failure,
  GetStateValue,
  LoginValue,
  SavedResponse,
  ServiceResponse,
  ServiceValue,
  SetStateValue,
  Success,
} from './responses';
export {
  clientIdError,
  clientIdProblem,
  passwordError,
  passwordProblem,
  stateTextError,
  stateTextProblem,
  userNameError,
  userNameProblem,
} from './rules';
export { ProblemError, type Problem } from './problem';
export { sha256Hex } from './sha256';
export {
  SNAPSHOT_VERSION,
  restoreServiceState,
  snapshotServiceState,
  type Restored,
  type ServiceSnapshot,
  type SnapshotSession,
  type SnapshotUser,
} from './snapshot';
export {
  cloneServiceState,
  createServiceState,
  type ServiceState,
  type SessionRecord,
  type UserRecord,
} from './state';
