// npm run swarm -- [--seeds N] [--from S] [--seed S] [--prevote on|off] [--checkquorum on|off]
// npm run swarm -- --long ...: the long swarm instead (bench/longswarm.ts).
// Runs the swarm over many seeds (default 10,000 from seed 1) and prints a
// JSON summary; each failing seed is printed with the command that replays it.
// With --seed S, runs that one seed and prints its failures and trace tail.
// --prevote and --checkquorum switch the feature for every seed, instead of
// letting each seed pick.
import type { ClusterOptions } from '../src/sim/options';
import { runSwarmSeed, type SwarmResult } from '../src/sim/swarm';
import { intArg, switchArg } from './args';
import { runLongCli } from './longswarm';

if (process.argv.includes('--long')) process.exit(runLongCli());

const preVote = switchArg('prevote');
const checkQuorum = switchArg('checkquorum');
const overrides: Partial<ClusterOptions> = {
  ...(preVote !== undefined && { preVote }),
  ...(checkQuorum !== undefined && { checkQuorum }),
};
const onOff = (flag: string, v: boolean | undefined) =>
  v === undefined ? '' : ` --${flag} ${v ? 'on' : 'off'}`;
/** The command that replays a seed, with the switches this run forced. */
const replayOf = (r: Pick<SwarmResult, 'replay'>) =>
  r.replay + onOff('prevote', preVote) + onOff('checkquorum', checkQuorum);

const single = intArg('seed');
if (single !== undefined) {
  const { inputLog, ...result } = runSwarmSeed(single, {}, { recentEvents: 200 }, overrides);
  console.log(
    JSON.stringify({ ...result, replay: replayOf(result), inputs: inputLog.length }, null, 2),
  );
  process.exit(result.ok ? 0 : 1);
}

const seeds = intArg('seeds') ?? 10_000;
const from = intArg('from') ?? 1;
const t0 = performance.now();
const failed: { seed: number; failures: string[]; replay: string }[] = [];
for (let seed = from; seed < from + seeds; seed++) {
  const r = runSwarmSeed(seed, {}, { recentEvents: 0 }, overrides);
  if (!r.ok) {
    failed.push({ seed, failures: r.failures, replay: replayOf(r) });
    console.error(`seed ${seed} FAILED: ${r.failures.join('; ')}\n  replay: ${replayOf(r)}`);
  }
}
const wallS = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify(
    {
      seeds,
      from,
      overrides,
      failed: failed.length,
      wallS: Math.round(wallS * 10) / 10,
      seedsPerWallS: Math.round((seeds / wallS) * 10) / 10,
      failures: failed,
    },
    null,
    2,
  ),
);
process.exit(failed.length === 0 ? 0 : 1);
