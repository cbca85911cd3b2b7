// npm run jepsen -- [--seeds N] [--from S] [--seed S]
// Runs the Jepsen-style client test over many seeds (default 1,000) and
// prints a JSON summary; a failing seed is printed with the command that
// replays it. With --seed S, runs one seed and prints its failures and history.
import { runJepsenSeed } from '../src/sim/jepsen';
import { intArg } from './args';

const single = intArg('seed');
if (single !== undefined) {
  const r = runJepsenSeed(single);
  console.log(
    JSON.stringify(
      {
        seed: r.seed,
        ok: r.ok,
        verdict: r.verdict,
        failures: r.failures,
        options: r.options,
        history: r.history,
      },
      null,
      2,
    ),
  );
  process.exit(r.ok ? 0 : 1);
}

const seeds = intArg('seeds') ?? 1_000;
const from = intArg('from') ?? 1;
const t0 = performance.now();
const failed: { seed: number; failures: string[]; replay: string }[] = [];
let operations = 0;
for (let seed = from; seed < from + seeds; seed++) {
  const r = runJepsenSeed(seed);
  operations += r.history.length;
  if (!r.ok) {
    failed.push({ seed, failures: r.failures, replay: r.replay });
    console.error(`seed ${seed} FAILED: ${r.failures.join('; ')}\n  replay: ${r.replay}`);
  }
}
const wallS = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify(
    {
      seeds,
      from,
      operations,
      failed: failed.length,
      wallS: Math.round(wallS * 10) / 10,
      failures: failed,
    },
    null,
    2,
  ),
);
process.exit(failed.length === 0 ? 0 : 1);
