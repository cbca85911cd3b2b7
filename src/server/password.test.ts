import { describe, expect, it } from 'vitest';
import { isPasswordHash } from '../app';
import { newSalt, saltOf, scryptDigest } from './password';

describe('scrypt passwords on the real server', () => {
  it('derives RFC 7914 §12 test vector 3 (N = 16384, r = 8, p = 1), its first 32 bytes', async () => {
    const salt = Buffer.from('SodiumChloride').toString('hex');
    expect(await scryptDigest('pleaseletmein', salt)).toBe(
      `scrypt$${salt}$7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2`,
    );
  });

  it('gives a digest the state machine accepts, whose salt reads back, and differs by salt', async () => {
    const salt = newSalt();
    const digest = await scryptDigest('hunter2', salt);
    expect(isPasswordHash(digest)).toBe(true);
    expect(saltOf(digest)).toBe(salt);
    expect(digest.includes('hunter2')).toBe(false);
    expect(await scryptDigest('hunter2', newSalt())).not.toBe(digest);
  });

  it('finds no salt in what is not a scrypt digest', () => {
    expect(saltOf(undefined)).toBeNull();
    expect(saltOf('0'.repeat(64))).toBeNull();
  });
});
