/**
 * One server process: `tsx src/server/main.ts --id 1 --peers h:p,h:p,h:p`.
 * `npm run serve` starts a whole local cluster of these (launch.ts).
 */
import { HttpFront } from './http';
import {
  REQUEST_TIMEOUT_MS,
  RAFT_FLAGS_HELP,
  SERVER_FLAGS_HELP,
  UsageError,
  serverConfigFrom,
} from './config';
import { Replica } from './replica';
import { Transport } from './transport';

function log(id: number, line: string): void {
  process.stdout.write(`S${id} ${line}\n`);
}

async function main(): Promise<void> {
  const config = serverConfigFrom(process.argv.slice(2));
  const httpUrl = `http://${config.host}:${config.httpPort}`;
  const peerIds = config.peers.map((_, k) => k + 1);
  let replica: Replica | null = null;
  const transport = new Transport({
    id: config.id,
    peers: new Map(config.peers.map((address, k) => [k + 1, address])),
    httpUrl,
    onMessage: (m) => replica?.receive(m),
  });
  replica = new Replica({
    id: config.id,
    peers: peerIds,
    dir: config.dir,
    raft: config.raft,
    snapshotEvery: config.snapshotEvery,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    send: (m) => transport.send(m),
    log: (line) => log(config.id, line),
  });
  const front = new HttpFront(replica, transport, config.launcher);
  await transport.listen();
  await front.listen(config.httpPort, config.host);
  const self = config.peers[config.id - 1]!;
  log(config.id, `listening on ${httpUrl} (Raft on ${self.host}:${self.port}, disk ${config.dir})`);
  const stop = (): void => {
    front.close();
    transport.close();
    replica?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(
      `${error.message}\n\nFlags:\n  ${[...SERVER_FLAGS_HELP, ...RAFT_FLAGS_HELP].join('\n  ')}\n`,
    );
    process.exit(2);
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  process.stderr.write(
    code === 'EADDRINUSE'
      ? `${message}: another program uses this port; stop it, or pick other ports with --port.\n`
      : `${message}\n`,
  );
  process.exit(1);
});
