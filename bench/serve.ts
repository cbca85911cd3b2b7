/**
 * `npm run bench:serve`: the real cluster on loopback against the seed's
 * design, one Redis server, measured in the same run. Prints JSON: writes
 * per second (each acknowledged once committed on a majority and fsynced),
 * and read latency p50 and p99 (ReadIndex reads for the cluster, GET for
 * Redis), for 3 and 5 servers with 1, 10 and 50 concurrent clients. Each
 * client has one request in flight and talks to the leader.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePorts } from '../src/server/launch';
import { TestCluster, call, login } from '../src/server/testing';
import { RespClient } from './resp';

/** How long each phase of a measurement lasts, in ms. */
const WRITE_PHASE_MS = 3_000;
const READ_PHASE_MS = 2_000;
const CLIENT_COUNTS = [1, 10, 50];
const SERVER_COUNTS = [3, 5];
const REDIS = '/usr/bin/redis-server';

interface Figures {
  writesPerS: number;
  writeP50Ms: number;
  readP50Ms: number;
  readP99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!);
}
const round = (x: number): number => Math.round(x * 100) / 100;

/** Runs `op` in `clients` loops for `phaseMs`; returns each completed op's latency, sorted. */
async function phase(
  clients: number,
  phaseMs: number,
  op: (client: number) => Promise<boolean>,
): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + phaseMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end) {
        const start = performance.now();
        if (await op(client)) latencies.push(performance.now() - start);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

function figures(writes: number[], reads: number[]): Figures {
  return {
    writesPerS: Math.round(writes.length / (WRITE_PHASE_MS / 1000)),
    writeP50Ms: percentile(writes, 0.5),
    readP50Ms: percentile(reads, 0.5),
    readP99Ms: percentile(reads, 0.99),
  };
}

async function benchCluster(servers: number): Promise<Record<string, Figures>> {
  const cluster = await TestCluster.start(servers);
  try {
    const url = cluster.url(await cluster.waitForLeader());
    const most = Math.max(...CLIENT_COUNTS);
    const tokens: string[] = [];
    for (let k = 0; k < most; k++) tokens.push(await login(url, `user${k}`, 'secret'));
    const numbers = tokens.map(() => 0);
    const results: Record<string, Figures> = {};
    for (const clients of CLIENT_COUNTS) {
      const writes = await phase(clients, WRITE_PHASE_MS, async (k) => {
        const answer = await call(`${url}/state`, {
          body: { state: `s${numbers[k]}` },
          headers: {
            Authorization: `Bearer ${tokens[k]}`,
            'X-Request-Number': String(++numbers[k]!),
          },
        }).catch(() => null);
        return answer?.status === 200;
      });
      const reads = await phase(clients, READ_PHASE_MS, async (k) => {
        const answer = await call(`${url}/state?username=user${k}`).catch(() => null);
        return answer?.status === 200;
      });
      results[`${clients} clients`] = figures(writes, reads);
    }
    return results;
  } finally {
    await cluster.destroy();
  }
}

/** The seed's design: one Redis server; `durable` makes it fsync every write (appendfsync always). */
async function benchRedis(durable: boolean): Promise<Record<string, Figures> | string> {
  if (!existsSync(REDIS)) return `${REDIS} is not installed (apt-get install redis-server)`;
  const [port] = await freePorts(1);
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', '/tmp'];
  if (durable)
    args.push(
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--appendfilename',
      `bench-${port}.aof`,
    );
  const redis = spawn(REDIS, args, { stdio: 'ignore' });
  try {
    let probe: RespClient | null = null;
    for (let attempt = 0; probe === null && attempt < 50; attempt++) {
      probe = await RespClient.open(port!).catch(() => null);
      if (probe === null) await sleep(50);
    }
    if (probe === null) return 'redis-server did not start';
    probe.close();
    const results: Record<string, Figures> = {};
    for (const clients of CLIENT_COUNTS) {
      const connections = await Promise.all(
        Array.from({ length: clients }, () => RespClient.open(port!)),
      );
      const writes = await phase(
        clients,
        WRITE_PHASE_MS,
        async (k) => (await connections[k]!.command('SET', `user${k}`, 'active')) === 'OK',
      );
      const reads = await phase(
        clients,
        READ_PHASE_MS,
        async (k) => (await connections[k]!.command('GET', `user${k}`)) === 'active',
      );
      for (const c of connections) c.close();
      results[`${clients} clients`] = figures(writes, reads);
    }
    return results;
  } finally {
    redis.kill('SIGKILL');
  }
}

const raft: Record<string, Record<string, Figures>> = {};
for (const servers of SERVER_COUNTS) raft[`raft ${servers} servers`] = await benchCluster(servers);
const redis = await benchRedis(false);
const redisDurable = await benchRedis(true);
const ratios: Record<string, number> = {};
if (typeof redis === 'object') {
  for (const servers of SERVER_COUNTS) {
    const cluster = raft[`raft ${servers} servers`]!;
    for (const clients of CLIENT_COUNTS) {
      const key = `${clients} clients`;
      ratios[`redis/raft${servers} writes/s, ${key}`] = round(
        redis[key]!.writesPerS / cluster[key]!.writesPerS,
      );
    }
  }
}
const report = {
  ...raft,
  'redis (seed design, no persistence)': redis,
  'redis (appendfsync always)': redisDurable,
  ratios,
};
console.log(JSON.stringify(report, null, 2));
