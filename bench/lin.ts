// npm run bench:lin (npx tsx bench/lin.ts) — prints JSON: the time the
// linearizability checker takes on each group of Porcupine's corpus (all
// etcd histories; kv with 1, 10 and 50 clients, ok and bad, partitioned by
// key and as one history), read in place from $RAFT_CORPUS_DIR or
// ../shared/corpora/porcupine. Reference (Go Porcupine, from the issue):
// all etcd files in about 0.3 s, kv c50-ok partitioned in about 0.1 s.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runJepsenSeed } from '../src/sim/jepsen';
import { userServiceOperations } from '../src/sim/history';
import {
  casRegisterModel,
  checkOperations,
  kvModel,
  parseEtcdLog,
  parseKvLog,
  userServiceModel,
  type CheckOptions,
  type Model,
  type Operation,
  type Verdict,
} from '../src/check/lin';

type Result = Verdict<unknown, unknown, unknown>['result'];

/** One timed unit: a set of histories checked with one model and one set of options. */
export interface LinBenchGroup {
  readonly name: string;
  readonly partitioned: boolean;
  readonly histories: number;
  readonly operations: number;
  /** The verdict each history should get, if known (as many as `histories`). */
  readonly expected?: readonly Result[];
  /** Checks every history once and returns the verdicts, in order. */
  check(): Result[];
}

/** Makes a group from histories of any model. */
export function linBenchGroup<S, I, O>(
  name: string,
  model: Model<S, I, O>,
  histories: readonly (readonly Operation<I, O>[])[],
  options: CheckOptions = {},
  expected?: readonly Result[],
): LinBenchGroup {
  return {
    name,
    partitioned: options.partition !== false && model.partition !== undefined,
    histories: histories.length,
    operations: histories.reduce((sum, h) => sum + h.length, 0),
    ...(expected !== undefined && { expected }),
    check: () => histories.map((history) => checkOperations(model, history, options).result),
  };
}

/** Simulated length of each swarm run whose history is checked, in virtual ms. */
const SWARM_RUN_MS = 60_000;
const SWARM_SEEDS = [1, 2, 3];

/**
 * Histories of 60-second runs of the Jepsen-style test on 5 nodes (clients
 * under crashes, partitions, drops and duplicates), checked with and
 * without partitioning by user.
 */
export function swarmGroups(): LinBenchGroup[] {
  const histories = SWARM_SEEDS.map((seed) =>
    userServiceOperations(
      runJepsenSeed(seed, { faultyMs: SWARM_RUN_MS, checkSteps: 1 }, { nodes: 5 }).history,
    ),
  );
  const expected = histories.map(() => 'linearizable' as const);
  return [
    linBenchGroup(
      `swarm ${SWARM_RUN_MS / 1000} s, 5 nodes, partitioned`,
      userServiceModel,
      histories,
      {},
      expected,
    ),
    linBenchGroup(
      `swarm ${SWARM_RUN_MS / 1000} s, 5 nodes, whole`,
      userServiceModel,
      histories,
      { partition: false },
      expected,
    ),
  ];
}

/** Search steps for a kv history as one piece where that is out of reach (50 clients). */
const UNPARTITIONED_C50_MAX_STEPS = 2_000_000;
/** Each group is timed over at least this much wall time (after one cold run)... */
const MIN_TIMED_MS = 1_000;
/** ...and at most this many runs. */
const MAX_RUNS = 20;

const ETCD_FILE_COUNT = 103;
const ETCD_LINEARIZABLE = new Set([
  2, 5, 7, 18, 25, 31, 38, 45, 48, 49, 51, 53, 56, 67, 75, 76, 80, 87, 92, 98, 100, 101, 102,
]);
const ETCD_EMPTY = 95;

/** The corpus groups, or undefined if the corpus is not there. */
export function corpusGroups(corpusDir: string): LinBenchGroup[] | undefined {
  if (!existsSync(join(corpusDir, 'jepsen')) || !existsSync(join(corpusDir, 'kv')))
    return undefined;
  const read = (...path: string[]) => readFileSync(join(corpusDir, ...path), 'utf8');
  const etcd = Array.from({ length: ETCD_FILE_COUNT }, (_, i) =>
    parseEtcdLog(read('jepsen', `etcd_${String(i).padStart(3, '0')}.log`)),
  );
  const groups = [
    linBenchGroup(
      `etcd: all ${ETCD_FILE_COUNT} jepsen/etcd_NNN.log`,
      casRegisterModel,
      etcd,
      {},
      etcd.map((_, i) =>
        i === ETCD_EMPTY || ETCD_LINEARIZABLE.has(i) ? 'linearizable' : 'not-linearizable',
      ),
    ),
  ];
  for (const clients of ['c01', 'c10', 'c50']) {
    for (const kind of ['ok', 'bad']) {
      const history = parseKvLog(read('kv', `${clients}-${kind}.txt`));
      const expected: Result = kind === 'ok' ? 'linearizable' : 'not-linearizable';
      groups.push(linBenchGroup(`kv: ${clients}-${kind}`, kvModel, [history], {}, [expected]));
      const whole: CheckOptions =
        clients === 'c50'
          ? { partition: false, maxSteps: UNPARTITIONED_C50_MAX_STEPS }
          : { partition: false };
      groups.push(linBenchGroup(`kv: ${clients}-${kind}`, kvModel, [history], whole, [expected]));
    }
  }
  return groups;
}

export function timeGroup(group: LinBenchGroup) {
  const t0 = performance.now();
  const verdicts = group.check();
  const coldMs = performance.now() - t0;
  const timesMs: number[] = [];
  while (timesMs.length < MAX_RUNS && sum(timesMs) < MIN_TIMED_MS) {
    const t = performance.now();
    group.check();
    timesMs.push(performance.now() - t);
  }
  timesMs.sort((a, b) => a - b);
  const counts: Partial<Record<Result, number>> = {};
  for (const v of verdicts) counts[v] = (counts[v] ?? 0) + 1;
  return {
    name: group.name,
    partitioned: group.partitioned,
    histories: group.histories,
    operations: group.operations,
    verdicts: counts,
    ...(group.expected !== undefined && {
      // 'unknown' (the step budget ran out) is not wrong, only undecided.
      correct: verdicts.every((v, i) => v === 'unknown' || v === group.expected![i]),
    }),
    coldMs: round(coldMs),
    medianMs: round(timesMs[Math.floor(timesMs.length / 2)]!),
    minMs: round(timesMs[0]!),
    runs: timesMs.length,
  };
}

export function runLinBench(groups: readonly LinBenchGroup[]) {
  return groups.map(timeGroup);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function main(): void {
  const corpusDir =
    process.env.RAFT_CORPUS_DIR ?? join(process.cwd(), '..', 'shared', 'corpora', 'porcupine');
  const corpus = corpusGroups(corpusDir);
  const groups = [...(corpus ?? []), ...swarmGroups()];
  console.log(
    JSON.stringify(
      {
        bench: 'lin',
        node: process.version,
        corpus: corpus === undefined ? `absent: no corpus at ${corpusDir}` : corpusDir,
        unpartitionedC50MaxSteps: UNPARTITIONED_C50_MAX_STEPS,
        reference: { porcupineGoEtcdAllMs: 300, porcupineGoKvC50OkPartitionedMs: 100 },
        results: runLinBench(groups),
      },
      null,
      2,
    ),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main();
