import { describe, expect, it } from 'vitest';
import { createCluster, replay, type Cluster } from './cluster';
import type { NodeEvent } from './events';
import { fork } from './fork';
import type { Input } from './inputs';
import type { ClusterOptions } from './options';
import { Prng } from './prng';
import { Timeline } from './timeline';

/** Faults, proposals and client operations, drawn from the seed's own stream. */
function drive(c: Cluster, seed: number, steps: number): void {
  const d = Prng.derive(seed, 'timeline-test', c.inputLog().length);
  const alice = c.client('alice');
  const bob = c.client('bob');
  for (let step = 0; step < steps; step++) {
    c.advance(d.int(1, 60));
    const leader = c.leader();
    if (leader !== null) c.propose(leader, { step });
    const r = d.next();
    const id = d.int(1, c.ids.length);
    if (r < 0.03) c.crash(id);
    else if (r < 0.07) c.restart(id);
    else if (r < 0.09) c.partition([[id], c.ids.filter((x) => x !== id)]);
    else if (r < 0.12) c.heal();
    else if (r < 0.13) c.timeoutNow(id);
    else if (r < 0.14) c.setLink(id, (id % c.ids.length) + 1, false);
    else if (r < 0.17) alice.login('secret');
    else if (r < 0.22) alice.setState(`a${step}`);
    else if (r < 0.25) bob.getState('alice', { stale: d.next() < 0.5 });
  }
}

/** Everything a run shows: if any piece of state differed, some of it would. */
function observed(c: Cluster) {
  return {
    now: c.now,
    hash: c.traceHash(),
    lines: c.traceLines(),
    nodes: c.ids.map((id) => c.node(id)),
    users: c.ids.map((id) => c.users(id)),
    history: c.history(),
    violations: c.violations(),
    stats: c.stats(),
    inFlight: c.inFlight().map((e) => `${e.from}>${e.to}.${e.incarnation}.${e.seq}@${e.deliverAt}`),
  };
}

const RUNS: ClusterOptions[] = [
  { nodes: 5, seed: 3, dropRate: 0.05, duplicateRate: 0.05 },
  { nodes: 3, seed: 11, dropRate: 0.1, preVote: true, checkQuorum: true },
  { nodes: 7, seed: 29, duplicateRate: 0.1, snapshotEvery: 20, load: { writesPerS: 20 } },
];

describe('a fork of a run (time travel checkpoints)', () => {
  it.each(RUNS)('goes on exactly as the original would, and so does the original: %o', (o) => {
    const reference = createCluster(o);
    drive(reference, o.seed, 80);
    const original = createCluster(o);
    drive(original, o.seed, 80);
    const copy = fork(original);
    expect(observed(copy)).toEqual(observed(reference));
    // Both go on with the same calls; any state they shared would be changed twice.
    for (const c of [reference, original, copy]) drive(c, o.seed + 1, 120);
    expect(observed(original)).toEqual(observed(reference));
    expect(observed(copy)).toEqual(observed(reference));
  });

  // The test above must catch any piece of state a fork leaves shared: for a
  // sample of the run's parts, sharing one makes it fail.
  it.each([
    'Prng',
    'RaftLog',
    'ProgressTracker',
    'SafetyChecker',
    'ClientDriver',
    'Heap',
    'Hash64',
    'NetworkState',
    'NodeMirror',
    'PendingRequests',
  ])(
    'would fail if the %s objects were left out of the fork (shared with the original)',
    (part) => {
      const o = RUNS[0]!;
      const reference = createCluster(o);
      const original = createCluster(o);
      for (const c of [reference, original]) drive(c, o.seed, 80);
      const copy = fork(original);
      expect(shareAll(original, copy, part), `the run holds a ${part}`).toBeGreaterThan(0);
      const same = () => {
        for (const c of [reference, original, copy]) drive(c, o.seed + 1, 120);
        const want = JSON.stringify(observed(reference));
        return (
          JSON.stringify(observed(copy)) === want && JSON.stringify(observed(original)) === want
        );
      };
      // Either the runs differ, or the shared part is found broken (a log out of order).
      expect(() => expect(same()).toBe(true)).toThrow();
    },
  );
});

