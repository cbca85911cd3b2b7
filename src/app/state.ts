/**
 * The replicated state of the per-user state service.
 *
 * Choice: one mutable object, changed in place by applyCommand, with cheap
 * clones for time travel. The simulator applies thousands of entries a
 * second, and a persistent structure would copy on every one. Records are
 * never mutated, only replaced, so a clone copies the two Maps and shares
 * the records: O(users + sessions), no deep copy.
 *
 * The Maps are read-only to everyone else: every write goes through
 * store.ts, which also keeps the digest sums up to date.
 *
 * Maps, not objects keyed by name: "__proto__" is a valid user name.
 */
import type { SavedResponse } from './responses';

export interface UserRecord {
  /** passwordHash(user, password) from the user's first login (password.ts). */
  readonly passwordHash: string;
  readonly state: string;
  /** Writes so far; 0 for a user who only logged in. */
  readonly version: number;
}

/** A client session (dissertation §6.3): the last request it applied and
 *  the answer, so that a retry is answered without applying it again. */
export interface SessionRecord {
  readonly clientId: string;
  /** The user this session is logged in as. */
  readonly user: string;
  /** The log index of the login entry that opened the session. */
  readonly sessionId: number;
  /** The highest request number applied through this session. */
  readonly lastSeq: number;
  /** The answer to request `lastSeq`, returned again if it is retried. */
  readonly lastResponse: SavedResponse;
  /** Log time of the last request that used the session, in ms. */
  readonly lastUsedMs: number;
}

export interface ServiceState {
  /** Log time in ms: the largest `at` applied so far. Never goes back, even
   *  if a new leader's clock is behind the old one's. */
  clockMs: number;
  /** Users in order of registration. */
  readonly users: ReadonlyMap<string, UserRecord>;
  /** Sessions by client id, least recently used first: every use moves a
   *  session to the end, and since log time never goes back this is also
   *  ascending `lastUsedMs`. Expiry and eviction look only at the front. */
  readonly sessions: ReadonlyMap<string, SessionRecord>;
  /** Two 32-bit sums of the hashes of every record, kept by store.ts, so
   *  that digestServiceState costs O(1) (digest.ts). */
  recordHashSumA: number;
  recordHashSumB: number;
}

export function createServiceState(): ServiceState {
  return {
    clockMs: 0,
    users: new Map(),
    sessions: new Map(),
    recordHashSumA: 0,
    recordHashSumB: 0,
  };
}

export function cloneServiceState(state: ServiceState): ServiceState {
  return {
    clockMs: state.clockMs,
    users: new Map(state.users),
    sessions: new Map(state.sessions),
    recordHashSumA: state.recordHashSumA,
    recordHashSumB: state.recordHashSumB,
  };
}
