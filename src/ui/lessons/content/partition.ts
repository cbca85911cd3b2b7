import type { NodeId } from '../../../sim/index.ts';
import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import {
  allAnswered,
  appliedEverywhere,
  converged,
  deposedLeaders,
  newLeader,
  nodes,
  opsSince,
  writeIndexOn,
} from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import type { LessonView } from '../view.ts';
import { login, write } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** Long enough for a client to give up on a write (CLIENT_OP_DEADLINE_MS, 5 s) with some room. */
const GIVE_UP_MS = 5_500;

/** The leader of the step's start and the lowest-numbered other server: the minority side. */
function minority(v: LessonView, leader: NodeId | null): NodeId[] {
  const other = v.ids.find((id) => id !== leader);
  return leader === null || other === undefined ? [] : [leader, other];
}

/** A write whose client gave up (outcome unknown) and that no server's log holds: it can never apply. */
function lostWrite(v: LessonView, since: Parameters<typeof opsSince>[1]): boolean {
  return opsSince(v, since).some(
    (op) =>
      op.kind === 'setState' &&
      op.status === 'info' &&
      nodes(v).every((n) => n.alive && writeIndexOn(n, op.input.state ?? '') === null),
  );
}

/** Lesson 5: a partition; the minority leader cannot commit; what clients see (Raft §5.2, §6.3). */
export const partition: Lesson = {
  id: 'partition',
  title: (m) => m.partition.title,
  setup: { seed: 5, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    {
      narration: (m) => m.partition.start,
      actions: [login('alice', 'alice-pw'), write('alice', 'v1')],
      until: { holds: (v) => appliedEverywhere(v, 'alice', 'v1'), withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.partition.split,
      actions: (v) => {
        const small = minority(v, v.leader());
        return [{ kind: 'partition', groups: [small, v.ids.filter((id) => !small.includes(id))] }];
      },
      until: { holds: (v, start) => newLeader(v, start) !== null, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.partition.minorityWrite,
      // Alice's client still believes the old leader leads, and asks it first.
      actions: [write('alice', 'v2')],
      until: {
        holds: (v) => deposedLeaders(v).some((id) => writeIndexOn(v.node(id), 'v2') !== null),
        withinMs: WRITE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.partition.clientRetries,
      until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.partition.heal,
      actions: [{ kind: 'heal' }],
      until: {
        holds: (v) => appliedEverywhere(v, 'alice', 'v2') && converged(v),
        withinMs: WRITE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.partition.tryIt,
      task: {
        goal: (m) => m.partition.taskGoal,
        hint: (m) => m.partition.taskHint,
        check: (v, start) => v.violations().length === 0 && lostWrite(v, start),
        solution: [
          {
            // Every server alone: no side has a majority, and the write goes to the leader.
            afterMs: 0,
            actions: (v) => [
              { kind: 'partition', groups: v.ids.map((id) => [id]) },
              write('alice', 'lost', v.leader() ?? undefined),
            ],
          },
          {
            // The client has given up; a majority without the old leader elects a new one.
            afterMs: GIVE_UP_MS,
            actions: (v, start) => {
              const rest = v.ids.filter((id) => id !== start.leader);
              return [
                { kind: 'partition', groups: [v.ids.filter((id) => !rest.includes(id)), rest] },
              ];
            },
          },
          { afterMs: ELECTION_WITHIN_MS, actions: [{ kind: 'heal' }] },
        ],
        withinMs: WRITE_WITHIN_MS,
      },
    },
  ],
};
