import { afterEach, describe, expect, it } from 'vitest';
import { messages as en } from './i18n/locales/en.ts';
import { Coordinator } from '../runtime/coordinator.ts';
import { inProcessSpawner } from '../runtime/in-process.ts';
import { createCluster, replay } from '../sim/index.ts';
import { ManualClock } from '../runtime/testing.ts';
import { inPageRuntime, type StartRuntime } from './runtime.ts';
import { stepOnce } from './step.ts';
import { createPlaygroundStore, type PlaygroundStore } from './store.ts';

// The store drives the same coordinator as the page, with each node's worker
// body run in this thread over Node's MessageChannel instead of a Worker.

/** A runtime of in-process nodes, counting the "threads" it has open. */
function inProcessRuntime(): { start: StartRuntime; open: () => number } {
  const spawner = inProcessSpawner();
  const start: StartRuntime = async (options) => {
    const coordinator = new Coordinator(options, spawner.spawn, spawner.makeChannel, 'store-test');
    await coordinator.start();
    return { coordinator, workers: spawner.open, stop: () => Promise.resolve(coordinator.stop()) };
  };
  return { start, open: spawner.open };
}

const stores: PlaygroundStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.getState().stop();
});

async function startedStore(seed: number, runtime = inProcessRuntime()) {
  const store = createPlaygroundStore({
    seed,
    nodeCount: 5,
    playing: false,
    speed: 1,
    startRuntime: runtime.start,
  });
  stores.push(store);
  await store.getState().start();
  return store;
}

async function stepUntilLeader(store: PlaygroundStore, stepsMax = 300): Promise<void> {
  for (let k = 0; k < stepsMax && store.getState().leader === null; k++)
    await store.getState().step();
}

describe('the playground store', () => {
  it('starts one worker per node, at time 0, paused', async () => {
    const store = await startedStore(7);
    const s = store.getState();
    expect(s.status).toBe('running');
    expect(s.workers).toBe(5);
    expect(s.now).toBe(0);
    expect(s.nodes.map((n) => n.id)).toEqual([1, 2, 3, 4, 5]);
    expect(s.nodes.every((n) => n.alive)).toBe(true);
  });

  it('Step runs to the next event and refreshes once', async () => {
    const store = await startedStore(7);
    await store.getState().step();
    const { playing, now, version } = store.getState();
    expect(playing).toBe(false);
    // Nothing is due at time 0; the first event is an election timeout.
    expect(now).toBeGreaterThan(0);
    expect(version).toBe(2); // one refresh on start, one for the step
  });

  it('steps through the same instants as the headless cluster', async () => {
    const store = await startedStore(12345);
    const headless = createCluster({ nodes: 5, seed: 12345 });
    for (let k = 0; k < 40; k++) {
      await store.getState().step();
      await stepOnce(headless);
      expect(store.getState().now).toBe(headless.now);
    }
  });

  it('crash, restart, partition, rates and proposals replay headless to the same trace hash', async () => {
    const store = await startedStore(3);
    const s = () => store.getState();
    await stepUntilLeader(store);
    await s().setDropRate(0.05);
    await s().setDuplicateRate(0.05);
    await s().propose();
    expect(s().lastProposal).not.toBeNull();
    const follower = s().nodes.find((n) => n.id !== s().leader)!.id;
    await s().crash(follower);
    expect(s().workers).toBe(4);
    expect(s().nodes[follower - 1]!.alive).toBe(false);
    for (let k = 0; k < 20; k++) await s().step();
    await s().restart(follower);
    await s().isolate(follower);
    for (let k = 0; k < 20; k++) await s().step();
    await s().heal();
    for (let k = 0; k < 20; k++) await s().step();
    const c = s().coordinator()!;
    expect(c.inputLog().map((i) => i.kind)).toEqual([
      'setDropRate',
      'setDuplicateRate',
      'propose',
      'crash',
      'restart',
      'partition',
      'heal',
    ]);
    expect(c.traceHash()).toBe(replay({ nodes: 5, seed: 3 }, c.inputLog(), c.now).traceHash());
    expect(c.violations()).toEqual([]);
  });

  it('says why a proposal cannot be made before there is a leader', async () => {
    const store = await startedStore(7);
    await store.getState().propose();
    expect(store.getState().problem?.(en)).toMatch(/no leader yet/);
    expect(store.getState().coordinator()!.inputLog()).toEqual([]);
  });

  it('stop ends every worker', async () => {
    const runtime = inProcessRuntime();
    const store = await startedStore(9, runtime);
    expect(runtime.open()).toBe(5);
    await store.getState().stop();
    expect(runtime.open()).toBe(0);
    expect(store.getState().status).toBe('stopped');
  });

  it('reset starts the same seed again from time 0, leaving no worker of the old run', async () => {
    const runtime = inProcessRuntime();
    const store = await startedStore(4, runtime);
    await stepUntilLeader(store);
    const before = store.getState().coordinator();
    await store.getState().crash(1);
    await store.getState().reset();
    const s = store.getState();
    expect(s.coordinator()).not.toBe(before);
    expect(s.now).toBe(0);
    expect(s.status).toBe('running');
    expect(runtime.open()).toBe(5);
    expect(s.coordinator()!.inputLog()).toEqual([]);
    expect(s.events).toEqual([]);
  });

  it('a start that finishes after stop is undone', async () => {
    const runtime = inProcessRuntime();
    const store = createPlaygroundStore({
      seed: 1,
      nodeCount: 5,
      playing: false,
      speed: 1,
      startRuntime: runtime.start,
    });
    const starting = store.getState().start();
    await store.getState().stop();
    await starting;
    expect(runtime.open()).toBe(0);
    expect(store.getState().status).toBe('stopped');
  });
});

describe('the first leader speed', () => {
  /** Seed 1 at 1/4x, with 1x until the first leader, on a wall clock the test moves. */
  async function warmStore() {
    const clock = new ManualClock();
    const store = createPlaygroundStore({
      seed: 1,
      nodeCount: 5,
      playing: false,
      speed: 0.25,
      firstLeaderSpeed: 1,
      clock,
      startRuntime: inPageRuntime(),
    });
    stores.push(store);
    await store.getState().start();
    return { clock, store };
  }

  /** Plays `frames` frames of `frameMs` manual wall time, each advance finished before the next. */
  async function playFor(store: PlaygroundStore, clock: ManualClock, frames: number, frameMs = 40) {
    for (let k = 0; k < frames; k++) {
      await store.getState().play();
      await clock.tick(frameMs);
      await store.getState().pause();
    }
  }

  it('runs at firstLeaderSpeed until a leader is elected, then at the page speed', async () => {
    const { clock, store } = await warmStore();
    const headless = createCluster({ nodes: 5, seed: 1 });
    headless.runUntil(() => headless.leader() !== null, 5_000);

    // At 1x each 10 ms frame runs 10 virtual ms: the leader arrives by the same wall ms.
    for (let k = 0; k < 100 && store.getState().leader === null; k++)
      await playFor(store, clock, 1, 10);
    expect(store.getState().leader).toBe(headless.leader());
    expect(store.getState().now).toBeLessThan(headless.now + 10);

    // Then at 1/4x: 120 wall ms run 30 virtual ms.
    const before = store.getState().now;
    await playFor(store, clock, 3);
    expect(store.getState().now - before).toBe(30);
    expect(store.getState().speed).toBe(0.25);
  });

  it('ends as soon as the user picks a speed', async () => {
    const { clock, store } = await warmStore();
    store.getState().setSpeed(0.5);
    await playFor(store, clock, 3);
    expect(store.getState().now).toBe(60);
  });
});
