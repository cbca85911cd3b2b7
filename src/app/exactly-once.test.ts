import { describe, expect, it } from 'vitest';
import { readState } from './read';
import { login, newServer, setState } from './testing';

// Reference: dissertation §6.3, "Implementing linearizable semantics": the
// state machine saves, per client session, the last request number and its
// response; a duplicate is answered from it and not executed again.
describe('exactly-once requests', () => {
  it('applies a retried write once and returns the saved answer', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    const first = server.apply(setState('c1', 2, 'alice', 'once', 10));

    const retry = server.apply(setState('c1', 2, 'alice', 'once', 20));

    expect(retry).toEqual(first);
    expect(retry).toBe(server.state.sessions.get('c1')?.lastResponse);
    expect(readState(server.state, 'alice')).toMatchObject({ value: { version: 1 } });
  });

  it('answers a retried write from the saved answer even after other users wrote', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(login('c2', 1, 'bob', 0));
    const first = server.apply(setState('c1', 2, 'alice', 'a', 10));
    server.apply(setState('c2', 2, 'bob', 'b', 11));

    expect(server.apply(setState('c1', 2, 'alice', 'a', 12))).toEqual(first);
  });

  it('answers a retried login from the saved answer, registering once', () => {
    const server = newServer();
    const first = server.apply(login('c1', 1, 'alice', 0));

    const retry = server.apply(login('c1', 1, 'alice', 10));

    expect(retry).toEqual(first);
    expect(retry.ok && retry.value).toMatchObject({ registered: true, sessionId: 1 });
    expect(server.state.sessions.get('c1')?.sessionId).toBe(1);
  });

  it('refuses a request number older than the last applied one, with a clear error', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(setState('c1', 5, 'alice', 'five', 10));

    const stale = server.apply(setState('c1', 4, 'alice', 'four', 20));

    expect(stale).toEqual({
      ok: false,
      code: 'stale-request',
      error:
        "Request number 4 is older than this client's last applied request (5), so it was not applied; " +
        'number each new request above the last.',
    });
    expect(readState(server.state, 'alice')).toMatchObject({
      value: { state: 'five', version: 1 },
    });
  });

  it('refuses an old login number too', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(setState('c1', 2, 'alice', 'x', 10));

    expect(server.apply(login('c1', 1, 'alice', 20))).toMatchObject({ code: 'stale-request' });
  });

  it('refuses a number reused for a different kind of request', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));

    const answer = server.apply(setState('c1', 1, 'alice', 'x', 10));

    expect(answer).toMatchObject({ ok: false, code: 'stale-request' });
    expect(!answer.ok && answer.error).toContain('already used by a login request');
    expect(readState(server.state, 'alice')).toMatchObject({ value: { version: 0 } });
  });

  it('saves nothing for a rejected request, so its retry is judged afresh', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    server.apply(login('c2', 1, 'bob', 0));

    const rejected = server.apply(setState('c1', 2, 'bob', 'x', 10));
    const retry = server.apply(setState('c1', 2, 'bob', 'x', 20));

    expect(rejected).toEqual(retry);
    expect(server.state.sessions.get('c1')?.lastSeq).toBe(1);
  });

  it('accepts gaps in the numbering: only order matters', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));

    expect(server.apply(setState('c1', 7, 'alice', 'x', 10)).ok).toBe(true);
    expect(server.apply(setState('c1', 100, 'alice', 'y', 10)).ok).toBe(true);
  });

  it('returns frozen answers, so a caller cannot corrupt a saved one', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0));
    const answer = server.apply(setState('c1', 2, 'alice', 'x', 10));

    expect(Object.isFrozen(answer)).toBe(true);
    expect(answer.ok && Object.isFrozen(answer.value)).toBe(true);
  });
});
