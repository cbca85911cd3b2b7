import { describe, expect, it } from 'vitest';
import { applyCommand } from './apply';
import {
  createClient,
  prepareGetState,
  prepareLogin,
  prepareSetState,
  stampCommand,
} from './client';
import { passwordHash } from './password';
import { createServiceState } from './state';

// Reference: dissertation §6.3: a client numbers its requests and resends
// the same number to retry.
describe('client helpers', () => {
  it('numbers requests 1, 2, 3 and hashes the password', () => {
    const client0 = createClient('tab-1');

    const first = prepareLogin(client0, 'alice', 'pw');
    if (!first.ok) throw new Error(first.error);
    const second = prepareSetState(first.client, 'alice', 'hello');
    if (!second.ok) throw new Error(second.error);

    expect(client0.lastSeq).toBe(0);
    expect(first.command).toEqual({
      v: 1,
      kind: 'login',
      clientId: 'tab-1',
      seq: 1,
      user: 'alice',
      passwordHash: passwordHash('alice', 'pw'),
    });
    expect(second.command).toEqual({
      v: 1,
      kind: 'setState',
      clientId: 'tab-1',
      seq: 2,
      user: 'alice',
      state: 'hello',
    });
    expect(second.client.lastSeq).toBe(2);
  });

  it('checks the same rules as the state machine before sending', () => {
    const client = createClient('tab-1');

    expect(prepareLogin(client, 'Alice', 'pw')).toMatchObject({ ok: false, code: 'limit' });
    expect(prepareLogin(client, 'alice', '')).toEqual({
      ok: false,
      code: 'limit',
      error: 'Type a password.',
    });
    expect(prepareLogin(client, 'alice', 'p'.repeat(129))).toMatchObject({
      ok: false,
      code: 'limit',
    });
    expect(prepareSetState(client, 'alice', 'x'.repeat(257))).toMatchObject({
      ok: false,
      code: 'limit',
    });
    expect(prepareGetState('')).toMatchObject({ ok: false, code: 'limit' });
  });

  it('refuses a bad client id at once: it is a bug, not a user error', () => {
    expect(() => createClient('')).toThrow(RangeError);
    expect(() => createClient('tab 1')).toThrow(RangeError);
  });

  it('works end to end: stamped by the leader, applied, retried once', () => {
    const state = createServiceState();
    const login = prepareLogin(createClient('tab-1'), 'alice', 'pw');
    if (!login.ok) throw new Error(login.error);
    const write = prepareSetState(login.client, 'alice', 'hello');
    if (!write.ok) throw new Error(write.error);
    const read = prepareGetState('alice');
    if (!read.ok) throw new Error(read.error);

    const loggedIn = applyCommand(state, stampCommand(login.command, 100), 1);
    const written = applyCommand(state, stampCommand(write.command, 200), 2);
    const retried = applyCommand(state, stampCommand(write.command, 300), 3);
    const seen = applyCommand(state, stampCommand(read.command, 400), 4);

    expect(loggedIn).toMatchObject({ ok: true, value: { sessionId: 1, registered: true } });
    expect(written).toEqual({ ok: true, value: { kind: 'setState', user: 'alice', version: 1 } });
    expect(retried).toEqual(written);
    expect(seen).toEqual({
      ok: true,
      value: { kind: 'getState', user: 'alice', state: 'hello', version: 1 },
    });
  });

  it('stamps the log time without changing the client command', () => {
    const read = prepareGetState('alice');
    if (!read.ok) throw new Error(read.error);

    expect(stampCommand(read.command, 1234)).toEqual({
      v: 1,
      kind: 'getState',
      user: 'alice',
      at: 1234,
    });
    expect(read.command).not.toHaveProperty('at');
  });
});
