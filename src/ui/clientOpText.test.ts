import { describe, expect, it } from 'vitest';
import type { ClientOpView } from './clientOps.ts';
import { ClientOps } from './clientOps.ts';
import { opAsked, opResult } from './clientOpText.ts';

const base: ClientOpView = {
  key: 1,
  client: 'alice',
  kind: 'getState',
  argument: 'bob',
  stale: true,
  at: 0,
  progress: 'done',
  done: true,
  ok: true,
  value: { kind: 'getState', user: 'bob', state: 'hi', version: 2 },
};

describe('client operation text', () => {
  it('labels a stale read as such, and shows the value read', () => {
    expect(opAsked(base)).toBe("read bob's state, stale (may be out of date)");
    expect(opAsked({ ...base, stale: false })).toBe("read bob's state, linearizable");
    expect(opResult(base)).toBe('"hi" (version 2)');
  });

  it("shows the service's error, and says when the outcome is unknown", () => {
    expect(opResult({ ...base, ok: false, progress: 'failed', error: 'Wrong password' })).toBe(
      'Wrong password',
    );
    expect(opResult({ ...base, ok: false, progress: 'unknown' })).toContain('Outcome unknown');
    expect(opResult({ ...base, done: false, progress: 'sent' })).toBe('…');
  });
});

describe('ClientOps', () => {
  it('never keeps a login password', () => {
    const ops = new ClientOps();
    ops.start('alice', 'login', 'secret-password', false, 0);
    expect(JSON.stringify(ops.snapshot())).not.toContain('secret-password');
  });

  it('follows the live op, copying a row only when it changed', () => {
    const ops = new ClientOps();
    const t = ops.start('alice', 'setState', 'happy', false, 5);
    const live = { done: false, ok: false, progress: 'sent' as const };
    ops.track(t, live);
    const a = ops.snapshot();
    expect(a[0]).toMatchObject({ progress: 'sent', argument: 'happy', at: 5 });
    expect(ops.snapshot()).toBe(a);
    Object.assign(live, { done: true, ok: true, progress: 'done', value: { version: 1 } });
    expect(ops.snapshot()[0]).toMatchObject({ progress: 'done', ok: true });
  });

  it('shows a refusal with its message', () => {
    const ops = new ClientOps();
    const refusal = () => 'The user name "<img>" has "<"';
    ops.refuse(ops.start('<img>', 'login', 'pw', false, 0), refusal);
    const op = ops.snapshot()[0]!;
    expect(op).toMatchObject({ progress: 'refused', done: true, ok: false });
    expect(opResult(op)).toBe('The user name "<img>" has "<"');
  });
});
