import { FIGURE_8 } from '../../../sim/figures.ts';
import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import type { Lesson, LessonMessages } from '../lesson.ts';
import { ELECTION_WITHIN_MS } from './election.ts';

/** How long S1 has to hear S3's answer and count it (a round trip at most), in ms. */
const COUNT_MS = 100;
/** How long the rest of the story takes to play out, in ms. */
const SETTLE_MS = 1_000;

/**
 * Lesson 7: the paper's Figure 8, the commit rule (Raft §5.4.2), once with
 * the teaching bug on (a leader commits an old term's entry by counting
 * copies) and once without it. The steps are those of the paper's figure;
 * only the narration of what differs is the bug's own.
 */
function figure8Lesson(bug: boolean): Lesson {
  const say = (m: LessonMessages) => (bug ? m.figure8Bug : m.figure8);
  return {
    id: bug ? 'figure8Bug' : 'figure8',
    title: (m) => say(m).title,
    setup: {
      seed: 8,
      options: {
        ...DEFAULT_PAGE_OPTIONS,
        noopOnElection: false,
        bugs: bug ? ['commitOldTermByCount'] : [],
      },
      initial: FIGURE_8,
    },
    steps: [
      {
        narration: (m) => m.figure8Story.before,
        // S1's AppendEntries must reach S2 and S3 only; votes still flow from S4 and S5 to it.
        actions: [
          { kind: 'setLink', from: 1, to: 4, up: false },
          { kind: 'setLink', from: 1, to: 5, up: false },
          { kind: 'timeoutNow', id: 1 },
        ],
        until: { holds: (v) => v.node(1).role === 'leader', withinMs: ELECTION_WITHIN_MS },
      },
      {
        narration: (m) => m.figure8Story.copy,
        until: { holds: (v) => v.node(3).log.length >= 2, withinMs: ELECTION_WITHIN_MS },
      },
      {
        narration: (m) => say(m).count,
        until: { withinMs: COUNT_MS },
      },
      {
        narration: (m) => say(m).s5Wins,
        // S5 stands twice in one instant, so it asks in term 5, above the term 4 that S2 and S3 voted in.
        actions: [
          { kind: 'crash', id: 1 },
          { kind: 'heal' },
          { kind: 'timeoutNow', id: 5 },
          { kind: 'timeoutNow', id: 5 },
        ],
        until: { holds: (v) => v.node(5).role === 'leader', withinMs: ELECTION_WITHIN_MS },
      },
      {
        narration: (m) => say(m).overwrite,
        actions: [{ kind: 'propose', id: 5, command: 'term-5' }],
        // With the bug, the run pauses where a server applies a different entry at index 2.
        until: bug
          ? {
              holds: (v) => v.violations().some((x) => x.property === 'State Machine Safety'),
              withinMs: SETTLE_MS,
            }
          : { withinMs: SETTLE_MS },
      },
      {
        narration: (m) => say(m).end,
        actions: [{ kind: 'restart', id: 1 }],
        until: { withinMs: SETTLE_MS },
      },
    ],
  };
}

export const figure8Bug = figure8Lesson(true);
export const figure8 = figure8Lesson(false);
