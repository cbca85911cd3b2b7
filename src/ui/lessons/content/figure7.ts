import { FIGURE_7 } from '../../../sim/figures.ts';
import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { converged } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import { ELECTION_WITHIN_MS } from './election.ts';

/** Lesson 6: the paper's Figure 7, a new leader repairs six follower logs (Raft §5.3). */
export const figure7: Lesson = {
  id: 'figure7',
  title: (m) => m.figure7.title,
  setup: { seed: 7, options: { ...DEFAULT_PAGE_OPTIONS, nodes: 7 }, initial: FIGURE_7 },
  steps: [
    {
      narration: (m) => m.figure7.logs,
      // S1 stands for term 8 before anyone else's timer runs out.
      actions: [{ kind: 'timeoutNow', id: 1 }],
      until: { holds: (v) => v.node(1).role === 'leader', withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.figure7.votes,
      until: { holds: converged, withinMs: ELECTION_WITHIN_MS },
    },
    { narration: (m) => m.figure7.repaired },
  ],
};
