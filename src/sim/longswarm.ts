import { createCluster, type Cluster } from './cluster';
import type { Op } from './clients';
import type { Input } from './inputs';
import { checkWrites, linearizability } from './jepsen';
import type { ClusterOptions } from './options';
import { Prng } from './prng';
import { shrinkList, SHRINK_TESTS_MAX } from './shrink';
import { convergeAfterHealing, healAll, injectFault, swarmOptions } from './swarm';

/**
 * The long swarm (issue 17): a minute of simulated faults per seed with
 * everything on at once where the seed says so: crashes and restarts,
 * partitions and one-way cuts, drop, duplicate and delay, servers added and
 * removed (the leader too), leadership transfers, snapshots and
 * InstallSnapshot, clock drift within its bound under lease reads, and
 * clients whose history must be linearizable. After healing: a leader,
 * equal committed logs, every acknowledged write present, no safety
 * property broken at any instant.
 *
 * A run is a pure function of (options, seed, input log), so a failing seed
 * shrinks: its faulty phase's inputs are dropped by delta debugging while
 * the replayed run still fails, down to a short story.
 */
export interface LongOptions {
  /** Length of the faulty phase, in virtual ms. */
  faultyMs?: number;
  /** After healing, how long the cluster has for each of: a leader, equal logs, clients done, in virtual ms. */
  settleMs?: number;
  /** Search steps the linearizability check may take. */
  checkSteps?: number;
  /**
   * A test hook: a fault planted in the checks, to show a failure shrinks.
   * Called after healing with the run; a sentence fails the run.
   */
  plant?: (c: Cluster) => string | null;
}

export interface LongResult {
  seed: number;
  ok: boolean;
  failures: string[];
  options: ClusterOptions;
  traceHash: string;
  /** The faulty phase's inputs: what a shrink drops from. */
  inputLog: readonly Input[];
  /** The instant the faulty phase ended (its last step may pass `faultyMs`), in virtual ms. */
  faultyEndMs: number;
  replay: string;
}

const DEFAULTS: Required<Omit<LongOptions, 'plant'>> = {
  faultyMs: 60_000,
  settleMs: 20_000,
  checkSteps: 2_000_000,
};
const CLIENTS_MIN = 2;
const CLIENTS_MAX = 4;
/** Chance per step of a fault, and of a change of the loss rates. */
const FAULT_CHANCE = 0.05;
const RATE_CHANCE = 0.01;

/** The swarm's options, and lease reads with clock drift within its bound (dissertation §6.4.1) for some seeds. */
export function longOptions(seed: number): ClusterOptions {
  const pick = Prng.derive(seed, 'longswarm', 'options');
  const leaseReads = pick.next() < 0.3;
  const clockDriftBound = 0.05 + pick.next() * 0.2;
  return {
    ...swarmOptions(seed),
    leaseReads,
    clockDriftBound,
    clockDrift: pick.next() < 0.5 ? pick.next() * clockDriftBound : 0,
  };
}

export function runLongSeed(
  seed: number,
  options: LongOptions = {},
  overrides: Partial<ClusterOptions> = {},
): LongResult {
  const o = { ...DEFAULTS, ...options };
  const clusterOptions = { ...longOptions(seed), ...overrides };
  const c = createCluster(clusterOptions, { recentEvents: 0 });
  const rng = Prng.derive(seed, 'longswarm', 'faults');
  const crashRate = rng.next() * 0.3;
  const partitionRate = rng.next() * 0.3;
  const lossy = {
    drop: clusterOptions.dropRate ?? 0,
    duplicate: clusterOptions.duplicateRate ?? 0,
  };
  const names = Array.from({ length: rng.int(CLIENTS_MIN, CLIENTS_MAX) }, (_, k) => `u${k + 1}`);
  const current = new Map<string, Op>();
  let writes = 0;
  while (c.now < o.faultyMs) {
    c.advance(rng.int(1, 30));
    for (const name of names) {
      const op = current.get(name);
      if (op && !op.done) continue;
      const client = c.client(name);
      if (!op) current.set(name, client.login(`pw-${name}`));
      else if (rng.next() < 0.5) current.set(name, client.setState(`${name}:${writes++}`));
      else current.set(name, client.getState(names[rng.int(0, names.length - 1)] ?? name));
    }
    if (rng.next() < FAULT_CHANCE) injectFault(c, rng, crashRate, partitionRate);
    if (rng.next() < RATE_CHANCE) {
      c.setDropRate(rng.next() < 0.5 ? 0 : rng.next() * Math.max(lossy.drop, 0.1));
      c.setDuplicateRate(rng.next() < 0.5 ? 0 : rng.next() * Math.max(lossy.duplicate, 0.05));
    }
  }
  // A copy: the cluster's log goes on growing with the healing and the final
  // reads, which a replay of the faulty phase must not replay too.
  const inputLog = c.inputLog().slice();
  const faultyEndMs = c.now;
  const failures = settle(c, o);
  return {
    seed,
    ok: failures.length === 0,
    failures,
    options: clusterOptions,
    traceHash: c.traceHash(),
    inputLog,
    faultyEndMs,
    replay: `npm run swarm -- --long --seed ${seed}`,
  };
}

