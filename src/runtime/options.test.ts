import { afterEach, describe, expect, it } from 'vitest';
import type { NodeId } from '../raft';
import { createCluster } from '../sim/cluster';
import type { Client } from '../sim/core';
import type { ClusterOptions, ResolvedOptions } from '../sim/options';
import { Coordinator } from './coordinator';
import { inProcessSpawner } from './in-process';

// Options mean the same in every runtime: each option, changed, changes the
// headless run, and the Worker runtime (its body in this thread) gives the
// very same trace for it. An option one runtime ignored (as `load` once was
// by the coordinator) fails here.

/** What the scenario needs of a runtime; headless calls return at once, the coordinator's later. */
interface Runtime {
  readonly ids: readonly NodeId[];
  advance(ms: number): unknown;
  client(name: string): Client<unknown>;
  leader(): NodeId | null;
  partition(groups: readonly (readonly NodeId[])[]): unknown;
  heal(): unknown;
  traceHash(): string;
}

/** Writes, a read, and the leader cut off for a while: every option has something to act on. */
async function scenario(c: Runtime): Promise<string> {
  await c.advance(400);
  const alice = c.client('alice');
  await alice.login('a-password');
  await c.advance(300);
  await alice.setState('one');
  await c.advance(200);
  await alice.getState('alice');
  await c.advance(100);
  await alice.setState('two');
  await c.advance(300);
  const leader = c.leader();
  if (leader !== null) await c.partition([[leader], c.ids.filter((id) => id !== leader)]);
  await c.advance(1_000);
  await c.heal();
  await c.advance(500);
  return c.traceHash();
}

const running: Coordinator[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.stop();
});

async function inWorkers(options: ClusterOptions): Promise<string> {
  const spawner = inProcessSpawner();
  const c = new Coordinator(options, spawner.spawn, spawner.makeChannel, 'options');
  running.push(c);
  await c.start();
  return scenario(c);
}

const base: ClusterOptions = { nodes: 3, seed: 7 };
/** Two servers hold entries of old terms: for the options about elections and commitment. */
const initial: ClusterOptions['initial'] = {
  1: { term: 2, log: [{ term: 1 }, { term: 2 }] },
  2: { term: 2, log: [{ term: 1 }] },
};

/** For each option: a run to change it in, and the change. */
const VARIANTS: Record<keyof ResolvedOptions, readonly [ClusterOptions, Partial<ClusterOptions>]> =
  {
    nodes: [base, { nodes: 5 }],
    seed: [base, { seed: 8 }],
    electionTimeoutMs: [base, { electionTimeoutMs: [300, 450] }],
    heartbeatMs: [base, { heartbeatMs: 20 }],
    latencyMs: [base, { latencyMs: [5, 9] }],
    dropRate: [base, { dropRate: 0.2 }],
    duplicateRate: [base, { duplicateRate: 0.3 }],
    initial: [base, { initial }],
    bugs: [{ ...base, seed: 1, initial }, { bugs: { voteWithoutLogCheck: true } }],
    noopOnElection: [base, { noopOnElection: false }],
    preVote: [base, { preVote: true }],
    checkQuorum: [base, { checkQuorum: true }],
    leaseReads: [base, { leaseReads: true }],
    clockDriftBound: [{ ...base, leaseReads: true, clockDrift: 0.2 }, { clockDriftBound: 0.5 }],
    clockDrift: [base, { clockDrift: 0.2 }],
    load: [base, { load: { writesPerS: 20 } }],
    snapshotEvery: [base, { snapshotEvery: 2 }],
    clockRates: [base, { clockRates: { 3: 0.7 } }],
  };

describe('every option reaches both runtimes', () => {
  for (const [name, [before, change]] of Object.entries(VARIANTS)) {
    it(`${name}: changes the run, the same way headless and in workers`, async () => {
      const options = { ...before, ...change };
      const headless = await scenario(createCluster(options));
      expect(headless, 'the option changes the headless run').not.toBe(
        await scenario(createCluster(before)),
      );
      expect(await inWorkers(options)).toBe(headless);
    });
  }
});
