import { afterEach, describe, expect, it } from 'vitest';
import type { NodeId } from '../raft';
import { replay, type Cluster } from '../sim/cluster';
import type { Disk } from '../sim/host';
import type { ClusterOptions } from '../sim/options';
import { Prng } from '../sim/prng';
import { runSwarmSeed } from '../sim/swarm';
import { Coordinator } from './coordinator';
import { inProcessSpawner } from './in-process';

// Snapshots (Raft §7) and membership changes (dissertation §4.1) in the
// Worker runtime, with in-process nodes: each run must give the headless
// cluster's trace hash for its own input log, and the mirror must show what
// the headless nodes hold.

/** Bound on virtual time for a leader or a change to take effect, ms. */
const SETTLE_MS = 3_000;

/**
 * Swarm seeds whose runs both add and remove servers: 64, 103, 113 and 240
 * with snapshots (every 52, 39, 15 and 13 entries), 97 twice each without.
 */
const SWARM_SEEDS = [64, 103, 113, 240, 97];
/** Virtual time run after the last input before comparing, ms. */
const SWARM_TAIL_MS = 1_000;

const running: Coordinator[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.stop();
});

async function startCluster(options: ClusterOptions, disks = new Map<string, Disk>()) {
  const spawner = inProcessSpawner(disks);
  const c = new Coordinator(options, spawner.spawn, spawner.makeChannel, 'test');
  running.push(c);
  await c.start();
  return { c, spawner, disks };
}

async function leaderOf(c: Coordinator): Promise<NodeId> {
  expect(await c.runUntil(() => c.leader() !== null, SETTLE_MS)).toBe(true);
  return c.leader()!;
}

/** The coordinator's run equals the headless replay of its input log, node by node. */
function expectSameAsHeadless(c: Coordinator): Cluster {
  const headless = replay(c.options, c.inputLog(), c.now);
  expect(c.ids).toEqual(headless.ids);
  expect(c.traceHash()).toBe(headless.traceHash());
  expect(c.history()).toEqual(headless.history());
  for (const id of c.ids) {
    const mine = c.node(id);
    const theirs = headless.node(id);
    expect(mine.alive, `S${id}`).toBe(theirs.alive);
    expect(mine.snapshotIndex ?? 0, `S${id}`).toBe(theirs.snapshotIndex ?? 0);
    expect(
      mine.log.map((e) => [e.index, e.term]),
      `S${id}`,
    ).toEqual(theirs.log.map((e) => [e.index, e.term]));
    if (!theirs.alive) continue;
    expect(mine.commitIndex, `S${id}`).toBe(theirs.commitIndex);
    expect(mine.lastApplied, `S${id}`).toBe(theirs.lastApplied);
    expect(mine.config, `S${id}`).toEqual(theirs.config);
    expect(c.users(id), `S${id}`).toEqual(headless.users(id));
  }
  expect(c.violations()).toEqual(headless.violations());
  expect(c.violations()).toEqual([]);
  return headless;
}

describe('snapshots in the Worker runtime (Raft §7)', () => {
  for (const seed of [61, 62, 63]) {
    it(`seed ${seed}: writes, crashes and restarts with snapshots every 8 entries keep the headless trace`, async () => {
      const options: ClusterOptions = { nodes: 5, seed, snapshotEvery: 8, dropRate: 0.02 };
      const { c } = await startCluster(options);
      const drive = Prng.derive(seed, 'runtime-snapshots');
      const alice = c.client('alice');
      const bob = c.client('bob');
      await alice.login('a-password');
      await bob.login('b-password');
      let restarts = 0;
      for (let step = 0; step < 120; step++) {
        await c.advance(drive.int(1, 40));
        void alice.setState(`a${step}`);
        if (step % 3 === 0) void bob.setState(`b${step}`);
        if (step % 5 === 0) void bob.getState('alice');
        const r = drive.next();
        const id = drive.int(1, 5);
        if (r < 0.06) await c.crash(id);
        else if (r < 0.14 && !c.node(id).alive) {
          await c.restart(id);
          restarts++;
        }
      }
      for (const id of c.ids) if (!c.node(id).alive) await c.restart(id);
      await c.advance(1_000);
      expect(restarts).toBeGreaterThan(0);
      expect(Math.max(...c.ids.map((id) => c.node(id).snapshotIndex ?? 0))).toBeGreaterThan(16);
      expectSameAsHeadless(c);
    });
  }

  it('a restarted worker starts from the snapshot on its disk, and one that missed compacted entries is sent a snapshot', async () => {
    const options: ClusterOptions = { nodes: 3, seed: 64, snapshotEvery: 10 };
    const { c, disks } = await startCluster(options);
    const leader = await leaderOf(c);
    const late = c.ids.find((id) => id !== leader)!;
    const alice = c.client('alice');
    await alice.login('pw');
    for (let k = 0; k < 25; k++) await alice.setState(`v${k}`);
    expect(await c.runUntil(() => c.history().every((h) => h.status !== 'pending'), 9_000)).toBe(
      true,
    );
    await c.advance(300);
    const snap = c.node(late).snapshotIndex!;
    expect(snap).toBeGreaterThan(0);
    await c.crash(late);
    // What its disk holds: the snapshot, and only the entries after it.
    const disk = disks.get(c.diskNames()[late - 1]!)!;
    expect(disk.snapshot?.index).toBe(snap);
    expect(disk.log.every((e) => e.index > snap)).toBe(true);

    // Compact past everything it holds, while it is down.
    for (let k = 25; k < 50; k++) await alice.setState(`v${k}`);
    expect(await c.runUntil(() => c.history().every((h) => h.status !== 'pending'), 9_000)).toBe(
      true,
    );
    await c.advance(300);
    expect(c.node(c.leader()!).snapshotIndex).toBeGreaterThan(snap + disk.log.length);

    await c.partition([[late], c.ids.filter((x) => x !== late)]);
    await c.restart(late);
    // Before it hears anyone: its state machine is back from the snapshot.
    expect(c.node(late)).toMatchObject({ lastApplied: snap, snapshotIndex: snap });
    expect(c.users(late)[0]?.version).toBeGreaterThan(0);
    await c.heal();
    const leaderNow = await leaderOf(c);
    expect(
      await c.runUntil(() => c.node(late).commitIndex >= c.node(leaderNow).commitIndex, SETTLE_MS),
    ).toBe(true);
    expectSameAsHeadless(c);
    expect(c.users(late)).toEqual([{ user: 'alice', state: 'v49', version: 50 }]);
    expect(c.node(late).snapshotIndex).toBeGreaterThan(snap + disk.log.length);
  });
});

