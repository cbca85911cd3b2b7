import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { nodes, withRole } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import type { LessonView } from '../view.ts';
import { ELECTION_WITHIN_MS } from './election.ts';

/** The narrow range of this lesson's election timeouts, in ms: servers time out nearly together. */
export const SPLIT_TIMEOUT_MS: readonly [number, number] = [150, 160];

/** The term in which two or more servers stand at once, or null. */
export function splitTerm(v: LessonView): number | null {
  const candidates = withRole(v, 'candidate').map((id) => v.node(id).term);
  const term = candidates.find((t, k) => candidates.indexOf(t) !== k);
  return term ?? null;
}

/** Lesson 2: a split vote, and why timeouts are random (Raft §5.2). */
export const splitVote: Lesson = {
  id: 'splitVote',
  title: (m) => m.splitVote.title,
  setup: { seed: 3, options: { ...DEFAULT_PAGE_OPTIONS, electionTimeoutMs: SPLIT_TIMEOUT_MS } },
  steps: [
    {
      narration: (m) => m.splitVote.narrow,
      until: { holds: (v) => splitTerm(v) !== null, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.splitVote.split,
      // The split term is over when some server moves on to a later one.
      until: {
        holds: (v, start) => nodes(v).some((n) => n.term > start.maxTerm),
        withinMs: ELECTION_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.splitVote.again,
      until: { holds: (v) => v.leader() !== null, withinMs: 5_000 },
    },
    { narration: (m) => m.splitVote.why },
  ],
};