/** Folds drops and applies, as a view would, to check that a watch is forked with its run. */
class Counts {
  drops = 0;
  applies = 0;
  observe(e: NodeEvent): void {
    if (e.kind === 'drop') this.drops++;
    else if (e.kind === 'apply') this.applies++;
  }
}

function replayCounted(o: ClusterOptions, inputs: readonly Input[], atMs: number) {
  const counts = new Counts();
  const cluster = replay(o, inputs, atMs, { observer: (e) => counts.observe(e) });
  return { cluster, counts };
}

describe('the timeline of checkpoints', () => {
  it.each(RUNS)('shows any instant exactly as a replay from time 0 does: %o', (o) => {
    const recorded = createCluster(o);
    drive(recorded, o.seed, 150);
    const inputs = recorded.inputLog();
    const timeline = new Timeline(o, () => new Counts(), { everyMs: 700, recentEvents: 10_000 });
    timeline.sync(inputs);
    const d = Prng.derive(o.seed, 'instants');
    // Back and forth, past the checkpoints made so far and between them.
    const instants = [recorded.now, 0, ...Array.from({ length: 5 }, () => d.int(0, recorded.now))];
    for (const t of instants) {
      const got = timeline.at(t);
      const want = replayCounted(o, inputs, t);
      expect(observed(got.cluster), `at ${t} ms`).toEqual(observed(want.cluster));
      expect(got.watch).toEqual(want.counts);
      // And the trace from there on is the original's.
      for (const c of [got.cluster, want.cluster]) drive(c, o.seed + 2, 30);
      expect(observed(got.cluster)).toEqual(observed(want.cluster));
    }
    expect(timeline.size.checkpoints).toBeGreaterThan(3);
  });

  it('drops the checkpoints a changed input log makes wrong', () => {
    const o = RUNS[0]!;
    const recorded = createCluster(o);
    drive(recorded, o.seed, 150);
    const inputs = recorded.inputLog();
    const timeline = new Timeline(o, () => new Counts(), { everyMs: 500, recentEvents: 10_000 });
    timeline.sync(inputs);
    timeline.at(recorded.now);
    // A fork of the run: the first half of its inputs, then others.
    const branch = replay(o, inputs, inputs[Math.floor(inputs.length / 2)]!.at - 1);
    drive(branch, o.seed + 3, 60);
    timeline.sync(branch.inputLog());
    for (const t of [branch.now, Math.floor(branch.now * 0.75)]) {
      const want = replay(o, branch.inputLog(), t, { recentEvents: 10_000 });
      expect(observed(timeline.at(t).cluster), `at ${t} ms`).toEqual(observed(want));
    }
  });
});

/**
 * Walks `original` and `copy` side by side and makes the copy hold the
 * original's objects of class `name` instead of its own copies of them.
 * Returns how many it shared.
 */
function shareAll(original: unknown, copy: unknown, name: string): number {
  const seen = new Set<unknown>();
  let shared = 0;
  const walk = (a: unknown, b: unknown): void => {
    if (a === null || typeof a !== 'object' || seen.has(a)) return;
    seen.add(a);
    const entries: [unknown, unknown, (v: unknown) => void][] = [];
    if (a instanceof Map && b instanceof Map) {
      for (const [k, v] of a) entries.push([v, b.get(k), (x) => b.set(k, x)]);
    } else if (!(a instanceof Set)) {
      const ra = a as Record<string, unknown>;
      const rb = b as Record<string, unknown>;
      for (const k of Object.keys(ra)) entries.push([ra[k], rb[k], (x) => (rb[k] = x)]);
    }
    for (const [va, vb, put] of entries) {
      if (va !== null && typeof va === 'object' && va.constructor?.name === name && va !== vb) {
        put(va);
        shared++;
      } else walk(va, vb);
    }
  };
  walk(original, copy);
  return shared;
}
