import {
  CLOCK_DRIFT_MAX,
  DEFAULT_ELECTION_TIMEOUT_MS,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_LATENCY_MS,
} from '../sim/options.ts';
import type { ClusterOptions } from '../sim/index.ts';
import { NODE_COUNT } from './constants.ts';
import type { Messages, Text } from './i18n/index.ts';

/** Cluster sizes the page offers: a majority needs at least 3 to survive a crash; the ring fits 9. */
export const PAGE_NODES_MIN = 3;
export const PAGE_NODES_MAX = 9;
/** Bounds on timings from the address, ms: wide enough to teach with, narrow enough to run. */
export const ELECTION_TIMEOUT_MS_MIN = 10;
export const ELECTION_TIMEOUT_MS_MAX = 10_000;
export const HEARTBEAT_MS_MAX = 5_000;
export const LATENCY_MS_MAX = 2_000;
/** A snapshot every N applied entries, N at most this (0: never). */
export const SNAPSHOT_EVERY_MAX = 100_000;

export type TeachingBug = 'commitOldTermByCount' | 'voteWithoutLogCheck';
export const TEACHING_BUGS: readonly TeachingBug[] = [
  'commitOldTermByCount',
  'voteWithoutLogCheck',
];

/** Everything about a run the options panel sets, besides the seed. */
export interface PageOptions {
  readonly nodes: number;
  readonly electionTimeoutMs: readonly [number, number];
  readonly heartbeatMs: number;
  readonly latencyMs: readonly [number, number];
  readonly dropRate: number;
  readonly duplicateRate: number;
  readonly bugs: readonly TeachingBug[];
  readonly noopOnElection: boolean;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly leaseReads: boolean;
  /** Raft §7: each server snapshots every this many applied entries; 0, never. */
  readonly snapshotEvery: number;
  /** The clock drift lease reads assume at most, as a fraction (dissertation §6.4.1). */
  readonly clockDriftBound: number;
  /** The clock drift servers really have: each clock runs at 1 ± up to this fraction. */
  readonly clockDrift: number;
}

export const DEFAULT_PAGE_OPTIONS: PageOptions = {
  nodes: NODE_COUNT,
  electionTimeoutMs: DEFAULT_ELECTION_TIMEOUT_MS,
  heartbeatMs: DEFAULT_HEARTBEAT_MS,
  latencyMs: DEFAULT_LATENCY_MS,
  dropRate: 0,
  duplicateRate: 0,
  bugs: [],
  noopOnElection: true,
  preVote: false,
  checkQuorum: false,
  leaseReads: false,
  snapshotEvery: 0,
  clockDriftBound: 0.1,
  clockDrift: 0,
};

/** The query keys, in the order written. */
const KEY = {
  nodes: 'nodes',
  electionTimeoutMs: 'election',
  heartbeatMs: 'heartbeat',
  latencyMs: 'latency',
  dropRate: 'drop',
  duplicateRate: 'dup',
  bugs: 'bug',
  noopOnElection: 'noop',
  preVote: 'prevote',
  checkQuorum: 'checkquorum',
  leaseReads: 'lease',
  snapshotEvery: 'snapshot',
  clockDriftBound: 'driftbound',
  clockDrift: 'drift',
} as const satisfies Record<keyof PageOptions, string>;

/** What a value in the address is, as the problems name it. */
type What = keyof Messages['options']['what'];