/**
 * Replays a faulty phase from its inputs, up to `options.faultyMs` (a seed's
 * `faultyEndMs`, for the same run), and checks it as a seed is checked.
 * An input that no longer applies (a transfer from a server that no longer
 * leads, once earlier inputs are dropped) is refused as the page refuses
 * it, and the run goes on.
 */
export function replayLong(
  clusterOptions: ClusterOptions,
  inputs: readonly Input[],
  options: LongOptions = {},
): { failures: string[]; traceHash: string } {
  const o = { ...DEFAULTS, ...options };
  const c = createCluster(clusterOptions, { recentEvents: 0 });
  for (const input of inputs) {
    c.advance(input.at - c.now);
    try {
      c.apply(input);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  c.advance(Math.max(0, o.faultyMs - c.now));
  const failures = settle(c, o);
  return { failures, traceHash: c.traceHash() };
}

/** The shortest input log found that still fails, with the replays it took. */
export function shrinkLongSeed(
  result: Pick<LongResult, 'options' | 'inputLog' | 'faultyEndMs'>,
  options: LongOptions = {},
  testsMax = SHRINK_TESTS_MAX,
): { inputs: readonly Input[]; failures: string[]; tests: number; minimal: boolean } {
  const replayOptions = { ...options, faultyMs: result.faultyEndMs };
  const shrunk = shrinkList(
    result.inputLog,
    (inputs) => replayLong(result.options, inputs, replayOptions).failures.length > 0,
    testsMax,
  );
  return {
    inputs: shrunk.items,
    failures: replayLong(result.options, shrunk.items, replayOptions).failures,
    tests: shrunk.tests,
    minimal: shrunk.minimal,
  };
}

/** Heals everything and checks liveness, the clients' history and safety; the failures, in words. */
function settle(c: Cluster, o: Required<Omit<LongOptions, 'plant'>> & LongOptions): string[] {
  const names = [
    ...new Set(c.inputLog().flatMap((i) => (i.kind === 'client' ? [i.client] : []))),
  ].sort();
  healAll(c);
  const failures = convergeAfterHealing(c, o.settleMs);
  if (!c.runUntil(() => c.history().every((h) => h.status !== 'pending'), o.settleMs))
    failures.push(`clients still waiting ${o.settleMs} ms after healing`);
  // Every client reads every user once more, so a lost write shows.
  const finals = names.flatMap((name) => names.map((user) => c.client(name).getState(user)));
  if (!c.runUntil(() => finals.every((op) => op.done), o.settleMs))
    failures.push('the final reads did not finish');
  const history = c.history();
  failures.push(...linearizability(history, o.checkSteps).failures);
  // The final reads may have met an election (a removed server standing,
  // §4.2.2): the writes are read from a leader once there is one again.
  if (!c.runUntil(() => c.leader() !== null, o.settleMs))
    failures.push(`no leader within ${o.settleMs} ms of the final reads`);
  else if (failures.length === 0) failures.push(...checkWrites(c, history, names));
  for (const v of c.violations()) failures.push(`${v.property} at ${v.at} ms: ${v.detail}`);
  const planted = o.plant?.(c);
  if (planted) failures.push(planted);
  return failures;
}
