/**
 * Snapshots of the service state as plain JSON, for log compaction
 * (Raft §7): snapshotServiceState writes one, restoreServiceState reads one
 * back, checking everything, because a snapshot comes from disk or from
 * another server. Lists, not objects keyed by name: "__proto__" is a valid
 * user name, and as an object key it would be lost or worse.
 *
 * The lists keep the state's own order (users by registration, sessions
 * least recently used first), so a restored state behaves exactly as the
 * original, evictions included, and has the same digest.
 */
import { CLIENT_ID_CHARS_MAX, SESSIONS_MAX, STATE_CHARS_MAX, USERS_MAX } from './limits';
import { isPasswordHash } from './password';
import { plainObject, type PlainObject } from './plain';
import { succeed, type SavedResponse } from './responses';
import { clientIdError, userNameError } from './rules';
import {
  createServiceState,
  type SessionRecord,
  type ServiceState,
  type UserRecord,
} from './state';
import { putSession, putUser } from './store';

export const SNAPSHOT_VERSION = 1;

export interface SnapshotUser {
  readonly user: string;
  readonly passwordHash: string;
  readonly state: string;
  readonly version: number;
}

export type SnapshotSession = SessionRecord;

export interface ServiceSnapshot {
  readonly v: typeof SNAPSHOT_VERSION;
  readonly clockMs: number;
  readonly users: readonly SnapshotUser[];
  readonly sessions: readonly SnapshotSession[];
}

export type Restored =
  | { readonly ok: true; readonly state: ServiceState }
  | { readonly ok: false; readonly error: string };

export function snapshotServiceState(state: ServiceState): ServiceSnapshot {
  const users: SnapshotUser[] = [];
  for (const [user, record] of state.users) {
    users.push({
      user,
      passwordHash: record.passwordHash,
      state: record.state,
      version: record.version,
    });
  }
  const sessions: SnapshotSession[] = [];
  for (const s of state.sessions.values()) {
    // Fixed key order: the digest hashes this object's JSON.
    sessions.push({
      clientId: s.clientId,
      user: s.user,
      sessionId: s.sessionId,
      lastSeq: s.lastSeq,
      lastResponse: s.lastResponse,
      lastUsedMs: s.lastUsedMs,
    });
  }
  return { v: SNAPSHOT_VERSION, clockMs: state.clockMs, users, sessions };
}

/** Thrown inside restore only, turned into its `error`. */
class BadSnapshot extends Error {}

export function restoreServiceState(snapshot: unknown): Restored {
  try {
    return { ok: true, state: restoreOrThrow(snapshot) };
  } catch (error) {
    const reason = error instanceof BadSnapshot ? error.message : 'it is not plain data';
    return { ok: false, error: `This snapshot cannot be restored: ${reason}.` };
  }
}

function restoreOrThrow(raw: unknown): ServiceState {
  const top = object(raw, 'the snapshot');
  if (top.read('v') !== SNAPSHOT_VERSION) {
    throw new BadSnapshot(`its version is not ${SNAPSHOT_VERSION}`);
  }
  const clockMs = time(top.read('clockMs'), 'clockMs');

  const users = new Map<string, UserRecord>();
  for (const [i, item] of list(top.read('users'), 'users', USERS_MAX).entries()) {
    const where = `users[${i}]`;
    const fields = object(item, where);
    const user = name(fields.read('user'), `${where}.user`);
    if (users.has(user)) {
      throw new BadSnapshot(`${where}: user ${JSON.stringify(user)} appears twice`);
    }
    users.set(user, {
      passwordHash: hash(fields.read('passwordHash'), `${where}.passwordHash`),
      state: text(fields.read('state'), `${where}.state`, STATE_CHARS_MAX),
      version: count(fields.read('version'), `${where}.version`, 0),
    });
  }

  const sessions: SessionRecord[] = [];
  const clientIds = new Set<string>();
  for (const [i, item] of list(top.read('sessions'), 'sessions', SESSIONS_MAX).entries()) {
    const where = `sessions[${i}]`;
    const fields = object(item, where);
    const clientId = text(fields.read('clientId'), `${where}.clientId`, CLIENT_ID_CHARS_MAX);
    if (clientIdError(clientId) !== null) {
      throw new BadSnapshot(`${where}.clientId is not a client id`);
    }
    if (clientIds.has(clientId)) {
      throw new BadSnapshot(`${where}: client ${JSON.stringify(clientId)} appears twice`);
    }
    clientIds.add(clientId);
    const user = name(fields.read('user'), `${where}.user`);
    if (!users.has(user)) {
      throw new BadSnapshot(`${where}: user ${JSON.stringify(user)} is not in users`);
    }
    const sessionId = count(fields.read('sessionId'), `${where}.sessionId`, 1);
    const lastUsedMs = time(fields.read('lastUsedMs'), `${where}.lastUsedMs`);
    if (lastUsedMs > clockMs) throw new BadSnapshot(`${where}.lastUsedMs is later than clockMs`);
    sessions.push({
      clientId,
      user,
      sessionId,
      lastSeq: count(fields.read('lastSeq'), `${where}.lastSeq`, 1),
      lastResponse: savedResponse(
        fields.read('lastResponse'),
        `${where}.lastResponse`,
        user,
        sessionId,
      ),
      lastUsedMs,
    });
  }
  // Sessions must be least recently used first (state.ts); a stable sort
  // leaves a well-formed snapshot as it is.
  sessions.sort((a, b) => a.lastUsedMs - b.lastUsedMs);

  // Written through the store, which computes the digest sums afresh.
  const state = createServiceState();
  state.clockMs = clockMs;
  for (const [user, record] of users) putUser(state, user, record);
  for (const session of sessions) putSession(state, session);
  return state;
}

