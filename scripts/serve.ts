/**
 * `npm run serve`: a local cluster of 3 (or `--servers 5`) server processes
 * on 127.0.0.1, HTTP on 5000, 5001, ... (`--port` moves the first), Raft on
 * the HTTP ports + 100, disks in `.raft-serve/` (`--dir`, `--fresh` empties
 * it). A server that dies is started again from its disk after a second.
 * Other flags are the servers' Raft options; `--help` lists them.
 */
import { rmSync } from 'node:fs';
import {
  HTTP_PORT_FIRST_DEFAULT,
  RAFT_FLAGS_HELP,
  RAFT_PORT_OFFSET,
  UsageError,
  readFlags,
  wholeNumber,
} from '../src/server/config';
import { LocalCluster } from '../src/server/launch';

/** Wait before starting a dead server again, in ms. */
const RESTART_DELAY_MS = 1_000;
const LAUNCHER_FLAGS = ['servers', 'port', 'dir', 'fresh', 'no-restart'];

function usage(message: string): never {
  console.error(`${message}

npm run serve -- [--servers 3|5] [--port 5000] [--dir .raft-serve] [--fresh] [--no-restart]
  ${RAFT_FLAGS_HELP.join('\n  ')}
One server of a cluster spread over machines: npx tsx src/server/main.ts --id N --peers h:p,h:p,h:p`);
  process.exit(2);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) usage('Starts a local Raft cluster of the per-user state service.');
  const flags = readFlags(argv);
  const servers = wholeNumber(flags, 'servers', 3, 1);
  if (servers !== 3 && servers !== 5) usage('--servers is 3 or 5.');
  const first = wholeNumber(flags, 'port', HTTP_PORT_FIRST_DEFAULT, 1);
  const dir = typeof flags.get('dir') === 'string' ? (flags.get('dir') as string) : '.raft-serve';
  if (flags.has('fresh')) rmSync(dir, { recursive: true, force: true });
  const passOn = argv.filter((arg, i) => {
    const flag = arg.startsWith('--') ? arg : argv[i - 1];
    return !LAUNCHER_FLAGS.includes(flag?.slice(2) ?? '');
  });
  const httpPorts = Array.from({ length: servers }, (_, k) => first + k);
  const restart = !flags.has('no-restart');
  let stopping = false;
  const cluster: LocalCluster = new LocalCluster({
    servers,
    httpPorts,
    raftPorts: httpPorts.map((p) => p + RAFT_PORT_OFFSET),
    dir,
    flags: passOn,
    output: (line) => console.log(line),
    onExit: (id, how) => {
      if (stopping) return;
      if (!restart) return void console.log(`S${id} stopped (${how})`);
      console.log(
        `S${id} stopped (${how}); starting it again from its disk in ${RESTART_DELAY_MS} ms`,
      );
      setTimeout(() => {
        cluster.start(id).then(
          () => console.log(`S${id} is back (pid ${cluster.pid(id)})`),
          (error: Error) => console.error(error.message),
        );
      }, RESTART_DELAY_MS);
    },
  });
  await cluster.startAll();
  console.log(`\nThe cluster is up. Every server answers every route:`);
  for (const id of cluster.ids)
    console.log(`  S${id}  ${cluster.urls[id - 1]}  (pid ${cluster.pid(id)})`);
  console.log(
    `Try: curl -s -X POST ${cluster.urls[0]}/login -d '{"username":"alice","password":"secret"}'`,
  );
  console.log('Ctrl-C stops every server.\n');
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopping = true;
      void cluster.stopAll().then(() => process.exit(0));
    });
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) usage(error.message);
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
