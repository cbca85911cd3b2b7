/**
 * What the state machine answers. Every answer is plain JSON-serialisable
 * data, frozen so that a caller cannot change an answer the state machine
 * saved for a retry (dissertation §6.3).
 */

/** Why a command was rejected; a program branches on this, a person reads `error`. */
export type ErrorCode =
  /** Not a well-formed service command: wrong shape, kind, version or types. */
  | 'bad-command'
  /** A named bound was exceeded (see limits.ts), or a name breaks its rules. */
  | 'limit'
  /** The user exists and the password hash differs. */
  | 'bad-password'
  /** No session for this client, or it belongs to another user. */
  | 'not-logged-in'
  /** The client's session went unused for SESSION_TIMEOUT_MS of log time. */
  | 'session-expired'
  /** The request number is lower than the last one this client's session applied. */
  | 'stale-request'
  /** A read named a user who never logged in. */
  | 'no-such-user';

export interface Failure {
  readonly ok: false;
  readonly code: ErrorCode;
  /** A sentence a student understands, saying what to do next. */
  readonly error: string;
}

export interface Success<V> {
  readonly ok: true;
  readonly value: V;
}

export interface LoginValue {
  readonly kind: 'login';
  readonly user: string;
  /** The log index of the login entry that opened the session. */
  readonly sessionId: number;
  /** True when this login created the user (its first login). */
  readonly registered: boolean;
}

export interface SetStateValue {
  readonly kind: 'setState';
  readonly user: string;
  /** The user's version after this write: 1 after the first write. */
  readonly version: number;
}

export interface GetStateValue {
  readonly kind: 'getState';
  readonly user: string;
  readonly state: string;
  /** How many writes the user's state has had; 0 before the first. */
  readonly version: number;
}

export type ServiceValue = LoginValue | SetStateValue | GetStateValue;
export type ServiceResponse = Success<ServiceValue> | Failure;

/** The answers a session saves for exactly-once retries: writes only. */
export type SavedResponse = Success<LoginValue> | Success<SetStateValue>;

export function succeed<V extends ServiceValue>(value: V): Success<V> {
  return Object.freeze({ ok: true, value: Object.freeze(value) });
}

export function fail(code: ErrorCode, error: string): Failure {
  return Object.freeze({ ok: false, code, error });
}
