import { describe, expect, it } from 'vitest';
import { SESSION_TIMEOUT_MS } from './limits';
import { listSessions } from './read';
import { getState, login, newServer, setState } from './testing';

const EXPIRED = {
  ok: false,
  code: 'session-expired',
  error: 'Your session expired after 60 s without requests; log in again.',
};

// Reference: dissertation §6.3: sessions expire by a time the leader writes
// into the log, so that every server expires the same sessions at the same
// entries, whatever its own clock says.
describe('session expiry by log time', () => {
  it('keeps a session used just within the timeout', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 1000));

    const answer = server.apply(setState('c1', 2, 'alice', 'x', 1000 + SESSION_TIMEOUT_MS - 1));

    expect(answer.ok).toBe(true);
  });

  it('expires a session unused for the timeout, with a clear error', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 1000));

    const answer = server.apply(setState('c1', 2, 'alice', 'x', 1000 + SESSION_TIMEOUT_MS));

    expect(answer).toEqual(EXPIRED);
  });

  it('counts the timeout from the last use, not from the login', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(setState('c1', 2, 'alice', 'x', 50_000));

    expect(server.apply(setState('c1', 3, 'alice', 'y', 100_000)).ok).toBe(true);
  });

  it("expires by the log time of other clients' entries: a read stamped later counts", () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(getState('alice', SESSION_TIMEOUT_MS));

    expect(listSessions(server.state)).toMatchObject([{ clientId: 'c1', expired: true }]);
  });

  it('never lets log time go back, so a slow new leader cannot revive a session', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(getState('alice', 70_000));

    const answer = server.apply(setState('c1', 2, 'alice', 'x', 30_000));

    expect(answer).toEqual(EXPIRED);
    expect(server.state.clockMs).toBe(70_000);
  });

  it('does not answer a retry from an expired session', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(setState('c1', 2, 'alice', 'x', 10));

    expect(server.apply(setState('c1', 2, 'alice', 'x', 10 + SESSION_TIMEOUT_MS))).toEqual(EXPIRED);
    expect(server.apply(login('c1', 1, 'alice', 10 + SESSION_TIMEOUT_MS))).toMatchObject({
      code: 'stale-request',
    });
  });

  it('lets the client log in again after expiry and write', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(setState('c1', 2, 'alice', 'x', 100_000));

    const again = server.apply(login('c1', 3, 'alice', 100_001));
    const write = server.apply(setState('c1', 4, 'alice', 'y', 100_002));

    expect(again).toMatchObject({ ok: true, value: { sessionId: 3, registered: false } });
    expect(write).toMatchObject({ ok: true, value: { version: 1 } });
  });

  it('does not expire by the number of entries, only by their time', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    for (let i = 0; i < 1000; i++) server.apply(getState('alice', 1));

    expect(server.apply(setState('c1', 2, 'alice', 'x', 2)).ok).toBe(true);
  });
});
