import { describe, expect, it } from 'vitest';
import { prepareLogin, createClient } from './client';
import { digestServiceState } from './digest';
import { isPasswordHash, passwordHash, PASSWORD_SALT_PREFIX, sameHash } from './password';
import { listSessions, listUsers } from './read';
import { snapshotServiceState } from './snapshot';
import { newServer, setState } from './testing';

describe('passwordHash', () => {
  it('is SHA-256 of "raft-playground:" + user + ":" + password, in hex', () => {
    // Checked with: printf 'raft-playground:alice:hunter2' | sha256sum
    expect(PASSWORD_SALT_PREFIX).toBe('raft-playground:');
    expect(passwordHash('alice', 'hunter2')).toBe(
      '8358455e29acea9ecc15f5f89b0aa42072b110aa961c6a17f6793aaf60fc6361',
    );
  });

  it('salts by user: the same password gives different hashes for different users', () => {
    expect(passwordHash('alice', 'same')).not.toBe(passwordHash('bob', 'same'));
  });

  it.each(['hunter2', 'x', 'raft-playground', 'alice', 'ünïcødé 😀', '0'.repeat(64)])(
    'never contains or equals the password %j',
    (password) => {
      const hash = passwordHash('alice', password);

      expect(isPasswordHash(hash)).toBe(true);
      expect(hash).not.toBe(password);
      expect(hash.includes(password)).toBe(false);
    },
  );

  it("accepts the real server's scrypt digest by its exact shape, and nothing near it", () => {
    const salt = 'a'.repeat(32);
    const key = 'b'.repeat(64);
    expect(isPasswordHash(`scrypt$${salt}$${key}`)).toBe(true);
    expect(isPasswordHash(`scrypt$${salt.slice(1)}$${key}`)).toBe(false);
    expect(isPasswordHash(`scrypt$${salt}$${key}0`)).toBe(false);
    expect(isPasswordHash(`scrypt$${salt.toUpperCase()}$${key}`)).toBe(false);
    expect(isPasswordHash(`scrypt$${salt}$hunter2`)).toBe(false);
  });

  it('compares hashes by content', () => {
    const hash = passwordHash('alice', 'pw');
    expect(sameHash(hash, passwordHash('alice', 'pw'))).toBe(true);
    expect(sameHash(hash, passwordHash('alice', 'pW'))).toBe(false);
    expect(sameHash(hash, hash.slice(1))).toBe(false);
  });
});

describe('a password never appears in plain text', () => {
  it('not in the command, the answers, the state, its snapshot, its views or its digest', () => {
    // init: a distinctive password, logged in through the client helpers.
    const password = 'correct-horse-battery-staple';
    const server = newServer();
    const prepared = prepareLogin(createClient('tab-1'), 'alice', password);
    if (!prepared.ok) throw new Error(prepared.error);
    const command = { ...prepared.command, at: 0 };

    // act
    const answers = [
      server.apply(command),
      server.apply(setState('tab-1', 2, 'alice', 'hello', 10)),
    ];

    // check
    const seen = JSON.stringify([
      command,
      answers,
      snapshotServiceState(server.state),
      listUsers(server.state),
      listSessions(server.state),
      digestServiceState(server.state),
      [...server.state.users],
      [...server.state.sessions],
    ]);
    expect(seen).not.toContain(password);
    expect(seen).not.toContain('horse');
    expect(JSON.stringify(snapshotServiceState(server.state))).toContain(
      passwordHash('alice', password),
    );
  });
});
