import { describe, expect, it } from 'vitest';
import { runJepsen } from './jepsen';

/** The faulty phase in npm test; `npm run jepsen:serve` runs 30 s (or --seconds N). */
const FAULTY_SECONDS = 10;

describe('Jepsen-style, on real server processes', () => {
  it(`stays linearizable and loses no acknowledged write through ${FAULTY_SECONDS} s of kill -9, restarts and cut links`, async () => {
    const report = await runJepsen({ faultySeconds: FAULTY_SECONDS, seed: 1 });
    expect(report.failures).toEqual([]);
    // The run did something: writes were acknowledged, and faults happened.
    expect(report.acknowledgedWrites).toBeGreaterThan(20);
    expect(report.faults.filter((f) => f.startsWith('kill')).length).toBeGreaterThan(0);
  });
});
