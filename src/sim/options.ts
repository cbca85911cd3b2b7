import { ProblemError } from '../app';
import type { NodeId, RaftBugs } from '../raft';
import type { Disk, HostOptions, RaftTiming } from './host';
import { Prng } from './prng';

/** The headless API's options (issue "The foundation", §4). */
export interface ClusterOptions {
  /** 1..9 */
  nodes: number;
  /** uint32 */
  seed: number;
  /** default [150, 300] */
  electionTimeoutMs?: readonly [number, number];
  /** default 50 */
  heartbeatMs?: number;
  /** default [10, 20]; the minimum must be at least 1 ms */
  latencyMs?: readonly [number, number];
  /** 0..1, default 0 */
  dropRate?: number;
  /** 0..1, default 0 */
  duplicateRate?: number;
  /** Persisted state to start from, per node: to build the paper's Figure 7 and 8. */
  initial?: Readonly<
    Record<
      NodeId,
      {
        term: number;
        votedFor?: NodeId | null;
        log: readonly { term: number; command?: unknown }[];
      }
    >
  >;
  bugs?: RaftBugs;
  /** default true */
  noopOnElection?: boolean;
  /** PreVote (dissertation §9.6), default false */
  preVote?: boolean;
  /** CheckQuorum (dissertation §6.2), default false */
  checkQuorum?: boolean;
  /** Lease reads (dissertation §6.4.1), default false */
  leaseReads?: boolean;
  /** The clock drift the protocol assumes at most, as a fraction; default 0.1 */
  clockDriftBound?: number;
  /** The clock drift nodes really have, as a fraction: each clock runs at 1 ± up to this; default 0 */
  clockDrift?: number;
  /** A steady load that is part of the run: this many writes a second, ten clients taking turns (core.ts); default none */
  load?: { readonly writesPerS: number };
  /** Log compaction (Raft §7): each node snapshots every this many applied entries; default 0, never */
  snapshotEvery?: number;
  /** Each named node's clock rate exactly (e.g. { 1: 0.5 }: S1's clock runs at half speed), within 1 ± CLOCK_DRIFT_MAX */
  clockRates?: Readonly<Record<NodeId, number>>;
}

/** Bound on the built-in steady load, in writes per second. */
export const LOAD_WRITES_PER_S_MAX = 1000;

/** Clocks that run more than half again as fast or slow are not clocks. */
export const CLOCK_DRIFT_MAX = 0.5;

export const MAX_NODES = 9;
export const DEFAULT_ELECTION_TIMEOUT_MS: readonly [number, number] = [150, 300];
export const DEFAULT_HEARTBEAT_MS = 50;
export const DEFAULT_LATENCY_MS: readonly [number, number] = [10, 20];
export const MAX_ENTRIES_PER_APPEND = 64;
export const MAX_INFLIGHT_APPENDS = 1;

export type ResolvedOptions = Required<Omit<ClusterOptions, 'initial'>> &
  Pick<ClusterOptions, 'initial'>;

