import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { appliedEverywhere, committedOn, downAt, leaderWriteIndex, opsSince } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import { login, write } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';

/** Bound on one write's way through the log: a few round trips, and a client retry. */
export const WRITE_WITHIN_MS = 2_000;

/** Lesson 3: log replication and commitment (Raft §5.3). */
export const replication: Lesson = {
  id: 'replication',
  title: (m) => m.replication.title,
  setup: { seed: 1, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    {
      narration: (m) => m.replication.leader,
      until: { holds: (v) => v.leader() !== null, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.replication.append,
      actions: [login('alice', 'alice-pw'), write('alice', 'hello')],
      until: { holds: (v) => leaderWriteIndex(v, 'hello') !== null, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.replication.majority,
      until: {
        holds: (v) => {
          const index = leaderWriteIndex(v, 'hello');
          const leader = v.leader();
          return index !== null && leader !== null && committedOn(v, index).includes(leader);
        },
        withinMs: WRITE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.replication.apply,
      until: {
        holds: (v) => appliedEverywhere(v, 'alice', 'hello'),
        withinMs: WRITE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.replication.tryIt,
      task: {
        goal: (m) => m.replication.taskGoal,
        hint: (m) => m.replication.taskHint,
        // A write the service confirmed while at least two servers were down.
        check: (v, start) =>
          opsSince(v, start).some(
            (op) =>
              op.kind === 'setState' &&
              op.status === 'ok' &&
              op.completeMs !== null &&
              downAt(v.inputLog(), op.completeMs).size >= 2,
          ),
        solution: [
          {
            afterMs: 0,
            actions: (v) => {
              const followers = v.ids.filter((id) => id !== v.leader()).slice(0, 2);
              return [
                ...followers.map((id) => ({ kind: 'crash', id }) as const),
                write('alice', 'two down'),
              ];
            },
          },
        ],
        withinMs: WRITE_WITHIN_MS,
      },
    },
  ],
};
