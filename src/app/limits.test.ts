import { describe, expect, it } from 'vitest';
import {
  CLIENT_ID_CHARS_MAX,
  SESSION_TIMEOUT_MS,
  SESSIONS_MAX,
  STATE_CHARS_MAX,
  USER_NAME_CHARS_MAX,
  USERS_MAX,
} from './limits';
import { listSessions, listUsers } from './read';
import { getState, login, newServer, setState } from './testing';

describe('limits', () => {
  describe('user names', () => {
    it.each(['a', 'z', '0', '_', '-', 'alice_2-b', 'a'.repeat(USER_NAME_CHARS_MAX)])(
      'accepts %j',
      (user) => {
        expect(newServer().apply(login('c1', 1, user, 0)).ok).toBe(true);
      },
    );

    const refused: [string, string][] = [
      ['', 'Choose a user name: 1 to 24 characters from a-z, 0-9, "_" and "-".'],
      [
        'a'.repeat(25),
        'The user name "aaaaaaaaaaaaaaaaaaaaaaaa…" is 25 characters long; the limit is 24.',
      ],
      ['Alice', 'has "A"'],
      ['al ice', 'has " "'],
      ['al.ice', 'has "."'],
      ['al:ice', 'has ":"'],
      ['élise', 'has "é"'],
      ['a😀', 'has "😀"'],
      ['tab\t', 'has "\\t"'],
    ];
    it.each(refused)('refuses %j with a clear message', (user, message) => {
      const server = newServer();

      const answer = server.apply(login('c1', 1, user, 0));

      expect(answer).toMatchObject({ ok: false, code: 'limit' });
      expect(!answer.ok && answer.error).toContain(message);
      expect(listUsers(server.state)).toEqual([]);
    });

    it('checks the name of a read too', () => {
      expect(newServer().apply(getState('Bob', 0))).toMatchObject({ ok: false, code: 'limit' });
    });
  });

  describe('state text', () => {
    it(`accepts ${STATE_CHARS_MAX} characters and refuses ${STATE_CHARS_MAX + 1}`, () => {
      const server = newServer();
      server.apply(login('c1', 1, 'alice', 0));

      const longest = server.apply(setState('c1', 2, 'alice', 'x'.repeat(STATE_CHARS_MAX), 10));
      const tooLong = server.apply(setState('c1', 3, 'alice', 'y'.repeat(STATE_CHARS_MAX + 1), 10));

      expect(longest.ok).toBe(true);
      expect(tooLong).toEqual({
        ok: false,
        code: 'limit',
        error: 'The state is 257 characters long; the limit is 256.',
      });
      expect(server.state.users.get('alice')).toMatchObject({ version: 1 });
    });

    it('counts UTF-16 code units, as an HTML maxlength does: an emoji counts as 2', () => {
      const server = newServer();
      server.apply(login('c1', 1, 'alice', 0));

      const answer = server.apply(
        setState('c1', 2, 'alice', '😀'.repeat(STATE_CHARS_MAX / 2 + 1), 10),
      );

      expect(answer).toMatchObject({ ok: false, code: 'limit' });
    });
  });

  describe('client ids', () => {
    it(`accepts ${CLIENT_ID_CHARS_MAX} characters and refuses more, or odd characters`, () => {
      const server = newServer();

      expect(server.apply(login('c'.repeat(CLIENT_ID_CHARS_MAX), 1, 'alice', 0)).ok).toBe(true);
      expect(server.apply(login('c'.repeat(CLIENT_ID_CHARS_MAX + 1), 1, 'alice', 0))).toMatchObject(
        {
          code: 'bad-command',
        },
      );
      expect(server.apply(login('', 1, 'alice', 0))).toMatchObject({ code: 'bad-command' });
      expect(server.apply(login('c 1', 1, 'alice', 0))).toMatchObject({ code: 'bad-command' });
      expect(server.apply(login('Tab-1.node:2_x', 1, 'alice', 0)).ok).toBe(true);
    });
  });

  describe(`users: at most USERS_MAX = ${USERS_MAX}`, () => {
    it('refuses to register one more, and still lets existing users log in', () => {
      const server = newServer();
      for (let i = 0; i < USERS_MAX; i++) {
        // Each client logs in once; log time passes so sessions expire and make room.
        expect(server.apply(login(`c${i}`, 1, `u${i}`, i * SESSION_TIMEOUT_MS)).ok).toBe(true);
      }
      const now = USERS_MAX * SESSION_TIMEOUT_MS;

      const extra = server.apply(login('extra', 1, 'newcomer', now));
      const existing = server.apply(login('again', 1, 'u0', now));

      expect(extra).toEqual({
        ok: false,
        code: 'limit',
        error: 'The cluster already has 1000 users, the most it keeps; log in as an existing user.',
      });
      expect(existing.ok).toBe(true);
      expect(server.state.users.size).toBe(USERS_MAX);
    });
  });

  describe(`sessions: at most SESSIONS_MAX = ${SESSIONS_MAX}`, () => {
    it('refuses a new session while all are live, and never evicts a live one', () => {
      const server = newServer();
      for (let i = 0; i < SESSIONS_MAX; i++) server.apply(login(`c${i}`, 1, 'alice', 0));

      const extra = server.apply(login('extra', 1, 'alice', SESSION_TIMEOUT_MS - 1));

      expect(extra).toEqual({
        ok: false,
        code: 'limit',
        error:
          'The cluster already has 1000 live sessions, the most it keeps; ' +
          'try again when one has gone 60 s without requests.',
      });
      expect(server.state.sessions.size).toBe(SESSIONS_MAX);
      expect(server.state.sessions.has('c0')).toBe(true);
    });

    it('lets a client with a session log in again even when the table is full', () => {
      const server = newServer();
      for (let i = 0; i < SESSIONS_MAX; i++) server.apply(login(`c${i}`, 1, 'alice', 0));

      expect(server.apply(login('c5', 2, 'bob', 10)).ok).toBe(true);
    });

    it('makes room by dropping the least recently used expired session', () => {
      const server = newServer();
      for (let i = 0; i < SESSIONS_MAX; i++) server.apply(login(`c${i}`, 1, 'alice', i));
      // c0 and c1 are now the oldest; c0 is used again, so c1 is least recently used.
      server.apply(login('c0', 2, 'alice', SESSIONS_MAX));

      const extra = server.apply(login('extra', 1, 'alice', 1 + SESSION_TIMEOUT_MS));

      expect(extra.ok).toBe(true);
      expect(server.state.sessions.has('c1')).toBe(false);
      expect(server.state.sessions.has('c0')).toBe(true);
      expect(server.state.sessions.size).toBe(SESSIONS_MAX);
    });

    it('keeps expired sessions until their place is needed, so their clients hear "expired"', () => {
      const server = newServer();
      server.apply(login('c1', 1, 'alice', 0));
      server.apply(login('c2', 1, 'bob', 10 * SESSION_TIMEOUT_MS));

      expect(listSessions(server.state)).toMatchObject([
        { clientId: 'c1', expired: true },
        { clientId: 'c2', expired: false },
      ]);
      expect(server.apply(setState('c1', 2, 'alice', 'x', 10 * SESSION_TIMEOUT_MS))).toMatchObject({
        code: 'session-expired',
      });
    });
  });
});
