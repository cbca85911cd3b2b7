/**
 * Passwords on the real server: scrypt (RFC 7914) with a random salt per
 * user, by node:crypto. The password arrives over HTTP, is hashed on the
 * leader, and only the digest goes into the log, the snapshots and the
 * state: never the password, which this server also never logs.
 *
 * The digest is "scrypt$<salt>$<key>" in hex (src/app/password.ts knows the
 * shape), so a later login reads the salt back from the user's record.
 */
import { randomBytes, scrypt } from 'node:crypto';

/** Bytes of salt per user, and of derived key. */
export const SALT_BYTES = 16;
export const KEY_BYTES = 32;
/** scrypt's cost: N = 2^14, r = 8, p = 1, the parameters RFC 7914 §2 gives for interactive logins. */
const SCRYPT_COST = { N: 1 << 14, r: 8, p: 1 } as const;

const PREFIX = 'scrypt$';

export function newSalt(): string {
  return randomBytes(SALT_BYTES).toString('hex');
}

/** The salt of a stored scrypt digest, or null if it is not one. */
export function saltOf(digest: string | undefined): string | null {
  if (digest === undefined || !digest.startsWith(PREFIX)) return null;
  const salt = digest.slice(PREFIX.length, PREFIX.length + 2 * SALT_BYTES);
  return salt.length === 2 * SALT_BYTES ? salt : null;
}

export function scryptDigest(password: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(password, Buffer.from(salt, 'hex'), KEY_BYTES, SCRYPT_COST, (error, key) => {
      if (error) reject(error);
      else resolve(`${PREFIX}${salt}$${key.toString('hex')}`);
    });
  });
}
