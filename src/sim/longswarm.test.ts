import { describe, expect, it } from 'vitest';
import type { Cluster } from './cluster';
import { replayLong, runLongSeed, shrinkLongSeed } from './longswarm';

/** Long seeds in every `npm test`: what fits in about a minute on a loaded 2-core machine. */
const CI_SEEDS = 60;
/**
 * Seeds that find a bug not fixed yet, each checked to fail still, so the
 * fix shows here. Seed 27 (3 servers, snapshots every 37 entries, lease
 * reads, duplicates): S6, added at 25,374 ms, reports index 1026 committed
 * with another entry than the one committed before (State Machine Safety,
 * Raft §5.4.3), 43 ms after it joined, with snapshots and InstallSnapshot.
 */
const KNOWN_BUGS = new Set([27]);

describe('the long swarm', () => {
  it(`passes ${CI_SEEDS} seeds of a minute of every fault at once, and still finds the known bugs`, () => {
    const failed: string[] = [];
    for (let seed = 1; seed <= CI_SEEDS; seed++) {
      const r = runLongSeed(seed);
      if (KNOWN_BUGS.has(seed)) {
        if (r.ok) failed.push(`seed ${seed} passes now: take it out of KNOWN_BUGS`);
      } else if (!r.ok) failed.push(`seed ${seed}: ${r.failures.join('; ')} (${r.replay})`);
    }
    expect(failed).toEqual([]);
  });

  it('replays a seed from its input log to the same verdict', () => {
    // A failure found live must be found again in the replay the shrinker runs.
    const planted = (c: Cluster) => (c.leader() === 1 ? 'S1 leads at the end' : null);
    for (const seed of [3, 4]) {
      const live = runLongSeed(seed, { faultyMs: 10_000, plant: planted });
      const again = replayLong(live.options, live.inputLog, { faultyMs: 10_000, plant: planted });
      expect(again).toEqual(live.failures);
    }
  });

  it('shrinks a failing seed to the few inputs that cause a planted fault', () => {
    // The planted fault: the run fails once S2 was crashed and later
    // restarted during the faulty phase. The story that shows it is those two inputs.
    const faultyMs = 10_000;
    const plant = (c: Cluster) => {
      const log = c.inputLog().filter((i) => i.at < faultyMs);
      const crash = log.findIndex((i) => i.kind === 'crash' && i.id === 2);
      const restart = log.findIndex((i, k) => k > crash && i.kind === 'restart' && i.id === 2);
      return crash >= 0 && restart >= 0 ? 'planted: S2 came back from a crash' : null;
    };
    let seed = 1;
    let live = runLongSeed(seed, { faultyMs, plant });
    while (live.ok) live = runLongSeed(++seed, { faultyMs, plant });
    expect(live.inputLog.length).toBeGreaterThan(100);

    const shrunk = shrinkLongSeed(live, { faultyMs, plant });
    expect(shrunk.minimal).toBe(true);
    expect(shrunk.failures).toContain('planted: S2 came back from a crash');
    expect(shrunk.inputs.map((i) => i.kind)).toEqual(['crash', 'restart']);
    // 1-minimal: without either input the run passes.
    for (const k of [0, 1])
      expect(
        replayLong(
          live.options,
          shrunk.inputs.filter((_, j) => j !== k),
          { faultyMs, plant },
        ),
      ).toEqual([]);
  });
});
