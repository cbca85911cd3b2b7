import { describe, expect, it } from 'vitest';
import { runJepsenSeed } from './jepsen';

/** CI runs this many seeds; `npm run jepsen -- --seeds 2000` runs more. */
const CI_SEEDS = 200;

describe('Jepsen-style: clients under crashes, partitions, drops and duplicates', () => {
  it(`every history is linearizable, no acknowledged write is lost or applied twice (${CI_SEEDS} seeds)`, () => {
    const failed: string[] = [];
    let operations = 0;
    for (let seed = 1; seed <= CI_SEEDS; seed++) {
      const r = runJepsenSeed(seed);
      operations += r.history.length;
      if (!r.ok) failed.push(`seed ${seed}: ${r.failures.join('; ')}\n  replay: ${r.replay}`);
    }
    expect(failed, failed.join('\n')).toEqual([]);
    expect(operations).toBeGreaterThan(CI_SEEDS * 50);
  });

  it('holds with PreVote, CheckQuorum and lease reads on, clocks within the drift bound (60 seeds)', () => {
    const failed: string[] = [];
    const features = {
      preVote: true,
      checkQuorum: true,
      leaseReads: true,
      clockDrift: 0.05,
      clockDriftBound: 0.1,
    };
    for (let seed = 1; seed <= 60; seed++) {
      const r = runJepsenSeed(seed, {}, features);
      if (!r.ok) failed.push(`seed ${seed}: ${r.failures.join('; ')}`);
    }
    expect(failed, failed.join('\n')).toEqual([]);
  });

  it('the checks bite: with votes granted without the log check, histories break', () => {
    let caught = 0;
    for (let seed = 1; seed <= 20 && caught < 3; seed++) {
      const r = runJepsenSeed(seed, {}, { bugs: { voteWithoutLogCheck: true } });
      if (r.verdict === 'not-linearizable' || !r.ok) caught++;
    }
    expect(caught).toBeGreaterThanOrEqual(3);
  });

  it('the same seed gives the same history', () => {
    expect(runJepsenSeed(7).history).toEqual(runJepsenSeed(7).history);
  });
});
