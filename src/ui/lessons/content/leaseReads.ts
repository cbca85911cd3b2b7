import type { NodeId } from '../../../sim/index.ts';
import { clockRate, resolveOptions } from '../../../sim/options.ts';
import { clusterOptions, DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { allAnswered, appliedEverywhere, converged, deposedLeaders, newLeader } from '../facts.ts';
import type { Lesson, LessonSetup } from '../lesson.ts';
import { login, read, write } from './actions.ts';
import { oldReadSince } from './staleReads.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** The lease assumes perfect clocks, while each server's clock runs at 1 ± up to half. */
export const LEASE_DRIFT_BOUND = 0;
export const LEASE_CLOCK_DRIFT = 0.5;

/** Twice the default: the gap between the slow leader's lease and the others' grows with it. */
export const LEASE_ELECTION_TIMEOUT_MS: readonly [number, number] = [300, 600];

/** The seed whose clocks tell the story: one server's runs at about half speed, the others' near or above 1. */
export const LEASE_SEED = 5;

/** Each server's clock rate in a run: fixed by the seed, like the hardware it stands for. */
export function clockRates(setup: LessonSetup): Map<NodeId, number> {
  const options = resolveOptions(clusterOptions(setup.seed, setup.options));
  const ids = Array.from({ length: options.nodes }, (_, k) => k + 1);
  return new Map(ids.map((id) => [id, clockRate(options, id)]));
}

/** The servers from the slowest clock to the fastest. */
function bySpeed(setup: LessonSetup): NodeId[] {
  const rates = clockRates(setup);
  return [...rates.keys()].sort((a, b) => rates.get(a)! - rates.get(b)!);
}

/**
 * How long after the cut every other server has stopped counting itself
 * in the leader's lease (the minimum election timeout by its own clock),
 * and will grant a vote (§6.4.1).
 */
function othersLeaseMs(setup: LessonSetup, leader: NodeId): number {
  const rates = clockRates(setup);
  const slowest = Math.min(...[...rates].filter(([id]) => id !== leader).map(([, r]) => r));
  return Math.ceil(setup.options.electionTimeoutMs[0] / slowest) + 1;
}

/** The lease lesson on the clocks of `seed` (the tests pick the seed where the story happens). */
export function leaseReadsLesson(seed: number): Lesson {
  const setup: LessonSetup = {
    seed,
    options: {
      ...DEFAULT_PAGE_OPTIONS,
      leaseReads: true,
      clockDriftBound: LEASE_DRIFT_BOUND,
      clockDrift: LEASE_CLOCK_DRIFT,
      // Long timeouts make long leases: room, in real time, between the others' and the slow leader's.
      electionTimeoutMs: LEASE_ELECTION_TIMEOUT_MS,
    },
  };
  const order = bySpeed(setup);
  const slow = order[0]!;
  const fast = order.at(-1)!;
  return {
    id: 'leaseReads',
    title: (m) => m.leaseReads.title,
    setup,
    steps: [
      {
        narration: (m) => m.leaseReads.start(`S${slow}`),
        actions: [
          { kind: 'timeoutNow', id: slow },
          login('alice', 'alice-pw'),
          write('alice', 'v1'),
        ],
        until: {
          holds: (v) => v.leader() === slow && appliedEverywhere(v, 'alice', 'v1'),
          withinMs: WRITE_WITHIN_MS,
        },
      },
      {
        narration: (m) => m.leaseReads.read,
        actions: [read('bob', 'alice', false, slow)],
        until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
      },
      {
        narration: (m) => m.leaseReads.cut,
        actions: (v) => [
          { kind: 'partition', groups: [[slow], v.ids.filter((id) => id !== slow)] },
        ],
        until: { withinMs: othersLeaseMs(setup, slow) },
      },
      {
        narration: (m) => m.leaseReads.elect(`S${fast}`),
        actions: [{ kind: 'timeoutNow', id: fast }],
        until: { holds: (v, start) => newLeader(v, start) !== null, withinMs: ELECTION_WITHIN_MS },
      },
      {
        narration: (m) => m.leaseReads.write,
        actions: (v) => [write('alice', 'v2', v.leader() ?? undefined)],
        // Paused strictly after the answer: a read asked at that very instant would be concurrent with it.
        until: {
          holds: (v) =>
            allAnswered(v) && v.history().every((op) => (op.completeMs ?? v.now) < v.now),
          withinMs: WRITE_WITHIN_MS,
        },
        task: {
          goal: (m) => m.leaseReads.taskGoal,
          hint: (m) => m.leaseReads.taskHint,
          // Not a stale read asked for: a linearizable one that the lease answered with the past.
          check: oldReadSince(false),
          // Bob's client asks the server it last heard lead: the old one.
          solution: [{ afterMs: 0, actions: [read('bob', 'alice', false)] }],
          withinMs: WRITE_WITHIN_MS,
        },
      },
      {
        narration: (m) => m.leaseReads.staleRead,
        // Bob's client still believes the old leader leads, and asks it.
        actions: (v) => {
          const old = deposedLeaders(v)[0];
          return old === undefined ? [] : [read('bob', 'alice', false, old)];
        },
        until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
      },
      {
        narration: (m) => m.leaseReads.heal,
        actions: [{ kind: 'heal' }],
        until: { holds: converged, withinMs: WRITE_WITHIN_MS },
      },
    ],
  };
}

/** Lesson: lease reads, and what clock drift beyond the bound does to them (dissertation §6.4.1). */
export const leaseReads: Lesson = leaseReadsLesson(LEASE_SEED);
