import { describe, expect, it } from 'vitest';
import { createCluster, lastIndexOf } from './cluster';
import { runJepsenSeed } from './jepsen';
import { runSwarmSeed } from './swarm';
import { waitCommittedEverywhere, waitForLeader } from './testing';

describe('log compaction (Raft §7)', () => {
  it('keeps logs short, and brings a server that missed compacted entries up by InstallSnapshot', () => {
    const c = createCluster({ nodes: 3, seed: 41, snapshotEvery: 50 });
    const leader = waitForLeader(c);
    const late = c.ids.find((id) => id !== leader)!;
    c.crash(late);
    const alice = c.client('alice');
    alice.login('pw');
    for (let k = 0; k < 150; k++) {
      const op = alice.setState(`v${k}`);
      c.runUntil(() => op.done, 5_000);
    }
    c.runUntil(() => c.history().every((h) => h.status !== 'pending'), 20_000);
    expect(c.node(leader).snapshotIndex).toBeGreaterThan(100);
    expect(c.node(leader).log.length).toBeLessThan(60);
    const before = c.stats().byType.InstallSnapshot ?? 0;
    c.restart(late);
    const at = c.propose(waitForLeader(c), 'after')!;
    waitCommittedEverywhere(c, at);
    expect((c.stats().byType.InstallSnapshot ?? 0) - before).toBeGreaterThan(0);
    for (const id of c.ids)
      expect(c.users(id), `S${id}`).toEqual([{ user: 'alice', state: 'v149', version: 150 }]);
    expect(c.violations()).toEqual([]);
  });

  it('a restarted server starts from its snapshot: its state is back before it hears anyone', () => {
    const c = createCluster({ nodes: 3, seed: 42, snapshotEvery: 20 });
    const alice = c.client('alice');
    alice.login('pw');
    for (let k = 0; k < 40; k++) {
      const op = alice.setState(`v${k}`);
      c.runUntil(() => op.done, 5_000);
    }
    c.runUntil(() => c.history().every((h) => h.status !== 'pending'), 20_000);
    c.advance(500);
    const id = c.ids.find((x) => x !== c.leader())!;
    const snap = c.node(id).snapshotIndex ?? 0;
    expect(snap).toBeGreaterThan(0);
    c.partition([[id], c.ids.filter((x) => x !== id)]);
    c.crash(id);
    c.restart(id);
    expect(c.node(id)).toMatchObject({ commitIndex: snap, lastApplied: snap, snapshotIndex: snap });
    expect(c.users(id)[0]?.version).toBeGreaterThan(0);
    expect(lastIndexOf(c.node(id))).toBeGreaterThanOrEqual(snap);
  });

  it('the swarm with snapshots every 10 entries keeps safety and converges (100 seeds)', () => {
    const failed: string[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const r = runSwarmSeed(seed, {}, { recentEvents: 0 }, { snapshotEvery: 10 });
      if (!r.ok) failed.push(`seed ${seed}: ${r.failures.join('; ')}`);
    }
    expect(failed, failed.join('\n')).toEqual([]);
  });

  it('Jepsen-style histories with snapshots every 10 entries stay linearizable (60 seeds)', () => {
    const failed: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const r = runJepsenSeed(seed, {}, { snapshotEvery: 10 });
      if (!r.ok) failed.push(`seed ${seed}: ${r.failures.join('; ')}`);
    }
    expect(failed, failed.join('\n')).toEqual([]);
  });
});

describe('a long run with the built-in steady load', () => {
  it('writes at the asked rate as part of the run, with an empty input log and bounded logs', () => {
    const c = createCluster(
      { nodes: 5, seed: 43, snapshotEvery: 100, load: { writesPerS: 100 } },
      { recentEvents: 0 },
    );
    c.advance(60_000);
    const leader = c.node(waitForLeader(c));
    expect(leader.commitIndex).toBeGreaterThan(5_000);
    expect(leader.log.length).toBeLessThan(300);
    expect(c.inputLog()).toEqual([]);
    expect(c.violations()).toEqual([]);
    expect(() => createCluster({ nodes: 3, seed: 1, load: { writesPerS: -1 } })).toThrow(
      /steady load/,
    );
  });
});