function savedResponse(
  raw: unknown,
  where: string,
  sessionUser: string,
  sessionId: number,
): SavedResponse {
  const fields = object(raw, where);
  if (fields.read('ok') !== true) throw new BadSnapshot(`${where} is not a saved success`);
  const value = object(fields.read('value'), `${where}.value`);
  const user = name(value.read('user'), `${where}.value.user`);
  if (user !== sessionUser) throw new BadSnapshot(`${where} is for another user`);
  switch (value.read('kind')) {
    case 'login': {
      const registered = value.read('registered');
      if (typeof registered !== 'boolean') {
        throw new BadSnapshot(`${where}.value.registered is not true or false`);
      }
      // A saved login answer is the one that opened this very session.
      if (value.read('sessionId') !== sessionId) {
        throw new BadSnapshot(`${where}.value.sessionId is not the session's id`);
      }
      return succeed({ kind: 'login', user, sessionId, registered });
    }
    case 'setState':
      return succeed({
        kind: 'setState',
        user,
        version: count(value.read('version'), `${where}.value.version`, 1),
      });
    default:
      throw new BadSnapshot(`${where}.value.kind is neither "login" nor "setState"`);
  }
}

function object(raw: unknown, where: string): PlainObject {
  const fields = plainObject(raw);
  if (fields === null) throw new BadSnapshot(`${where} is not a plain object`);
  return fields;
}

function list(raw: unknown, where: string, lengthMax: number): readonly unknown[] {
  if (!Array.isArray(raw)) throw new BadSnapshot(`${where} is not a list`);
  if (raw.length > lengthMax) {
    throw new BadSnapshot(`${where} has ${raw.length} items; the limit is ${lengthMax}`);
  }
  return raw;
}

function text(raw: unknown, where: string, lengthMax: number): string {
  if (typeof raw !== 'string') throw new BadSnapshot(`${where} is not a string`);
  if (raw.length > lengthMax) {
    throw new BadSnapshot(`${where} is longer than ${lengthMax} characters`);
  }
  return raw;
}

function name(raw: unknown, where: string): string {
  if (typeof raw !== 'string' || userNameError(raw) !== null) {
    throw new BadSnapshot(`${where} is not a user name`);
  }
  return raw;
}

function hash(raw: unknown, where: string): string {
  if (typeof raw !== 'string' || !isPasswordHash(raw)) {
    throw new BadSnapshot(`${where} is not a password hash`);
  }
  return raw;
}

function count(raw: unknown, where: string, min: number): number {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < min) {
    throw new BadSnapshot(`${where} is not a whole number from ${min} up`);
  }
  return raw;
}

function time(raw: unknown, where: string): number {
  if (
    typeof raw !== 'number' ||
    !Number.isFinite(raw) ||
    raw < 0 ||
    raw > Number.MAX_SAFE_INTEGER
  ) {
    throw new BadSnapshot(`${where} is not a time in ms from 0 up`);
  }
  return raw;
}
