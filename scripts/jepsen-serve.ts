/**
 * `npm run jepsen:serve`: the Jepsen-style test on real server processes,
 * 30 s of faults by default (`--seconds N`, `--servers 5`, `--seed N`).
 * Prints a JSON report; exits non-zero if the run found a failure.
 */
import { UsageError, readFlags, wholeNumber } from '../src/server/config';
import { runJepsen } from '../src/server/jepsen';

try {
  const flags = readFlags(process.argv.slice(2), ['seconds', 'servers', 'seed']);
  const report = await runJepsen({
    faultySeconds: wholeNumber(flags, 'seconds', 30, 1),
    servers: wholeNumber(flags, 'servers', 3, 1),
    seed: wholeNumber(flags, 'seed', 1),
  });
  console.log(JSON.stringify({ ...report, faults: report.faults.join('; ') }, null, 2));
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
