import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { newLeader, withRole } from '../facts.ts';
import type { Lesson } from '../lesson.ts';

/** How long the first election may take: a few timeouts of 150..300 ms and a round trip. */
export const ELECTION_WITHIN_MS = 2_000;

/** Lesson 1: timeouts, votes, terms (Raft §5.2). */
export const election: Lesson = {
  id: 'election',
  title: (m) => m.election.title,
  setup: { seed: 1, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    {
      narration: (m) => m.election.followers,
      until: { holds: (v) => withRole(v, 'candidate').length > 0, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.election.candidate,
      until: { holds: (v) => v.leader() !== null, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.election.heartbeats,
      until: { withinMs: 1_000 },
    },
    {
      narration: (m) => m.election.tryIt,
      task: {
        goal: (m) => m.election.taskGoal,
        hint: (m) => m.election.taskHint,
        check: (v, start) => newLeader(v, start) === 3,
        solution: [{ afterMs: 0, actions: [{ kind: 'timeoutNow', id: 3 }] }],
        withinMs: ELECTION_WITHIN_MS,
      },
    },
  ],
};
