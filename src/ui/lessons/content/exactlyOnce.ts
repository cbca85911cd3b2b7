import type { SetStateValue } from '../../../app/index.ts';
import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import {
  allAnswered,
  holding,
  leaderWriteIndex,
  majority,
  newLeader,
  nodes,
  opsSince,
  userOn,
} from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import type { LessonView, StepStart } from '../view.ts';
import { login, write } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** A majority holds the leader's entry that writes `state` (it will survive the leader). */
function onMajority(v: LessonView, state: string): boolean {
  const leader = v.leader();
  const index = leaderWriteIndex(v, state);
  if (leader === null || index === null) return false;
  const term = v.node(leader).log[index - 1]?.term ?? -1;
  return holding(v, index, term).length >= majority(v);
}

/**
 * A write since the step began that took more than one attempt, and that
 * every live server applied once: its user's version there is the one the
 * write answered with (applied twice, it would be one more).
 */
function retriedOnce(v: LessonView, start: StepStart): boolean {
  return opsSince(v, start).some((op) => {
    if (op.kind !== 'setState' || op.status !== 'ok' || op.attempts < 2) return false;
    const version = (op.output as SetStateValue).version;
    return nodes(v).every((n) => !n.alive || userOn(v, n.id, op.input.user)?.version === version);
  });
}

/** Crashes whoever leads now. */
const crashLeader = (v: LessonView) => {
  const leader = v.leader();
  return leader === null ? [] : [{ kind: 'crash', id: leader } as const];
};

/** Lesson 10: exactly-once writes, a retry after the leader changes (dissertation §6.3). */
export const exactlyOnce: Lesson = {
  id: 'exactlyOnce',
  title: (m) => m.exactlyOnce.title,
  setup: { seed: 10, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    {
      narration: (m) => m.exactlyOnce.session,
      actions: [login('alice', 'alice-pw')],
      until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.exactlyOnce.write,
      actions: [write('alice', 'once')],
      until: { holds: (v) => onMajority(v, 'once'), withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.exactlyOnce.crash,
      actions: crashLeader,
      until: { holds: (v, start) => newLeader(v, start) !== null, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.exactlyOnce.retry,
      until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.exactlyOnce.tryIt,
      task: {
        goal: (m) => m.exactlyOnce.taskGoal,
        hint: (m) => m.exactlyOnce.taskHint,
        check: retriedOnce,
        solution: [
          { afterMs: 0, actions: [write('alice', 'twice?')] },
          // Once the entry has reached the followers, before the answer is back.
          { afterMs: 25, actions: crashLeader },
        ],
        withinMs: WRITE_WITHIN_MS,
      },
    },
  ],
};