describe('membership changes in the Worker runtime (dissertation §4.1)', () => {
  it('adds a server as a worker linked to every node, which catches up and votes; removes one; the trace is the headless one', async () => {
    const { c, spawner } = await startCluster({ nodes: 3, seed: 71, snapshotEvery: 6 });
    let leader = await leaderOf(c);
    for (let k = 0; k < 20; k++) await c.propose(leader, `e${k}`);
    await c.advance(300);
    expect(await c.addServer()).toBe(4);
    expect(c.ids).toEqual([1, 2, 3, 4]);
    // The new server as it starts: empty, knowing no configuration yet.
    const joined = replay(c.options, c.inputLog(), c.now).node(4);
    expect(c.node(4)).toMatchObject({ alive: true, log: [], config: joined.config });
    expect(joined.config).toEqual({ voters: [], learners: [] });
    expect(spawner.open()).toBe(4);
    const voters = () => c.node(c.leader() ?? 1).config?.voters ?? [];
    expect(await c.runUntil(() => voters().length === 4, SETTLE_MS)).toBe(true);
    leader = await leaderOf(c);
    const at = (await c.propose(leader, 'with-four'))!;
    expect(
      await c.runUntil(() => c.ids.every((id) => c.node(id).commitIndex >= at.index), SETTLE_MS),
    ).toBe(true);
    // It joined after compaction: it got the leader's snapshot.
    expect(c.node(4).snapshotIndex).toBeGreaterThan(0);

    // The new server's worker restarts from its own disk like any other.
    await c.crash(4);
    await c.advance(100);
    await c.restart(4);
    const follower = c.ids.find((id) => id !== leader && id !== 4)!;
    await c.removeServer(follower);
    expect(await c.runUntil(() => !voters().includes(follower), SETTLE_MS)).toBe(true);
    await c.advance(1_000);
    expectSameAsHeadless(c);
  });

  it('removing the leader: it steps down once the change commits, and the rest elect a leader (§4.2.2)', async () => {
    const { c } = await startCluster({ nodes: 5, seed: 72 });
    const old = await leaderOf(c);
    await c.advance(100);
    await c.removeServer(old);
    expect(await c.runUntil(() => c.leader() !== null && c.leader() !== old, SETTLE_MS)).toBe(true);
    expect(c.node(c.leader()!).config?.voters).not.toContain(old);
    await c.advance(500);
    expectSameAsHeadless(c);
  });

  it('refuses a change as the headless cluster does, before logging it', async () => {
    const { c, spawner } = await startCluster({ nodes: 3, seed: 73 });
    await expect(c.addServer()).rejects.toThrow(/no leader/);
    const leader = await leaderOf(c);
    await c.advance(100);
    await c.removeServer(c.ids.find((x) => x !== leader)!);
    await expect(c.addServer()).rejects.toThrow(/one at a time/);
    await expect(c.removeServer(9)).rejects.toThrow(/S9/);
    expect(c.inputLog().filter((i) => i.kind === 'addServer')).toEqual([]);
    expect(c.ids).toEqual([1, 2, 3]);
    expect(spawner.open()).toBe(3);
    await c.advance(300);
    expectSameAsHeadless(c);
  });
});

describe('swarm runs in the Worker runtime', () => {
  // Seeds whose input logs add and remove servers, some with snapshots: the
  // headless swarm's own run, replayed input by input through the workers.
  for (const seed of SWARM_SEEDS) {
    it(`swarm seed ${seed}: the workers replay the headless run's input log to the same trace hash`, async () => {
      const run = runSwarmSeed(seed);
      const kinds = run.inputLog.map((i) => i.kind);
      expect(kinds).toContain('addServer');
      expect(kinds).toContain('removeServer');
      expect(run.options.snapshotEvery !== 0).toBe(seed !== 97);
      const { c } = await startCluster(run.options);
      for (const input of run.inputLog) {
        await c.advance(input.at - c.now);
        await c.apply(input);
      }
      await c.advance(SWARM_TAIL_MS);
      expectSameAsHeadless(c);
    });
  }
});