/** Reads the options from a query string; a bad value keeps its default and says why. */
export function parsePageOptions(search: string): {
  options: PageOptions;
  problems: Text[];
} {
  const params = new URLSearchParams(search);
  const problems: Text[] = [];
  const d = DEFAULT_PAGE_OPTIONS;
  const raw = (key: string): string | null => {
    const v = params.get(key);
    return v === null || v.trim() === '' ? null : v.trim();
  };
  const int = (key: string, min: number, max: number, what: What, fallback: number): number => {
    const v = raw(key);
    if (v === null) return fallback;
    const n = Number(v);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    problems.push((m) => m.options.notInteger(m.options.what[what], v, min, max, fallback));
    return fallback;
  };
  const range = (
    key: string,
    min: number,
    max: number,
    what: What,
    fallback: readonly [number, number],
  ): readonly [number, number] => {
    const v = raw(key);
    if (v === null) return fallback;
    const m = /^(\d+)(?:-(\d+))?$/.exec(v);
    const lo = m ? Number(m[1]) : NaN;
    const hi = m ? Number(m[2] ?? m[1]) : NaN;
    if (m && lo >= min && hi <= max && lo <= hi) return [lo, hi];
    const pair = `${fallback[0]}-${fallback[1]}`;
    problems.push((m) => m.options.notRange(m.options.what[what], v, min, max, pair));
    return fallback;
  };
  const rate = (key: string, what: What): number => {
    const v = raw(key);
    if (v === null) return 0;
    const n = Number(v);
    if (Number.isFinite(n) && n >= 0 && n <= 1) return n;
    problems.push((m) => m.options.notFraction(m.options.what[what], v));
    return 0;
  };
  const drift = (key: string, what: 'bound' | 'drift', fallback: number): number => {
    const v = raw(key);
    if (v === null) return fallback;
    const n = Number(v);
    if (Number.isFinite(n) && n >= 0 && n <= CLOCK_DRIFT_MAX) return n;
    problems.push((m) => m.drift.notFraction(m.drift[`${what}Name`], v, CLOCK_DRIFT_MAX, fallback));
    return fallback;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const v = params.get(key);
    if (v === null) return fallback;
    if (v === '' || v === '1' || v === 'true') return true;
    if (v === '0' || v === 'false') return false;
    problems.push((m) => m.options.notFlag(key, v, fallback));
    return fallback;
  };

  const bugs: TeachingBug[] = [];
  for (const name of params.getAll(KEY.bugs).flatMap((v) => v.split(','))) {
    const bug = TEACHING_BUGS.find((b) => b === name.trim());
    if (bug) {
      if (!bugs.includes(bug)) bugs.push(bug);
    } else if (name.trim() !== '')
      problems.push((m) => m.options.noBug(name.trim(), TEACHING_BUGS));
  }

  const electionTimeoutMs = range(
    KEY.electionTimeoutMs,
    ELECTION_TIMEOUT_MS_MIN,
    ELECTION_TIMEOUT_MS_MAX,
    'election timeout',
    d.electionTimeoutMs,
  );
  let heartbeatMs = int(KEY.heartbeatMs, 1, HEARTBEAT_MS_MAX, 'heartbeat interval', d.heartbeatMs);
  if (heartbeatMs >= electionTimeoutMs[0]) {
    const fixed = Math.max(1, Math.floor(electionTimeoutMs[0] / 3));
    const [heartbeat, election] = [heartbeatMs, electionTimeoutMs[0]];
    problems.push((m) => m.options.heartbeatTooLong(heartbeat, election, fixed));
    heartbeatMs = fixed;
  }
  return {
    options: {
      nodes: int(KEY.nodes, PAGE_NODES_MIN, PAGE_NODES_MAX, 'cluster size', d.nodes),
      electionTimeoutMs,
      heartbeatMs,
      latencyMs: range(KEY.latencyMs, 1, LATENCY_MS_MAX, 'latency', d.latencyMs),
      dropRate: rate(KEY.dropRate, 'drop rate'),
      duplicateRate: rate(KEY.duplicateRate, 'duplicate rate'),
      bugs,
      noopOnElection: flag(KEY.noopOnElection, d.noopOnElection),
      preVote: flag(KEY.preVote, d.preVote),
      checkQuorum: flag(KEY.checkQuorum, d.checkQuorum),
      leaseReads: flag(KEY.leaseReads, d.leaseReads),
      snapshotEvery: int(
        KEY.snapshotEvery,
        0,
        SNAPSHOT_EVERY_MAX,
        'snapshot interval',
        d.snapshotEvery,
      ),
      clockDriftBound: drift(KEY.clockDriftBound, 'bound', d.clockDriftBound),
      clockDrift: drift(KEY.clockDrift, 'drift', d.clockDrift),
    },
    problems,
  };
}

/**
 * Writes the options that differ from the defaults into `params` (and
 * removes the others), so a reload or a shared link runs the same cluster.
 */
export function writePageOptions(params: URLSearchParams, o: PageOptions): void {
  const d = DEFAULT_PAGE_OPTIONS;
  const put = (key: string, value: string | null) => {
    if (value === null) params.delete(key);
    else params.set(key, value);
  };
  const pair = (r: readonly [number, number]) => `${r[0]}-${r[1]}`;
  put(KEY.nodes, o.nodes === d.nodes ? null : String(o.nodes));
  put(
    KEY.electionTimeoutMs,
    pair(o.electionTimeoutMs) === pair(d.electionTimeoutMs) ? null : pair(o.electionTimeoutMs),
  );
  put(KEY.heartbeatMs, o.heartbeatMs === d.heartbeatMs ? null : String(o.heartbeatMs));
  put(KEY.latencyMs, pair(o.latencyMs) === pair(d.latencyMs) ? null : pair(o.latencyMs));
  put(KEY.dropRate, o.dropRate === 0 ? null : String(o.dropRate));
  put(KEY.duplicateRate, o.duplicateRate === 0 ? null : String(o.duplicateRate));
  put(KEY.bugs, o.bugs.length === 0 ? null : o.bugs.join(','));
  const flag = (key: string, v: boolean, fallback: boolean) =>
    put(key, v === fallback ? null : v ? '1' : '0');
  flag(KEY.noopOnElection, o.noopOnElection, d.noopOnElection);
  flag(KEY.preVote, o.preVote, d.preVote);
  flag(KEY.checkQuorum, o.checkQuorum, d.checkQuorum);
  flag(KEY.leaseReads, o.leaseReads, d.leaseReads);
  put(KEY.snapshotEvery, o.snapshotEvery === 0 ? null : String(o.snapshotEvery));
  put(
    KEY.clockDriftBound,
    o.clockDriftBound === d.clockDriftBound ? null : String(o.clockDriftBound),
  );
  put(KEY.clockDrift, o.clockDrift === d.clockDrift ? null : String(o.clockDrift));
}

/** The cluster's options for a page run (the seed comes separately). */
export function clusterOptions(seed: number, o: PageOptions): ClusterOptions {
  return {
    nodes: o.nodes,
    seed,
    electionTimeoutMs: o.electionTimeoutMs,
    heartbeatMs: o.heartbeatMs,
    latencyMs: o.latencyMs,
    dropRate: o.dropRate,
    duplicateRate: o.duplicateRate,
    bugs: {
      commitOldTermByCount: o.bugs.includes('commitOldTermByCount'),
      voteWithoutLogCheck: o.bugs.includes('voteWithoutLogCheck'),
    },
    noopOnElection: o.noopOnElection,
    preVote: o.preVote,
    checkQuorum: o.checkQuorum,
    leaseReads: o.leaseReads,
    snapshotEvery: o.snapshotEvery,
    clockDriftBound: o.clockDriftBound,
    clockDrift: o.clockDrift,
  };
}

/** A stable key for a set of options: a change of it restarts the run. */
export function optionsKey(seed: number, o: PageOptions): string {
  const params = new URLSearchParams();
  writePageOptions(params, o);
  return `${seed}?${params.toString()}`;
}
