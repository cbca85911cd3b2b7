import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { allAnswered, appliedEverywhere, opsSince } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import { login, write } from './actions.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** The service's refusals that keep one user out of another's state. */
const SESSION_REFUSALS: readonly (string | undefined)[] = ['bad-password', 'not-logged-in'];

/** Lesson 11: sessions, one user cannot change another user's state (dissertation §6.3). */
export const sessions: Lesson = {
  id: 'sessions',
  title: (m) => m.sessions.title,
  setup: { seed: 11, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    {
      narration: (m) => m.sessions.register,
      actions: [login('alice', 'alice-pw'), write('alice', 'alice notes')],
      until: {
        holds: (v) => appliedEverywhere(v, 'alice', 'alice notes'),
        withinMs: WRITE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.sessions.bob,
      actions: [login('bob', 'bob-pw'), write('bob', 'bob notes')],
      until: { holds: (v) => appliedEverywhere(v, 'bob', 'bob notes'), withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.sessions.wrongPassword,
      actions: [login('alice', 'guess')],
      until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.sessions.noSession,
      actions: [write('mallory', 'mine now')],
      until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.sessions.tryIt,
      task: {
        goal: (m) => m.sessions.taskGoal,
        hint: (m) => m.sessions.taskHint,
        // Refused, and alice's state is still hers on every server.
        check: (v, start) =>
          opsSince(v, start).some(
            (op) => op.status === 'fail' && SESSION_REFUSALS.includes(op.code),
          ) && appliedEverywhere(v, 'alice', 'alice notes'),
        solution: [{ afterMs: 0, actions: [login('alice', 'letmein')] }],
        withinMs: WRITE_WITHIN_MS,
      },
    },
  ],
};
