/**
 * `npm run serve`: a local cluster of 3 (or `--servers 5`) server processes
 * on 127.0.0.1, HTTP on 5000, 5001, ... (`--port` moves the first), Raft on
 * the HTTP ports + 100, disks in `.raft-serve/` (`--dir`, `--fresh` empties
 * it). A server that dies is started again from its disk after a second.
 * The launcher's control (src/server/control.ts) listens on the first HTTP
 * port + 200 (`--control-port`): a page watching the cluster crashes and
 * restarts servers through it.
 * Other flags are the servers' Raft options; `--help` lists them.
 */
import { rmSync } from 'node:fs';
import {
  HTTP_PORT_FIRST_DEFAULT,
  RAFT_FLAGS_HELP,
  RAFT_PORT_OFFSET,
  UsageError,
  flagNames,
  readFlags,
  wholeNumber,
} from '../src/server/config';
import { LauncherControl } from '../src/server/control';
import { LocalCluster } from '../src/server/launch';

/** Wait before starting a dead server again, in ms. */
const RESTART_DELAY_MS = 1_000;
/** The control's port is the first HTTP port plus this (the Raft ports are at + 100). */
const CONTROL_PORT_OFFSET = 200;
const LAUNCHER_FLAGS = ['servers', 'port', 'dir', 'fresh', 'no-restart', 'control-port'];

function usage(message: string): never {
  console.error(`${message}

npm run serve -- [--servers 3|5] [--port 5000] [--dir .raft-serve] [--fresh] [--no-restart]
                 [--control-port 5200]
  ${RAFT_FLAGS_HELP.join('\n  ')}
One server of a cluster spread over machines: npx tsx src/server/main.ts --id N --peers h:p,h:p,h:p`);
  process.exit(2);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) usage('Starts a local Raft cluster of the per-user state service.');
  const flags = readFlags(argv, [...LAUNCHER_FLAGS, ...flagNames(RAFT_FLAGS_HELP)]);
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
  const controlPort = wholeNumber(flags, 'control-port', first + CONTROL_PORT_OFFSET, 1);
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  let stopping = false;
  const cluster: LocalCluster = new LocalCluster({
    servers,
    httpPorts,
    raftPorts: httpPorts.map((p) => p + RAFT_PORT_OFFSET),
    dir,
    flags: passOn,
    launcherUrl: controlUrl,
    output: (line) => console.log(line),
    onExit: (id, how) => {
      if (stopping) return;
      if (!restart) return void console.log(`S${id} stopped (${how})`);
      console.log(
        `S${id} stopped (${how}); starting it again from its disk in ${RESTART_DELAY_MS} ms`,
      );
      setTimeout(() => {
        // The page may have restarted it already, through the control.
        if (stopping || cluster.isRunning(id)) return;
        cluster.start(id).then(
          () => console.log(`S${id} is back (pid ${cluster.pid(id)})`),
          (error: Error) => console.error(error.message),
        );
      }, RESTART_DELAY_MS);
    },
  });
  const control = new LauncherControl(cluster, (line) => console.log(line));
  await control.listen(controlPort);
  await cluster.startAll();
  console.log(`\nThe cluster is up. Every server answers every route:`);
  for (const id of cluster.ids)
    console.log(`  S${id}  ${cluster.urls[id - 1]}  (pid ${cluster.pid(id)})`);
  console.log(
    `Try: curl -s -X POST ${cluster.urls[0]}/login -d '{"username":"alice","password":"secret"}'`,
  );
  console.log(
    `Watch it in the playground: ?attach=${cluster.urls[0]} (crash and restart go through ${controlUrl})`,
  );
  console.log('Ctrl-C stops every server.\n');
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopping = true;
      void Promise.all([control.close(), cluster.stopAll()]).then(() => process.exit(0));
    });
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) usage(error.message);
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
