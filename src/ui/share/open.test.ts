import { afterEach, describe, expect, it } from 'vitest';
import { replay } from '../../sim/index.ts';
import { inPageRuntime, type StartRuntime } from '../runtime.ts';
import { createPlaygroundStore, type PlaygroundStore } from '../store.ts';
import { currentRunSpec } from './currentRun.ts';
import { decodeRun, encodeRun } from './link.ts';
import { runClusterOptions, type RunSpec } from './runSpec.ts';
import { sampleRun } from './testRun.ts';

// Opening a RunSpec as the page does (App passes the store `cluster` and
// `replay`), on the same coordinator as the page, its nodes in this thread.

/** The page's own store and coordinator, each node's worker body run in this thread. */
const inProcess: StartRuntime = inPageRuntime();

const stores: PlaygroundStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.getState().stop();
});

async function opened(spec: RunSpec): Promise<PlaygroundStore> {
  const { nodes, seed, ...cluster } = runClusterOptions(spec);
  const store = createPlaygroundStore({
    seed,
    nodeCount: nodes,
    cluster,
    replay: { inputs: spec.inputs, untilMs: spec.atMs },
    playing: false,
    speed: 1,
    startRuntime: inProcess,
  });
  stores.push(store);
  await store.getState().start();
  return store;
}

describe('opening a run', () => {
  it('replays a link’s run on the page’s coordinator to the same trace hash, paused at its instant', async () => {
    const { cluster, spec } = sampleRun(40);
    const decoded = await decodeRun(await encodeRun(spec));
    if (!decoded.ok) throw new Error(decoded.problem);
    const store = await opened(decoded.value);
    const s = store.getState();
    expect(s.status).toBe('running');
    expect(s.problem).toBeNull();
    expect(s.playing).toBe(false);
    expect(s.now).toBe(spec.atMs);
    expect(s.coordinator()?.traceHash()).toBe(cluster.traceHash());
    // The network controls show the loss rate the run's last change set.
    const rates = spec.inputs.flatMap((i) => (i.kind === 'setDropRate' ? [i.rate] : []));
    expect(rates.length).toBeGreaterThan(0);
    expect(s.dropRate).toBe(rates.at(-1));
    // And the run read back from the store is the run opened.
    expect(currentRunSpec(s, spec)).toEqual(spec);
  });

  it('shares the instant shown: in the past, the run up to there', async () => {
    const { spec } = sampleRun(20);
    const store = await opened(spec);
    const atMs = Math.round(spec.atMs / 2);
    await store.getState().travel(atMs);
    const shared = currentRunSpec(store.getState(), spec);
    expect(shared?.atMs).toBe(atMs);
    expect(shared?.inputs).toEqual(spec.inputs.filter((i) => i.at <= atMs));
    expect(shared?.inputs.length).toBeLessThan(spec.inputs.length);
  });

  it('starts the cluster from the initial state a lesson gives (Figure 8 style)', async () => {
    const { spec } = sampleRun(0);
    const figure: RunSpec = {
      ...spec,
      inputs: [],
      atMs: 0,
      initial: {
        1: { term: 2, votedFor: 1, log: [{ term: 1 }, { term: 2, command: 'a' }] },
        5: { term: 3, votedFor: 5, log: [{ term: 1 }, { term: 3, command: 'b' }] },
      },
    };
    const store = await opened(figure);
    const nodes = store.getState().nodes;
    expect(nodes[0]?.log.map((e) => e.term)).toEqual([1, 2]);
    expect(nodes[4]?.log.map((e) => e.term)).toEqual([1, 3]);
    expect(nodes[4]?.term).toBe(3);
    expect(store.getState().coordinator()?.traceHash()).toBe(
      replay(runClusterOptions(figure), [], 0).traceHash(),
    );
  });
});
