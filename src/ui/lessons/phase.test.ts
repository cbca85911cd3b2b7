import { describe, expect, it } from 'vitest';
import type { Step } from './lesson.ts';
import { lessonPhase } from './phase.ts';

// What the lesson panel says, and when Next is offered: a step is "paused"
// only at its own moment, never while its actions are still going in (a
// restart takes a while) or its run is being opened.

const waits: Step = {
  narration: { en: '' },
  until: { holds: () => true, withinMs: 100 },
};
const runsFor: Step = { narration: { en: '' }, until: { withinMs: 100 } };
const at = (k: number, begun = true, opening = false) => ({ k, begun, opening });
const paused = (tag: number, reached = true) => ({ tag, deadlineMs: 100, pausedAtMs: 50, reached });

describe('the lesson phase', () => {
  it('is opening while its run opens, and running until its start is stamped', () => {
    expect(lessonPhase(waits, at(1, false, true), paused(1), false)).toBe('opening');
    expect(lessonPhase(waits, at(1, false), null, false)).toBe('running');
    expect(lessonPhase(waits, at(2, false), paused(1), false)).toBe('running');
  });

  it('is running while the previous step’s pause still shows, as its actions go in', () => {
    expect(lessonPhase(waits, at(2), paused(1), false)).toBe('running');
  });

  it('runs toward its moment, or waits for Play, then pauses there', () => {
    const on = { tag: 2, deadlineMs: 100, pausedAtMs: null, reached: false };
    expect(lessonPhase(waits, at(2), on, true)).toBe('running');
    expect(lessonPhase(waits, at(2), on, false)).toBe('waiting');
    expect(lessonPhase(waits, at(2), paused(2), false)).toBe('paused');
  });

  it('says the moment was missed only for a step that waits for one', () => {
    expect(lessonPhase(waits, at(2), paused(2, false), false)).toBe('missed');
    expect(lessonPhase(runsFor, at(2), paused(2, false), false)).toBe('paused');
  });

  it('stands where it is once the run was reset under it', () => {
    expect(lessonPhase(waits, at(2), null, false)).toBe('paused');
  });
});
