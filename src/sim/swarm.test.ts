import { describe, expect, it } from 'vitest';
import { runSwarmSeed, swarmOptions } from './swarm';

/** CI runs this many seeds; `npm run swarm -- --seeds 10000` runs more. */
const CI_SEEDS = 300;

describe('swarm: random faults, then heal and converge (safety and liveness)', () => {
  it(`holds for ${CI_SEEDS} seeds, each with its own fault rates`, () => {
    const failed: string[] = [];
    for (let seed = 1; seed <= CI_SEEDS; seed++) {
      const r = runSwarmSeed(seed);
      if (!r.ok) failed.push(`seed ${seed}: ${r.failures.join('; ')}\n  replay: ${r.replay}`);
    }
    expect(failed, failed.join('\n')).toEqual([]);
  });

  it('seeds pick different sizes and fault rates', () => {
    const picks = Array.from({ length: 40 }, (_, k) => swarmOptions(k + 1));
    expect(new Set(picks.map((o) => o.nodes)).size).toBeGreaterThan(1);
    expect(new Set(picks.map((o) => o.dropRate)).size).toBeGreaterThan(10);
  });

  it('catches a teaching bug: with votes granted without the log check, some seed breaks safety', () => {
    // The swarm must be able to fail: the same harness with a broken Raft.
    let caught = 0;
    for (let seed = 1; seed <= 60 && caught === 0; seed++) {
      const r = runSwarmSeed(
        seed,
        {},
        { recentEvents: 0 },
        { bugs: { voteWithoutLogCheck: true, commitOldTermByCount: true }, noopOnElection: false },
      );
      if (!r.ok) caught++;
    }
    expect(caught).toBeGreaterThan(0);
  });
});
