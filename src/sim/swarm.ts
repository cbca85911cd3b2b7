import type { NodeId } from '../raft';
import { createCluster, lastIndexOf, termAt, type Cluster, type ClusterHooks } from './cluster';
import type { Input } from './inputs';
import type { ClusterOptions } from './options';
import { Prng } from './prng';

/**
 * Swarm testing (as in TigerBeetle's simulator): every seed picks its own
 * cluster size and fault rates, runs a faulty phase of random crashes,
 * restarts, partitions, one-way cuts and client proposals, then heals
 * everything and requires convergence within a bound. Safety is checked
 * throughout by the cluster's invariant checker.
 */
export interface SwarmOptions {
  /** Length of the faulty phase, in virtual ms. */
  faultyMs?: number;
  /** After healing, how long the cluster has to elect a leader and converge, in virtual ms. */
  convergeMs?: number;
  /** Mean gap between client proposals, in virtual ms. */
  proposalGapMs?: number;
}

export interface SwarmResult {
  seed: number;
  ok: boolean;
  /** Why the seed failed, in words; empty when ok. */
  failures: string[];
  options: ClusterOptions;
  traceHash: string;
  committed: number;
  /** The command that replays this seed. */
  replay: string;
  /** The last trace lines, when the run kept recent events. */
  traceTail: string[];
  /** The run's input log: `replay(options, inputLog, at)` rebuilds it to any instant. */
  inputLog: readonly Input[];
}

/** Trace lines kept in a result to show how a failing seed ended. */
const TRACE_TAIL_LINES = 60;

export const SWARM_DEFAULTS: Required<SwarmOptions> = {
  faultyMs: 5_000,
  convergeMs: 10_000,
  proposalGapMs: 25,
};

/** The cluster options a seed picks for itself. */
export function swarmOptions(seed: number): ClusterOptions {
  const pick = Prng.derive(seed, 'swarm', 'options');
  return {
    nodes: [3, 5, 5, 7][pick.int(0, 3)] ?? 5,
    seed,
    dropRate: pick.int(0, 3) === 0 ? 0 : pick.next() * 0.2,
    duplicateRate: pick.int(0, 2) === 0 ? 0 : pick.next() * 0.1,
    latencyMs: [1 + pick.int(0, 10), 15 + pick.int(0, 40)],
    // The protocol's switches beyond §5, each on for some seeds.
    preVote: pick.next() < 0.5,
    checkQuorum: pick.next() < 0.5,
    snapshotEvery: pick.next() < 0.3 ? pick.int(5, 60) : 0,
  };
}

/**
 * Runs one seed. `overrides` changes the cluster options the seed picked
 * (e.g. a teaching bug switch, to show the swarm catches it).
 */
export function runSwarmSeed(
  seed: number,
  options: SwarmOptions = {},
  hooks: ClusterHooks = { recentEvents: 0 },
  overrides: Partial<ClusterOptions> = {},
): SwarmResult {
  const o = { ...SWARM_DEFAULTS, ...options };
  const clusterOptions = { ...swarmOptions(seed), ...overrides };
  const c = createCluster(clusterOptions, hooks);
  const faults = Prng.derive(seed, 'swarm', 'faults');
  const crashRate = faults.next() * 0.3; // chance that a fault step crashes or restarts a node
  const partitionRate = faults.next() * 0.3;
  let proposals = 0;
  while (c.now < o.faultyMs) {
    c.advance(faults.int(1, o.proposalGapMs * 2));
    const leader = c.leader();
    if (leader !== null) c.propose(leader, `p${proposals++}`);
    if (faults.next() < 0.1) injectFault(c, faults, crashRate, partitionRate);
  }

  // Heal everything, then require a leader and equal committed logs within the bound.
  healAll(c);
  const failures = convergeAfterHealing(c, o.convergeMs);
  for (const v of c.violations()) failures.push(`${v.property}: ${v.detail}`);
  return {
    seed,
    ok: failures.length === 0,
    failures,
    options: clusterOptions,
    traceHash: c.traceHash(),
    committed: c.ids.reduce((m, id) => Math.max(m, c.node(id).commitIndex), 0),
    replay: `npm run swarm -- --seed ${seed}`,
    traceTail: c.traceLines().slice(-TRACE_TAIL_LINES),
    inputLog: c.inputLog(),
  };
}

