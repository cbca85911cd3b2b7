import { describe, expect, it } from 'vitest';
import { createCluster, replay, type Cluster } from './cluster';
import type { Op } from './clients';
import { waitForLeader } from './testing';

function settle(c: Cluster, op: Op, maxMs = 3_000): Op {
  if (!c.runUntil(() => op.done, maxMs)) throw new Error(`operation not done within ${maxMs} ms`);
  return op;
}

describe('clients of the per-user service', () => {
  it('log in (registering), set state, and read it back linearizably', () => {
    const c = createCluster({ nodes: 3, seed: 1 });
    const alice = c.client('alice');
    expect(settle(c, alice.login('secret'))).toMatchObject({
      ok: true,
      value: { kind: 'login', user: 'alice', registered: true },
    });
    expect(settle(c, alice.setState('hello'))).toMatchObject({ ok: true, value: { version: 1 } });
    expect(settle(c, c.client('bob').getState('alice'))).toMatchObject({
      ok: true,
      value: { state: 'hello', version: 1 },
    });
    for (const id of c.ids)
      expect(c.users(id)).toEqual([{ user: 'alice', state: 'hello', version: 1 }]);
    expect(c.violations()).toEqual([]);
  });

  it('a wrong password is refused, and nothing about the password is in the input log', () => {
    const c = createCluster({ nodes: 3, seed: 2 });
    settle(c, c.client('alice').login('right'));
    const again = c.client('alice');
    const op = settle(c, again.login('wrong'));
    expect(op).toMatchObject({ ok: false });
    expect(op.error).toMatch(/password/i);
    expect(JSON.stringify(c.inputLog())).not.toMatch(/right|wrong/);
    expect(c.history().map((h) => h.status)).toEqual(['ok', 'fail']);
  });

  it('setState without logging in is refused: a session changes only its own user', () => {
    const c = createCluster({ nodes: 3, seed: 3 });
    const op = settle(c, c.client('mallory').setState('owned'));
    expect(op.ok).toBe(false);
    expect(op.error).toMatch(/log in/i);
    expect(c.users(waitForLeader(c))).toEqual([]);
  });

  it('finds the leader by redirect hints', () => {
    const c = createCluster({ nodes: 5, seed: 4 });
    const leader = waitForLeader(c);
    c.advance(500);
    const via = c.ids.find((id) => id !== leader)!;
    const op = settle(c, c.client('bob').getState('nobody', { via }));
    expect(op.ok).toBe(false); // no such user, but answered by the leader
    expect(c.history()[0]?.attempts).toBe(2);
  });

  it('exactly once: a retry after the leader changes is not applied twice (dissertation §6.3)', () => {
    const c = createCluster({ nodes: 3, seed: 5 });
    const alice = c.client('alice');
    settle(c, alice.login('pw'));
    const leader = waitForLeader(c);
    const op = alice.setState('once');
    // The write reaches a follower's log, then the leader dies before it can answer.
    const follower = c.ids.find((id) => id !== leader)!;
    c.runUntil(
      () => c.node(follower).log.some((e) => (e.command as { state?: string }).state === 'once'),
      1_000,
    );
    c.crash(leader);
    settle(c, op, 6_000);
    expect(op).toMatchObject({ ok: true, value: { version: 1 } });
    expect(c.history().at(-1)?.attempts).toBeGreaterThan(1);
    c.restart(leader);
    c.advance(1_000);
    for (const id of c.ids)
      expect(c.users(id)).toEqual([{ user: 'alice', state: 'once', version: 1 }]);
    // The command is in the log twice (the retry was appended again) but applied once.
    const copies = c
      .node(follower)
      .log.filter((e) => (e.command as { state?: string }).state === 'once');
    expect(copies.length).toBeGreaterThanOrEqual(1);
  });

  it('a stale read returns an old value after a partition; a linearizable read does not', () => {
    const c = createCluster({ nodes: 5, seed: 6 });
    const alice = c.client('alice');
    settle(c, alice.login('pw'));
    settle(c, alice.setState('v1'));
    c.advance(200);
    const leader = waitForLeader(c);
    const cut = c.ids.find((id) => id !== leader)!;
    c.partition([[cut], c.ids.filter((id) => id !== cut)]);
    settle(c, alice.setState('v2'));
    const reader = c.client('bob');
    const stale = settle(c, reader.getState('alice', { stale: true, via: cut }));
    expect(stale).toMatchObject({ ok: true, value: { state: 'v1', version: 1 } });
    const fresh = settle(c, reader.getState('alice', { via: cut }), 6_000);
    expect(fresh).toMatchObject({ ok: true, value: { state: 'v2', version: 2 } });
  });

  it('gives up after a bound with a clear error when no server answers', () => {
    const c = createCluster({ nodes: 3, seed: 7 });
    const alice = c.client('alice');
    settle(c, alice.login('pw'));
    for (const id of c.ids) c.crash(id);
    const op = settle(c, alice.setState('lost'), 10_000);
    expect(op).toMatchObject({ done: true, ok: false, progress: 'unknown' });
    expect(op.error).toMatch(/may or may not have taken effect/);
    expect(c.history().at(-1)).toMatchObject({ status: 'info', completeMs: null });
  });

  it('operations of one client run one at a time, in order', () => {
    const c = createCluster({ nodes: 3, seed: 8 });
    const alice = c.client('alice');
    const ops = [alice.login('pw'), alice.setState('a'), alice.setState('b'), alice.setState('c')];
    expect(ops[1]?.progress).toBe('queued');
    settle(c, ops[3]!);
    expect(ops.map((o) => o.ok)).toEqual([true, true, true, true]);
    expect(c.users(waitForLeader(c))).toEqual([{ user: 'alice', state: 'c', version: 3 }]);
    const history = c.history();
    for (let k = 1; k < history.length; k++)
      expect(history[k]!.invokeMs).toBeGreaterThanOrEqual(history[k - 1]!.completeMs!);
  });

  it('client operations replay exactly from the input log', () => {
    const options = { nodes: 5, seed: 9, dropRate: 0.05 };
    const c = createCluster(options);
    const a = c.client('alice');
    const b = c.client('bob');
    a.login('x');
    b.login('y');
    for (let k = 0; k < 20; k++) {
      a.setState(`a${k}`);
      b.getState('alice');
      c.advance(37);
      if (k === 7) c.crash(waitForLeader(c));
      if (k === 14) c.restart(c.ids.find((id) => !c.node(id).alive)!);
    }
    c.advance(6_000);
    const again = replay(options, c.inputLog(), c.now);
    expect(again.traceHash()).toBe(c.traceHash());
    expect(again.history()).toEqual(c.history());
  });

  it('rejects bad client input before logging it', () => {
    const c = createCluster({ nodes: 3, seed: 10 });
    expect(() => c.client('Not OK!').setState('x')).toThrow(/user name/i);
    expect(() => c.client('alice').setState('x'.repeat(300))).toThrow(/256/);
    expect(() => c.client('alice').getState('bob', { via: 9 })).toThrow(/no server S9/);
    expect(() => c.client('alice').login('')).toThrow(/password/i);
    expect(c.inputLog()).toEqual([]);
  });
});
