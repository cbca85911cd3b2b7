/**
 * Password hashing, done by the client so that a password never appears in
 * plain text in a command, in the replicated state, in a snapshot, a digest,
 * a trace or the page: only the hash travels and is stored.
 *
 * passwordHash(user, password) = SHA-256 of the UTF-8 text
 *   "raft-playground:" + user + ":" + password
 * in lowercase hex. The salt is the app prefix plus the user name: two users
 * with the same password get different hashes, and a table of hashes made for
 * another site does not fit ours. User names cannot contain ':' (rules.ts),
 * so the split between name and password is unambiguous.
 *
 * This is a teaching app, not a password store: one round of SHA-256 is fast
 * to brute-force. Tell students not to type a password they use elsewhere.
 */
import { sha256Hex } from './sha256';

export const PASSWORD_SALT_PREFIX = 'raft-playground:';

/** SHA-256 yields 32 bytes, 64 hex digits. */
const PASSWORD_HASH_PATTERN = /^[0-9a-f]{64}$/;
/**
 * The real server's digest (src/server/password.ts): scrypt with a random
 * per-user salt, as "scrypt$" + 16 salt bytes + "$" + 32 key bytes, in hex.
 * The server hashes there, not the client, because it holds the salt.
 */
const SCRYPT_HASH_PATTERN = /^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/;

export function passwordHash(user: string, password: string): string {
  return sha256Hex(`${PASSWORD_SALT_PREFIX}${user}:${password}`);
}

/** Whether a value has the shape of a password hash (64 lowercase hex digits,
 *  or the server's scrypt digest).
 *  The state machine rejects anything else, so a client that sends a plain
 *  password by mistake gets an error instead of having it stored. */
export function isPasswordHash(value: string): boolean {
  return PASSWORD_HASH_PATTERN.test(value) || SCRYPT_HASH_PATTERN.test(value);
}

/** Compare two hashes by looking at every character, whatever the first
 *  difference: the habit that keeps timing from leaking how much matched. */
export function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