export function injectFault(c: Cluster, rng: Prng, crashRate: number, partitionRate: number): void {
  const ids = c.ids;
  const someone = (): NodeId => ids[rng.int(0, ids.length - 1)] ?? 1;
  const r = rng.next();
  if (r < crashRate) {
    const id = someone();
    if (c.node(id).alive) c.crash(id);
    else c.restart(id);
  } else if (r < crashRate + partitionRate) {
    const groups: NodeId[][] = [[], []];
    for (const id of ids) groups[rng.int(0, 1)]?.push(id);
    c.partition(groups);
  } else if (r < crashRate + partitionRate + 0.2) {
    const from = someone();
    const to = someone();
    if (from !== to) c.setLink(from, to, !c.isLinkUp(from, to));
  } else if (r < crashRate + partitionRate + 0.4) {
    c.heal();
  } else if (r < crashRate + partitionRate + 0.5) {
    changeCluster(c, rng);
  } else {
    for (const id of ids) if (!c.node(id).alive) c.restart(id);
  }
}

/** Leadership transfers (§3.10) and servers added or removed one at a time (§4.1), under the faults. */
function changeCluster(c: Cluster, rng: Prng): void {
  const leader = c.leader();
  if (leader === null) return;
  const voters = c.node(leader).config?.voters ?? c.ids;
  const r = rng.next();
  try {
    if (r < 0.4) c.transferLeadership(leader, voters[rng.int(0, voters.length - 1)] ?? leader);
    else if (r < 0.7 && c.ids.length < MEMBERSHIP_SERVERS_MAX) c.addServer();
    else if (voters.length > MEMBERSHIP_VOTERS_MIN)
      c.removeServer(voters[rng.int(0, voters.length - 1)] ?? leader);
  } catch (e) {
    // A change refused now (one is still pending, or nobody leads) is a
    // correct answer, not a failure.
    if (!(e instanceof RangeError)) throw e;
  }
}

/** The swarm grows a cluster to at most this many servers... */
const MEMBERSHIP_SERVERS_MAX = 9;
/** ...and shrinks its voters to no fewer than this. */
const MEMBERSHIP_VOTERS_MIN = 3;

/** Ends every fault: every link healed, no loss or duplication, every crashed server restarted. */
export function healAll(c: Cluster): void {
  c.heal();
  c.setDropRate(0);
  c.setDuplicateRate(0);
  for (const id of c.ids) if (!c.node(id).alive) c.restart(id);
}

/** After healAll: a leader, then one committed log on every member, each within `boundMs`; what failed, in words. */
export function convergeAfterHealing(c: Cluster, boundMs: number): string[] {
  if (!c.runUntil(() => c.leader() !== null, boundMs))
    return [`no leader within ${boundMs} ms of healing`];
  c.propose(c.leader() ?? 1, 'final');
  if (!c.runUntil(() => converged(c), boundMs))
    return [`the committed logs did not converge within ${boundMs} ms of healing`];
  return [];
}

/**
 * A leader holds an entry of its own term, every node has committed the
 * leader's whole log, and all logs agree up to there.
 */
function converged(c: Cluster): boolean {
  const leaderId = c.leader();
  if (leaderId === null) return false;
  const leader = c.node(leaderId);
  const last = lastIndexOf(leader);
  if (termAt(leader, last) !== leader.term) return false;
  // Every member of the leader's configuration; removed servers are out.
  const config = leader.config;
  const members = config ? [...config.voters, ...config.learners] : c.ids;
  return members.every((id) => {
    const n = c.node(id);
    if (!n.alive || n.commitIndex < last) return false;
    for (let i = 1; i <= last; i++) {
      const mine = termAt(n, i);
      const theirs = termAt(leader, i);
      // Compacted entries are committed, and so equal wherever they are held.
      if (mine !== null && theirs !== null && mine !== theirs) return false;
    }
    return true;
  });
}
