import { describe, expect, it } from 'vitest';
import { checkOperations, userServiceModel } from '../check/lin';
import { createCluster, type Cluster } from './cluster';
import type { Op } from './clients';
import { userServiceOperations } from './history';
import type { ClusterOptions } from './options';

// Lease reads (dissertation §6.4.1): the leader answers reads from its own
// state while its lease holds, without a round of heartbeats. That is safe
// only while clocks keep to the drift bound the lease assumes.

function settle(c: Cluster, op: Op, maxMs = 3_000): Op {
  if (!c.runUntil(() => op.done, maxMs)) throw new Error('operation not done');
  return op;
}

/**
 * S1 leads, its clock at half speed; the others' run fast. S1 is cut off;
 * S2 is elected as soon as the others' leases end, and alice writes v2 on
 * it. Then bob reads alice on S1, which may still think it holds its lease.
 */
function staleLeaseRun(extra: Partial<ClusterOptions>): { c: Cluster; read: Op } {
  const c = createCluster({
    nodes: 5,
    seed: 31,
    latencyMs: [5, 10],
    leaseReads: true,
    clockRates: { 1: 0.5, 2: 1.5, 3: 1.5, 4: 1.5, 5: 1.5 },
    ...extra,
  });
  c.timeoutNow(1);
  c.runUntil(() => c.leader() === 1, 1_000);
  const alice = c.client('alice');
  const bob = c.client('bob');
  settle(c, alice.login('pw', { via: 1 }));
  settle(c, alice.setState('v1', { via: 1 }));
  settle(c, bob.getState('alice', { via: 1 }));
  c.partition([[1], [2, 3, 4, 5]]);
  c.advance(110); // the followers' own leases (150 ms by their fast clocks) are over
  c.timeoutNow(2);
  c.runUntil(() => c.node(2).role === 'leader', 1_000);
  settle(c, alice.setState('v2', { via: 2 }));
  c.advance(5); // strictly after the write completed
  const read = settle(c, bob.getState('alice', { via: 1 }));
  return { c, read };
}

describe('lease reads (§6.4.1)', () => {
  it('answer reads without a heartbeat round while the lease holds', () => {
    const c = createCluster({ nodes: 3, seed: 30, leaseReads: true });
    const alice = c.client('alice');
    settle(c, alice.login('pw'));
    settle(c, alice.setState('v1'));
    c.advance(20);
    const before = c.stats().byType.AppendEntries ?? 0;
    const read = settle(c, c.client('bob').getState('alice', { via: c.leader()! }));
    expect(read).toMatchObject({ ok: true, value: { state: 'v1' } });
    // Answered at once: no AppendEntries round was needed for it.
    expect((c.stats().byType.AppendEntries ?? 0) - before).toBeLessThanOrEqual(2);
  });

  it('with clocks drifting past the bound, the old leader serves a stale read: the checker says not linearizable', () => {
    const { c, read } = staleLeaseRun({ clockDriftBound: 0 });
    expect(read).toMatchObject({ ok: true, value: { state: 'v1' } });
    const verdict = checkOperations(userServiceModel, userServiceOperations(c.history()));
    expect(verdict.result).toBe('not-linearizable');
  });

  it('with a drift bound that covers the clocks, the old leader knows its lease is over', () => {
    const { c, read } = staleLeaseRun({ clockDriftBound: 0.5 });
    expect(read).toMatchObject({ ok: true, value: { state: 'v2' } });
    expect(checkOperations(userServiceModel, userServiceOperations(c.history())).result).toBe(
      'linearizable',
    );
  });
});
