// npm run swarm -- --long [--seeds N] [--from S] [--seed S] [--faulty-ms MS]
// The long swarm (src/sim/longswarm.ts): a minute of faults per seed under
// client load, checked for linearizability. A failing seed is printed with
// its replay command and its input log shrunk by delta debugging; with
// --seed S, that one seed, shrunk if it fails, as JSON.
import { runLongSeed, shrinkLongSeed, type LongResult } from '../src/sim/longswarm';
import { intArg } from './args';

function shrunkStory(r: LongResult): unknown {
  const shrunk = shrinkLongSeed(r, options);
  return {
    inputs: shrunk.inputs,
    failures: shrunk.failures,
    replays: shrunk.tests,
    minimal: shrunk.minimal,
    from: r.inputLog.length,
  };
}

const faultyMs = intArg('faulty-ms');
const options = faultyMs === undefined ? {} : { faultyMs };

export function runLongCli(): number {
  const single = intArg('seed');
  if (single !== undefined) {
    const r = runLongSeed(single, options);
    const { inputLog, ...result } = r;
    const story = r.ok ? undefined : shrunkStory(r);
    console.log(JSON.stringify({ ...result, inputs: inputLog.length, shrunk: story }, null, 2));
    return r.ok ? 0 : 1;
  }
  const seeds = intArg('seeds') ?? 1_000;
  const from = intArg('from') ?? 1;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const failed: { seed: number; failures: string[]; replay: string }[] = [];
  for (let seed = from; seed < from + seeds; seed++) {
    const r = runLongSeed(seed, options);
    if (r.ok) continue;
    failed.push({ seed, failures: r.failures, replay: r.replay });
    console.error(`seed ${seed} FAILED: ${r.failures.join('; ')}\n  replay: ${r.replay}`);
  }
  const cpu = process.cpuUsage(cpu0);
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify(
      {
        long: true,
        seeds,
        from,
        failed: failed.length,
        wallS: round((performance.now() - t0) / 1000),
        cpuS: round((cpu.user + cpu.system) / 1e6),
        failures: failed,
      },
      null,
      2,
    ),
  );
  return failed.length === 0 ? 0 : 1;
}
