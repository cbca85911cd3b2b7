/**
 * A server's settings from its command line, with the playground's Raft
 * options under the same names (src/sim/options.ts) and its defaults but
 * for the election timeout (below) and PreVote and CheckQuorum, on here.
 */
import { join } from 'node:path';
import {
  DEFAULT_HEARTBEAT_MS,
  MAX_ENTRIES_PER_APPEND,
  MAX_INFLIGHT_APPENDS,
  MAX_NODES,
} from '../sim/options';
import type { RaftTiming } from './replica';
import type { PeerAddress } from './transport';

/** The seed's Flask-style default: the first server's HTTP port; the others count up. */
export const HTTP_PORT_FIRST_DEFAULT = 5000;
/** A local cluster's Raft ports are its HTTP ports plus this. */
export const RAFT_PORT_OFFSET = 100;
/**
 * Twice the playground's [150, 300]: real processes share CPUs with other
 * work, and a heartbeat a busy machine delays by 150 ms should not depose a
 * working leader (Raft §5.6: broadcastTime << electionTimeout).
 */
export const ELECTION_TIMEOUT_MS_DEFAULT: readonly [number, number] = [300, 600];
/** Applied entries between snapshots (Raft §7). */
export const SNAPSHOT_EVERY_DEFAULT_ENTRIES = 1000;
/** How long a request may wait for its entry to commit or its read to be confirmed, in ms. */
export const REQUEST_TIMEOUT_MS = 2_000;

export interface ServerConfig {
  readonly id: number;
  /** Raft addresses of every server, S1 first. */
  readonly peers: readonly PeerAddress[];
  readonly host: string;
  readonly httpPort: number;
  readonly dir: string;
  readonly raft: RaftTiming;
  readonly snapshotEvery: number;
  /** The control address of the launcher that runs this server (control.ts), or null. */
  readonly launcher: string | null;
}

/** The flags that place one server, with what they mean. */
export const SERVER_FLAGS_HELP = [
  '--id N                          which server this is: S1 is the first of --peers',
  "--peers H:P,H:P,...             every server's Raft address, S1 first",
  "--port N                        this server's HTTP port (default 5000 + id - 1)",
  '--host H                        the address to bind (default 127.0.0.1)',
  "--dir D                         this server's disk (default .raft-serve/S<id>)",
  "--launcher URL                  the launcher's control, shown to a watching page (set by npm run serve)",
];

/** The flags every server takes (and the launcher passes on), with what they mean. */
export const RAFT_FLAGS_HELP = [
  '--election-timeout-ms MIN,MAX   randomized election timeout (default 300,600)',
  '--heartbeat-ms N                leader heartbeat interval (default 50)',
  '--no-pre-vote                   turn PreVote (dissertation §9.6) off',
  '--no-check-quorum               turn CheckQuorum (dissertation §6.2) off',
  '--snapshot-every N              applied entries between snapshots, 0 for never (default 1000)',
];

export class UsageError extends Error {}

/** The flag names a help list documents: the `--name` each of its lines starts with. */
export function flagNames(help: readonly string[]): string[] {
  return help.map((line) => /^--([a-z-]+)/.exec(line)?.[1] ?? line);
}

/** Reads `--name value` flags; a bare `--name` is true. A flag not in `known` is refused, not ignored. */
export function readFlags(
  argv: readonly string[],
  known: readonly string[],
): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      throw new UsageError(`Unexpected argument "${arg}"; flags start with --.`);
    if (!known.includes(arg.slice(2)))
      throw new UsageError(`There is no flag ${arg}; --help lists the flags.`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags.set(arg.slice(2), next);
      i++;
    } else flags.set(arg.slice(2), true);
  }
  return flags;
}

export function wholeNumber(
  flags: Map<string, string | true>,
  name: string,
  fallback: number,
  min = 0,
): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < min)
    throw new UsageError(`--${name} takes a whole number from ${min}, e.g. --${name} ${fallback}.`);
  return value;
}

export function raftTimingFrom(flags: Map<string, string | true>): RaftTiming {
  const range = flags.get('election-timeout-ms');
  let electionTimeoutMs = ELECTION_TIMEOUT_MS_DEFAULT;
  if (range !== undefined) {
    const [lo, hi] = String(range).split(',').map(Number);
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo! < 1 || hi! < lo!)
      throw new UsageError('--election-timeout-ms takes MIN,MAX in ms, MIN <= MAX, e.g. 300,600.');
    electionTimeoutMs = [lo!, hi!];
  }
  const heartbeatMs = wholeNumber(flags, 'heartbeat-ms', DEFAULT_HEARTBEAT_MS, 1);
  if (heartbeatMs >= electionTimeoutMs[0])
    throw new UsageError(
      '--heartbeat-ms must be below the minimum election timeout, or leaders lose their followers.',
    );
  return {
    electionTimeoutMs,
    heartbeatMs,
    noopOnElection: true,
    maxEntriesPerAppend: MAX_ENTRIES_PER_APPEND,
    maxInflightAppends: MAX_INFLIGHT_APPENDS,
    // On for a real cluster: a server that rejoins after a partition must not
    // depose a working leader (dissertation §9.6, §6.2).
    preVote: !flags.has('no-pre-vote'),
    checkQuorum: !flags.has('no-check-quorum'),
    leaseReads: false,
    clockDriftBound: 0.1,
    bugs: {},
  };
}

export function parseAddress(text: string): PeerAddress {
  const match = /^([^:\s]+):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535)
    throw new UsageError(`"${text}" is not host:port, such as 127.0.0.1:5100.`);
  return { host: match[1]!, port };
}

/** One server's settings: `--id N --peers h:p,h:p,...` (Raft addresses, S1 first). */
export function serverConfigFrom(argv: readonly string[]): ServerConfig {
  const flags = readFlags(argv, flagNames([...SERVER_FLAGS_HELP, ...RAFT_FLAGS_HELP]));
  const peersText = flags.get('peers');
  if (typeof peersText !== 'string')
    throw new UsageError(
      "Give every server's Raft address, S1 first: --peers 10.0.0.1:5100,10.0.0.2:5100,10.0.0.3:5100",
    );
  const peers = peersText.split(',').map(parseAddress);
  if (peers.length > MAX_NODES) throw new UsageError(`A cluster has at most ${MAX_NODES} servers.`);
  const id = wholeNumber(flags, 'id', 0, 1);
  if (id < 1 || id > peers.length)
    throw new UsageError(
      `--id says which of the ${peers.length} peers this server is: 1 to ${peers.length}.`,
    );
  const host = typeof flags.get('host') === 'string' ? (flags.get('host') as string) : '127.0.0.1';
  const dir = flags.get('dir');
  const launcher = flags.get('launcher');
  return {
    id,
    peers,
    host,
    httpPort: wholeNumber(flags, 'port', HTTP_PORT_FIRST_DEFAULT + id - 1, 1),
    dir: typeof dir === 'string' ? dir : join('.raft-serve', `S${id}`),
    raft: raftTimingFrom(flags),
    snapshotEvery: wholeNumber(flags, 'snapshot-every', SNAPSHOT_EVERY_DEFAULT_ENTRIES),
    launcher: typeof launcher === 'string' ? launcher : null,
  };
}
