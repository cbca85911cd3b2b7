import { describe, expect, it } from 'vitest';
import { listSessions, listUsers, readState } from './read';
import { login, newServer, setState } from './testing';

describe('reads for clients and the page', () => {
  it('lists users sorted by name, by code unit rather than locale', () => {
    const server = newServer();
    for (const [i, user] of ['zoe', '_x', 'alice', '9lives', 'bob-2', 'bob'].entries()) {
      server.apply(login(`c${i}`, 1, user, 0));
    }

    expect(listUsers(server.state).map((u) => u.user)).toEqual([
      '9lives',
      '_x',
      'alice',
      'bob',
      'bob-2',
      'zoe',
    ]);
  });

  it('shows state and version but never the password hash', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(setState('c1', 2, 'alice', 'hi', 1));

    expect(listUsers(server.state)).toEqual([{ user: 'alice', state: 'hi', version: 1 }]);
  });

  it('reads a user with the same answer shape as a getState entry', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));

    expect(readState(server.state, 'alice')).toEqual({
      ok: true,
      value: { kind: 'getState', user: 'alice', state: '', version: 0 },
    });
    expect(readState(server.state, 'Alice')).toMatchObject({ ok: false, code: 'limit' });
    expect(readState(server.state, 'bob')).toMatchObject({ ok: false, code: 'no-such-user' });
  });

  it('lists sessions sorted by client id, with their user, id and whether they expired', () => {
    const server = newServer();
    server.apply(login('tab-b', 1, 'bob', 0));
    server.apply(login('tab-a', 1, 'alice', 30_000));
    server.apply(setState('tab-a', 2, 'alice', 'x', 61_000));

    expect(listSessions(server.state)).toEqual([
      {
        clientId: 'tab-a',
        user: 'alice',
        sessionId: 2,
        lastSeq: 2,
        lastUsedMs: 61_000,
        expired: false,
      },
      { clientId: 'tab-b', user: 'bob', sessionId: 1, lastSeq: 1, lastUsedMs: 0, expired: true },
    ]);
  });
});
