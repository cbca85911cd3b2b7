import { describe, expect, it } from 'vitest';
import { listSessions, listUsers } from './read';
import { login, newServer, passwordOf } from './testing';

// Reference: dissertation §6.3 (client sessions; RegisterClient opens a
// session whose id is the log index of its entry).
describe('login', () => {
  it('registers a user on the first login, with an empty state at version 0', () => {
    const server = newServer();

    const answer = server.apply(login('c1', 1, 'alice', 1000));

    expect(answer).toEqual({
      ok: true,
      value: { kind: 'login', user: 'alice', sessionId: 1, registered: true },
    });
    expect(listUsers(server.state)).toEqual([{ user: 'alice', state: '', version: 0 }]);
  });

  it('logs in again with the right password, without registering again', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 1000));

    const answer = server.apply(login('c2', 1, 'alice', 2000));

    expect(answer).toEqual({
      ok: true,
      value: { kind: 'login', user: 'alice', sessionId: 2, registered: false },
    });
    expect(listUsers(server.state)).toHaveLength(1);
  });

  it('refuses a wrong password and opens no session', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 1000));

    const answer = server.apply(login('c2', 1, 'alice', 2000, 'not-' + passwordOf('alice')));

    expect(answer).toMatchObject({ ok: false, code: 'bad-password' });
    expect(!answer.ok && answer.error).toContain('Wrong password for "alice"');
    expect(listSessions(server.state).map((s) => s.clientId)).toEqual(['c1']);
  });

  it('keeps the existing session of a client whose new login fails', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 1000));
    server.apply(login('c2', 1, 'bob', 1000));

    const answer = server.apply(login('c1', 2, 'bob', 2000, 'wrong'));

    expect(answer).toMatchObject({ ok: false, code: 'bad-password' });
    expect(server.state.sessions.get('c1')).toMatchObject({ user: 'alice', lastSeq: 1 });
  });

  it('uses the log index of the login entry as the session id', () => {
    const server = newServer(undefined, 41);

    const answer = server.apply(login('c1', 1, 'alice', 0));

    expect(answer.ok && answer.value).toMatchObject({ sessionId: 41 });
    expect(server.state.sessions.get('c1')?.sessionId).toBe(41);
  });

  it('replaces the session of a client that logs in as another user', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 1000));

    const answer = server.apply(login('c1', 2, 'bob', 2000));

    expect(answer.ok).toBe(true);
    expect(listSessions(server.state)).toMatchObject([
      { clientId: 'c1', user: 'bob', sessionId: 2 },
    ]);
  });

  it('treats names as case-sensitive and lowercase-only, so "Alice" is refused', () => {
    const server = newServer();

    const answer = server.apply(login('c1', 1, 'Alice', 0));

    expect(answer).toMatchObject({ ok: false, code: 'limit' });
    expect(!answer.ok && answer.error).toContain('"A"');
    expect(listUsers(server.state)).toEqual([]);
  });
});
