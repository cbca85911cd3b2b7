import { afterEach, describe, expect, it } from 'vitest';
import { replay } from '../sim/cluster';
import type { ClusterOptions } from '../sim/options';
import { Prng } from '../sim/prng';
import { Coordinator } from './coordinator';
import { MemoryDiskStore, type OpenDisk } from './disk';
import type { Spawn } from './endpoint';
import { inProcessSpawner } from './in-process';
import type { Disk } from '../sim/host';

// The coordinator and the worker body run here over Node's own
// MessageChannel: the same scheduling and link ends as in the browser.

/** The flush of S2's disk that fails in the failing-disk test: past the election, while it sends. */
const FLUSHES_BEFORE_FAILURE = 40;
/** The log write S2's disk refuses in the refused-write test: past the election. */
const WRITES_BEFORE_REFUSAL = 5;

const running: Coordinator[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.stop();
});

async function startCluster(options: ClusterOptions) {
  const spawner = inProcessSpawner();
  const c = new Coordinator(options, spawner.spawn, spawner.makeChannel, 'test');
  running.push(c);
  await c.start();
  return { c, spawner };
}

/** Drives a run with faults, proposals and client load from its own stream. */
async function busyRun(c: Coordinator, steps: number): Promise<void> {
  const drive = Prng.derive(c.options.seed, 'runtime-test');
  const alice = c.client('alice');
  const bob = c.client('bob');
  await alice.login('a-password');
  await bob.login('b-password');
  for (let step = 0; step < steps; step++) {
    await c.advance(drive.int(1, 40));
    const leader = c.leader();
    if (leader !== null) await c.propose(leader, { step });
    if (step % 3 === 0) await alice.setState(`s${step}`);
    if (step % 4 === 0) await bob.getState('alice', { stale: step % 8 === 0 });
    const r = drive.next();
    const id = drive.int(1, c.options.nodes);
    if (r < 0.04) await c.crash(id);
    else if (r < 0.08) await c.restart(id);
    else if (r < 0.1) await c.partition([[id], c.ids.filter((x) => x !== id)]);
    else if (r < 0.12) await c.heal();
    else if (r < 0.13) await c.timeoutNow(id);
    else if (r < 0.14) await c.setLink(id, (id % c.options.nodes) + 1, false);
  }
}