/** Fills in defaults and rejects what cannot run, with a message a student understands. */
export function resolveOptions(o: ClusterOptions): ResolvedOptions {
  const fail = (msg: string): never => {
    throw new RangeError(msg);
  };
  if (!Number.isInteger(o.nodes) || o.nodes < 1 || o.nodes > MAX_NODES) {
    fail(`A cluster has 1 to ${MAX_NODES} nodes; got ${o.nodes}.`);
  }
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) {
    fail(`The seed is a whole number from 0 to 4294967295; got ${o.seed}.`);
  }
  const electionTimeoutMs = o.electionTimeoutMs ?? DEFAULT_ELECTION_TIMEOUT_MS;
  const heartbeatMs = o.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const latencyMs = o.latencyMs ?? DEFAULT_LATENCY_MS;
  checkRange('election timeout', electionTimeoutMs, 1);
  checkRange('latency', latencyMs, 1);
  if (!Number.isInteger(heartbeatMs) || heartbeatMs < 1)
    fail(`The heartbeat interval is a whole number of ms, at least 1; got ${heartbeatMs}.`);
  const dropRate = o.dropRate ?? 0;
  const duplicateRate = o.duplicateRate ?? 0;
  checkRate('drop', dropRate);
  checkRate('duplicate', duplicateRate);
  const loadRate = o.load?.writesPerS ?? 0;
  if (!(loadRate >= 0 && loadRate <= LOAD_WRITES_PER_S_MAX)) {
    fail(`The steady load is 0 to ${LOAD_WRITES_PER_S_MAX} writes a second; got ${loadRate}.`);
  }
  const snapshotEvery = o.snapshotEvery ?? 0;
  if (!Number.isInteger(snapshotEvery) || snapshotEvery < 0) {
    fail(
      `Snapshots are taken every N applied entries, N a whole number (0: never); got ${snapshotEvery}.`,
    );
  }
  const clockDriftBound = o.clockDriftBound ?? 0.1;
  const clockDrift = o.clockDrift ?? 0;
  for (const [name, v] of [
    ['clock drift bound', clockDriftBound],
    ['clock drift', clockDrift],
  ] as const) {
    if (!(v >= 0 && v <= CLOCK_DRIFT_MAX))
      fail(`The ${name} is a fraction from 0 to ${CLOCK_DRIFT_MAX}; got ${v}.`);
  }
  for (const [key, rate] of Object.entries(o.clockRates ?? {})) {
    const id = Number(key);
    if (!Number.isInteger(id) || id < 1 || id > o.nodes)
      fail(`A clock rate is given for S${key}, but the cluster has S1..S${o.nodes}.`);
    if (!(Math.abs(rate - 1) <= CLOCK_DRIFT_MAX)) {
      fail(`S${key}'s clock rate must be within 1 ± ${CLOCK_DRIFT_MAX}; got ${rate}.`);
    }
  }
  for (const key of Object.keys(o.initial ?? {})) {
    const id = Number(key);
    if (!Number.isInteger(id) || id < 1 || id > o.nodes)
      fail(`Initial state given for S${key}, but the cluster has S1..S${o.nodes}.`);
  }
  return {
    nodes: o.nodes,
    seed: o.seed,
    electionTimeoutMs,
    heartbeatMs,
    latencyMs,
    dropRate,
    duplicateRate,
    initial: o.initial,
    bugs: o.bugs ?? {},
    noopOnElection: o.noopOnElection ?? true,
    preVote: o.preVote ?? false,
    checkQuorum: o.checkQuorum ?? false,
    leaseReads: o.leaseReads ?? false,
    clockDriftBound,
    clockDrift,
    clockRates: o.clockRates ?? {},
    snapshotEvery,
    load: { writesPerS: loadRate },
  };
}

function checkRange(name: string, [lo, hi]: readonly [number, number], min: number): void {
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < min || hi < lo) {
    throw new RangeError(
      `The ${name} range is two whole numbers of ms, min >= ${min} and min <= max; got [${lo}, ${hi}].`,
    );
  }
}

export function checkRate(name: string, rate: number): void {
  if (!(rate >= 0 && rate <= 1))
    throw new ProblemError({
      code: 'bad-rate',
      params: { name, rate },
      text: `The ${name} rate is a number from 0 to 1; got ${rate}.`,
    });
}

/** The Raft settings every node of a run shares. */
function raftTiming(o: ResolvedOptions): RaftTiming {
  return {
    electionTimeoutMs: o.electionTimeoutMs,
    heartbeatMs: o.heartbeatMs,
    noopOnElection: o.noopOnElection,
    maxEntriesPerAppend: MAX_ENTRIES_PER_APPEND,
    maxInflightAppends: MAX_INFLIGHT_APPENDS,
    preVote: o.preVote,
    checkQuorum: o.checkQuorum,
    leaseReads: o.leaseReads,
    clockDriftBound: o.clockDriftBound,
    bugs: o.bugs,
  };
}

/**
 * What node `id`'s host is made of, from the run's options: the one door by
 * which options reach a node, wherever it runs.
 */
export function hostConfig(
  o: ResolvedOptions,
  id: NodeId,
  incarnation: number,
  peers: readonly NodeId[],
): Omit<HostOptions, 'network' | 'observe'> {
  return {
    id,
    peers,
    seed: o.seed,
    incarnation,
    raft: raftTiming(o),
    clockRate: clockRate(o, id),
    snapshotEvery: o.snapshotEvery,
  };
}

/** A node's disk at the start of a run: empty, or the `initial` state the options give. */
export function initialDisk(o: ResolvedOptions, id: NodeId): Disk {
  const init = o.initial?.[id];
  const log = (init?.log ?? []).map((e, k) => ({
    index: k + 1,
    term: e.term,
    command: e.command ?? null,
  }));
  return { hardState: { currentTerm: init?.term ?? 0, votedFor: init?.votedFor ?? null }, log };
}

/** How fast node `id`'s clock runs: 1 ± up to clockDrift, fixed for the run (it is the hardware). */
export function clockRate(o: ResolvedOptions, id: NodeId): number {
  const exact = o.clockRates[id];
  if (exact !== undefined) return exact;
  if (o.clockDrift === 0) return 1;
  return 1 + o.clockDrift * (2 * Prng.derive(o.seed, 'clock', id).next() - 1);
}
