// npm run swarm -- [--seeds N] [--from S] [--seed S]
// Runs the swarm over many seeds (default 10,000 from seed 1) and prints a
// JSON summary; each failing seed is printed with the command that replays it.
// With --seed S, runs that one seed and prints its failures and trace tail.
import { runSwarmSeed } from '../src/sim/swarm';
import { intArg } from './args';

const single = intArg('seed');
if (single !== undefined) {
  const { inputLog, ...result } = runSwarmSeed(single, {}, { recentEvents: 200 });
  console.log(JSON.stringify({ ...result, inputs: inputLog.length }, null, 2));
  process.exit(result.ok ? 0 : 1);
}

const seeds = intArg('seeds') ?? 10_000;
const from = intArg('from') ?? 1;
const t0 = performance.now();
const failed: { seed: number; failures: string[]; replay: string }[] = [];
for (let seed = from; seed < from + seeds; seed++) {
  const r = runSwarmSeed(seed);
  if (!r.ok) {
    failed.push({ seed, failures: r.failures, replay: r.replay });
    console.error(`seed ${seed} FAILED: ${r.failures.join('; ')}\n  replay: ${r.replay}`);
  }
}
const wallS = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify(
    { seeds, from, failed: failed.length, wallS: Math.round(wallS * 10) / 10, failures: failed },
    null,
    2,
  ),
);
process.exit(failed.length === 0 ? 0 : 1);
