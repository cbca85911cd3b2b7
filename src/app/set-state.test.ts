import { describe, expect, it } from 'vitest';
import { listUsers, readState } from './read';
import { getState, login, newServer, setState } from './testing';

// Reference: dissertation §6.3; a write goes through a session of its user.
describe('setState', () => {
  it('stores the state through the own session and bumps the version', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));

    const first = server.apply(setState('c1', 2, 'alice', 'hello', 10));
    const second = server.apply(setState('c1', 3, 'alice', 'world', 20));

    expect(first).toEqual({ ok: true, value: { kind: 'setState', user: 'alice', version: 1 } });
    expect(second).toEqual({ ok: true, value: { kind: 'setState', user: 'alice', version: 2 } });
    expect(readState(server.state, 'alice')).toEqual({
      ok: true,
      value: { kind: 'getState', user: 'alice', state: 'world', version: 2 },
    });
  });

  it('bumps the version even when the same text is written again', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(setState('c1', 2, 'alice', 'same', 10));

    const answer = server.apply(setState('c1', 3, 'alice', 'same', 20));

    expect(answer.ok && answer.value).toMatchObject({ version: 2 });
  });

  it('accepts the empty state', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));

    expect(server.apply(setState('c1', 2, 'alice', '', 10)).ok).toBe(true);
  });

  it('refuses a client that never logged in', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));

    const answer = server.apply(setState('c9', 1, 'alice', 'hacked', 10));

    expect(answer).toEqual({
      ok: false,
      code: 'not-logged-in',
      error: 'This client is not logged in; log in first.',
    });
    expect(readState(server.state, 'alice')).toMatchObject({ value: { state: '', version: 0 } });
  });

  it("cannot change another user's state through one's own session", () => {
    const server = newServer();
    server.apply(login('ca', 1, 'alice', 0));
    server.apply(login('cb', 1, 'bob', 0));
    server.apply(setState('cb', 2, 'bob', 'bob was here', 5));

    const answer = server.apply(setState('ca', 2, 'bob', 'alice was here', 10));

    expect(answer).toMatchObject({ ok: false, code: 'not-logged-in' });
    expect(!answer.ok && answer.error).toBe(
      'This client is logged in as "alice", so it can change only that user\'s state; log in as "bob" to change theirs.',
    );
    expect(listUsers(server.state)).toEqual([
      { user: 'alice', state: '', version: 0 },
      { user: 'bob', state: 'bob was here', version: 1 },
    ]);
  });

  it('writes to the user of the latest login of a client', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(login('c1', 2, 'bob', 5));

    const toAlice = server.apply(setState('c1', 3, 'alice', 'x', 10));
    const toBob = server.apply(setState('c1', 4, 'bob', 'y', 10));

    expect(toAlice).toMatchObject({ ok: false, code: 'not-logged-in' });
    expect(toBob).toMatchObject({ ok: true, value: { user: 'bob', version: 1 } });
  });

  it('lets anyone read any user through a getState entry, without a session', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(setState('c1', 2, 'alice', 'hi', 10));

    const answer = server.apply(getState('alice', 20));

    expect(answer).toEqual({
      ok: true,
      value: { kind: 'getState', user: 'alice', state: 'hi', version: 1 },
    });
  });

  it('answers a read of an unknown user with no-such-user', () => {
    const server = newServer();

    const answer = server.apply(getState('nobody', 0));

    expect(answer).toMatchObject({ ok: false, code: 'no-such-user' });
    expect(!answer.ok && answer.error).toBe(
      'There is no user "nobody" yet; a user exists from their first login.',
    );
  });
});
