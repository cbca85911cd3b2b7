import { afterEach, describe, expect, it } from 'vitest';
import { messages as en } from '../i18n/locales/en.ts';
import { replay } from '../../sim/index.ts';
import { inPageRuntime } from '../runtime.ts';
import { createPlaygroundStore, type PlaygroundStore } from '../store.ts';

// Time travel and forks through the store, on in-process nodes (the same
// coordinator as the page, each node's worker body run in this thread).

const stores: PlaygroundStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.getState().stop();
});

async function startedStore(seed: number) {
  const store = createPlaygroundStore({
    seed,
    nodeCount: 5,
    playing: false,
    speed: 1,
    startRuntime: inPageRuntime(),
  });
  stores.push(store);
  await store.getState().start();
  return store;
}

async function runTo(store: PlaygroundStore, atMs: number) {
  await store.getState().act((c) => c.advance(atMs - c.now));
}

describe('time travel', () => {
  it('shows the page at an earlier instant from a headless re-run, and comes back', async () => {
    const store = await startedStore(7);
    await runTo(store, 1_000);
    const leader = store.getState().leader;
    expect(leader).not.toBeNull();
    await store.getState().act((c) => c.crash(leader!));
    await runTo(store, 1_500);
    const present = store.getState();

    await store.getState().travel(900);
    const past = store.getState();
    expect(past.past).toEqual({ atMs: 900, presentMs: 1_500 });
    expect(past.now).toBe(900);
    expect(past.leader).toBe(leader);
    expect(past.nodes.find((n) => n.id === leader)?.alive).toBe(true);
    const c = store.getState().coordinator()!;
    const headless = replay(c.options, c.inputLog(), 900);
    expect(past.nodes.map((n) => n.term)).toEqual(headless.ids.map((id) => headless.node(id).term));

    await store.getState().toPresent();
    expect(store.getState().past).toBeNull();
    expect(store.getState().now).toBe(present.now);
    expect(store.getState().nodes.find((n) => n.id === leader)?.alive).toBe(false);
  });

  it('acting in the past forks: later inputs are discarded, with a notice, and the new run matches a replay', async () => {
    const store = await startedStore(7);
    await runTo(store, 1_000);
    await store.getState().act((c) => c.crash(1));
    await runTo(store, 1_400);
    await store.getState().travel(800);
    await store.getState().act((c) => c.crash(2));

    const s = store.getState();
    expect(s.past).toBeNull();
    expect(s.forkNotice?.(en)).toContain('Forked at 800 ms');
    expect(s.forkNotice?.(en)).toContain('discarded');
    const c = s.coordinator()!;
    expect(c.now).toBe(800);
    expect(c.inputLog().filter((i) => i.kind === 'crash')).toEqual([
      { at: 800, kind: 'crash', id: 2 },
    ]);
    expect(s.nodes.find((n) => n.id === 1)?.alive).toBe(true);
    expect(s.nodes.find((n) => n.id === 2)?.alive).toBe(false);
    // The determinism contract holds across the fork.
    expect(c.traceHash()).toBe(replay(c.options, c.inputLog(), c.now).traceHash());
  });
});