describe('the coordinator', () => {
  it('elects a leader and commits a proposal on every node', async () => {
    const { c } = await startCluster({ nodes: 5, seed: 1 });
    expect(await c.runUntil(() => c.leader() !== null, 3_000)).toBe(true);
    const at = await c.propose(c.leader()!, 'x');
    expect(at).not.toBeNull();
    expect(
      await c.runUntil(() => c.ids.every((id) => c.node(id).commitIndex >= at!.index), 2_000),
    ).toBe(true);
    expect(c.violations()).toEqual([]);
  });

  for (const seed of [3, 4, 5]) {
    it(`gives the headless cluster's trace hash for the same input log (seed ${seed}, faults and load)`, async () => {
      const options: ClusterOptions = { nodes: 5, seed, dropRate: 0.05, duplicateRate: 0.05 };
      const { c } = await startCluster(options);
      await busyRun(c, 150);
      const headless = replay(options, c.inputLog(), c.now);
      expect(c.traceHash()).toBe(headless.traceHash());
      expect(c.history()).toEqual(headless.history());
      expect(c.history().filter((h) => h.status === 'ok').length).toBeGreaterThan(20);
      for (const id of c.ids) expect(c.users(id), `S${id}`).toEqual(headless.users(id));
      for (const id of c.ids) {
        expect(
          c.node(id).log.map((e) => e.term),
          `S${id}`,
        ).toEqual(headless.node(id).log.map((e) => e.term));
        expect(c.node(id).commitIndex, `S${id}`).toBe(headless.node(id).commitIndex);
      }
      expect(c.violations()).toEqual([]);
    });
  }

  it('single steps run exactly one instant, the next at which anything is due', async () => {
    const { c } = await startCluster({ nodes: 3, seed: 2 });
    const next = c.nextEventAt();
    expect(await c.stepToNextEvent()).toBe(next);
    expect(c.now).toBe(next);
    const headless = replay({ nodes: 3, seed: 2 }, [], c.now);
    expect(c.traceHash()).toBe(headless.traceHash());
  });

  it('a restarted node recovers its log from its disk and catches up', async () => {
    const { c } = await startCluster({ nodes: 3, seed: 6 });
    await c.runUntil(() => c.leader() !== null, 3_000);
    const leader = c.leader()!;
    const first = (await c.propose(leader, 'before'))!;
    await c.runUntil(() => c.ids.every((id) => c.node(id).commitIndex >= first.index), 2_000);
    const follower = c.ids.find((id) => id !== leader)!;
    await c.crash(follower);
    expect(c.node(follower).alive).toBe(false);
    const second = (await c.propose(leader, 'while-down'))!;
    await c.advance(300);
    await c.restart(follower);
    expect(c.node(follower).log.map((e) => e.command)).toContain('before');
    expect(await c.runUntil(() => c.node(follower).commitIndex >= second.index, 2_000)).toBe(true);
    expect(c.node(follower).log.map((e) => e.command)).toContain('while-down');
  });

  it('an input asked for while time runs applies at the end of the current window, and is logged then', async () => {
    const { c } = await startCluster({ nodes: 3, seed: 7 });
    const running = c.advance(500);
    const crash = c.crash(2);
    await Promise.all([running, crash]);
    const [input] = c.inputLog();
    expect(input).toMatchObject({ kind: 'crash', id: 2 });
    expect(input!.at).toBeGreaterThan(0);
    expect(input!.at).toBeLessThan(500);
    expect(c.traceHash()).toBe(replay({ nodes: 3, seed: 7 }, c.inputLog(), c.now).traceHash());
  });

  it('inputs not awaited before time moves ride in the next window and keep the headless trace', async () => {
    const options: ClusterOptions = { nodes: 5, seed: 10, dropRate: 0.02 };
    const { c, spawner } = await startCluster(options);
    await c.runUntil(() => c.leader() !== null, 3_000);
    const alice = c.client('alice');
    const proposals: Promise<{ index: number; term: number } | null>[] = [];
    const ops = [alice.login('a-password')];
    for (let k = 0; k < 100; k++) {
      // As bench:runtime does: propose, then let time run without waiting for the answer.
      proposals.push(c.propose(c.leader() ?? 1, `p${k}`));
      if (k % 10 === 0) ops.push(alice.setState(`s${k}`));
      await c.advance(10);
    }
    const placed = await Promise.all(proposals);
    expect(placed.filter((at) => at !== null).length).toBeGreaterThan(90);
    await Promise.all(ops);
    const headless = replay(options, c.inputLog(), c.now);
    expect(c.traceHash()).toBe(headless.traceHash());
    expect(c.history()).toEqual(headless.history());
    expect(c.violations()).toEqual([]);
    expect(spawner.open()).toBe(5);
  });

  it('a node sends before its writes commit, but a crash waits for them: the restart reads all it sent about', async () => {
    const disks = new Map<string, Disk>();
    let hold = false;
    const held: (() => void)[] = [];
    // A disk whose writes land only when a flush completes; while `hold`,
    // flushes wait until released (a slow commit).
    const openDisk: OpenDisk = (name) => {
      const disk = new MemoryDiskStore(name, disks);
      let buffered: (() => void)[] = [];
      const land = (writes: (() => void)[]) => {
        for (const write of writes) write();
      };
      return {
        load: () => disk.load(),
        write: (hardState, from, entries) =>
          void buffered.push(() => disk.write(hardState, from, entries)),
        writeSnapshot: (snapshot) => void buffered.push(() => disk.writeSnapshot(snapshot)),
        flush: () => {
          const writes = buffered;
          buffered = [];
          if (!hold) return Promise.resolve(land(writes));
          return new Promise<void>((resolve) => held.push(() => resolve(land(writes))));
        },
        close: () => disk.close(),
      };
    };
    const inner = inProcessSpawner(disks, openDisk);
    const c = new Coordinator({ nodes: 3, seed: 14 }, inner.spawn, inner.makeChannel, 'test');
    running.push(c);
    await c.start();
    expect(await c.runUntil(() => c.leader() !== null, 3_000)).toBe(true);
    const leader = c.leader()!;
    hold = true;
    const at = (await c.propose(leader, 'held'))!;
    // The followers store and acknowledge it, and the leader commits it,
    // while no write of any node has landed.
    expect(
      await c.runUntil(() => c.ids.every((id) => c.node(id).commitIndex >= at.index), 2_000),
    ).toBe(true);
    expect(held.length).toBeGreaterThan(0);
    const name = c.diskNames()[leader - 1]!;
    expect(disks.get(name)!.log.some((e) => e.command === 'held')).toBe(false);
    let crashed = false;
    const crash = c.crash(leader).then(() => (crashed = true));
    for (let k = 0; k < 20; k++) await new Promise((resolve) => setImmediate(resolve));
    expect(crashed).toBe(false); // it waits for the commits
    hold = false;
    for (const release of held.splice(0)) release();
    await crash;
    expect(disks.get(name)!.log.some((e) => e.command === 'held')).toBe(true);
    await c.restart(leader);
    expect(c.node(leader).log.map((e) => e.command)).toContain('held');
    await c.advance(300);
    expect(c.traceHash()).toBe(replay(c.options, c.inputLog(), c.now).traceHash());
    expect(c.violations()).toEqual([]);
  });

  it('a node whose disk fails after it sent is shown as crashed with its error, is never restarted, and the others carry on', async () => {
    const disks = new Map<string, Disk>();
    let flushes = 0;
    // A commit of S2's disk fails, past the election: S2 has already posted
    // the messages that rely on it (the commit is not awaited).
    const openDisk: OpenDisk = (name) => {
      const disk = new MemoryDiskStore(name, disks);
      if (!name.endsWith(':S2')) return disk;
      return {
        load: () => disk.load(),
        write: (hardState, from, entries) => disk.write(hardState, from, entries),
        writeSnapshot: (snapshot) => disk.writeSnapshot(snapshot),
        flush: () =>
          ++flushes === FLUSHES_BEFORE_FAILURE
            ? Promise.reject(new Error('S2 could not write its disk: it is full'))
            : disk.flush(),
        close: () => disk.close(),
      };
    };
    const inner = inProcessSpawner(disks, openDisk);
    const c = new Coordinator({ nodes: 3, seed: 11 }, inner.spawn, inner.makeChannel, 'test');
    running.push(c);
    await c.start();
    expect(await c.runUntil(() => c.node(2).error !== null, 5_000)).toBe(true);
    expect(c.node(2).error).toMatch(/disk: it is full/);
    expect(c.node(2).alive).toBe(false);
    // Its messages may have promised what its disk lacks: it stays down.
    await expect(c.restart(2)).rejects.toThrow(/S2 cannot be restarted: its disk failed/);
    expect(c.inputLog().filter((i) => i.kind === 'restart')).toEqual([]);
    await c.runUntil(() => c.leader() !== null, 3_000);
    const at = (await c.propose(c.leader()!, 'after'))!;
    expect(
      await c.runUntil(() => [1, 3].every((id) => c.node(id).commitIndex >= at.index), 3_000),
    ).toBe(true);
    expect(inner.open()).toBe(2);
    expect(c.violations()).toEqual([]);
  });

  it('a node whose disk refuses a write before it sent anything relying on it fails, then restarts from its disk', async () => {
    const disks = new Map<string, Disk>();
    let writes = 0;
    const openDisk: OpenDisk = (name) => {
      const disk = new MemoryDiskStore(name, disks);
      if (!name.endsWith(':S2')) return disk;
      return {
        load: () => disk.load(),
        write: (hardState, from, entries) => {
          // The refusal throws inside the window, before its messages are posted.
          if (from !== null && ++writes === WRITES_BEFORE_REFUSAL)
            throw new Error('S2 could not write its disk: it is full');
          disk.write(hardState, from, entries);
        },
        writeSnapshot: (snapshot) => disk.writeSnapshot(snapshot),
        flush: () => disk.flush(),
        close: () => disk.close(),
      };
    };
    const inner = inProcessSpawner(disks, openDisk);
    const c = new Coordinator({ nodes: 3, seed: 13 }, inner.spawn, inner.makeChannel, 'test');
    running.push(c);
    await c.start();
    await c.runUntil(() => c.leader() !== null, 3_000);
    for (let k = 0; k < WRITES_BEFORE_REFUSAL && c.node(2).error === null; k++) {
      const leader = c.leader();
      if (leader !== null) await c.propose(leader, `e${k}`);
      await c.advance(30);
    }
    expect(c.node(2).error).toMatch(/disk: it is full/);
    await c.restart(2);
    expect(await c.runUntil(() => c.leader() !== null, 3_000)).toBe(true);
    const at = (await c.propose(c.leader()!, 'after'))!;
    expect(await c.runUntil(() => c.node(2).commitIndex >= at.index, 3_000)).toBe(true);
    expect(c.violations()).toEqual([]);
  });

  it('a node that fails outside its own handling is never restarted: its disk may miss a write', async () => {
    const disks = new Map<string, Disk>();
    const inner = inProcessSpawner(disks);
    let failNext = false;
    const spawn: Spawn = (id, incarnation, events) => {
      const endpoint = inner.spawn(id, incarnation, {
        ...events,
        // S2's next report is lost as if it could not be read.
        message: (m) => {
          if (id === 2 && failNext && m.kind === 'done') {
            failNext = false;
            events.error('S2 sent a message that could not be read');
          } else events.message(m);
        },
      });
      return endpoint;
    };
    const c = new Coordinator({ nodes: 3, seed: 12 }, spawn, inner.makeChannel, 'test');
    running.push(c);
    await c.start();
    await c.runUntil(() => c.leader() !== null, 3_000);
    failNext = true;
    expect(await c.runUntil(() => c.node(2).error !== null, 3_000)).toBe(true);
    // A failure outside the node's own handling: what its disk holds is unknown.
    await expect(c.restart(2)).rejects.toThrow(/S2 cannot be restarted/);
  });

  it('rejects an input for a server that does not exist, and records nothing', async () => {
    const { c } = await startCluster({ nodes: 3, seed: 8 });
    await expect(c.crash(7)).rejects.toThrow(/no server S7/);
    expect(c.inputLog()).toEqual([]);
  });

  it('stop leaves no thread running', async () => {
    const { c, spawner } = await startCluster({ nodes: 5, seed: 9 });
    await c.crash(1);
    await c.restart(1);
    expect(spawner.open()).toBe(5);
    c.stop();
    expect(spawner.open()).toBe(0);
  });
});
