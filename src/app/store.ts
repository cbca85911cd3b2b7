/**
 * The only writes to the service state's tables. Each keeps the digest sums
 * (digest.ts) in step: take away the old record's hash, add the new one's.
 */
import { addRecordHash, recordHash, type RecordHash } from './digest';
import type { SessionRecord, ServiceState, UserRecord } from './state';

/** Separates fields in a record's text; no name, id or number contains it. */
const SEP = '\u0000';

/**
 * The hash of each record as it was stored, by record: a record never
 * changes (its fields are readonly and only this file writes the tables),
 * so taking it away again reuses its hash instead of writing and hashing
 * its text a second time. A record this did not store (a fork's copy, a
 * restored snapshot's) is hashed from its text.
 */
const userHashes = new WeakMap<UserRecord, { readonly user: string; readonly hash: RecordHash }>();
const sessionHashes = new WeakMap<SessionRecord, RecordHash>();

export function putUser(state: ServiceState, user: string, record: UserRecord): void {
  const users = state.users as Map<string, UserRecord>;
  const old = users.get(user);
  if (old !== undefined) addRecordHash(state, userHash(user, old), -1);
  users.set(user, record);
  const hash = recordHash(userText(user, record));
  userHashes.set(record, { user, hash });
  addRecordHash(state, hash, 1);
}

/** Store a session at the end of the table (most recently used). */
export function putSession(state: ServiceState, record: SessionRecord): void {
  dropSession(state, record.clientId);
  (state.sessions as Map<string, SessionRecord>).set(record.clientId, record);
  const hash = recordHash(sessionText(record));
  sessionHashes.set(record, hash);
  addRecordHash(state, hash, 1);
}

export function dropSession(state: ServiceState, clientId: string): void {
  const sessions = state.sessions as Map<string, SessionRecord>;
  const old = sessions.get(clientId);
  if (old === undefined) return;
  sessions.delete(clientId);
  addRecordHash(state, sessionHashes.get(old) ?? recordHash(sessionText(old)), -1);
}

function userHash(user: string, r: UserRecord): RecordHash {
  const stored = userHashes.get(r);
  return stored !== undefined && stored.user === user ? stored.hash : recordHash(userText(user, r));
}

function userText(user: string, r: UserRecord): string {
  // The free text goes last, so whatever it holds cannot shift the fields.
  return `u${SEP}${user}${SEP}${r.passwordHash}${SEP}${r.version}${SEP}${r.state}`;
}

function sessionText(r: SessionRecord): string {
  const v = r.lastResponse.value;
  const answer = v.kind === 'login' ? `${v.sessionId}${SEP}${v.registered}` : `${v.version}`;
  return (
    `s${SEP}${r.clientId}${SEP}${r.user}${SEP}${r.sessionId}${SEP}${r.lastSeq}${SEP}` +
    `${r.lastUsedMs}${SEP}${v.kind}${SEP}${v.user}${SEP}${answer}`
  );
}
