import { describe, expect, it } from 'vitest';
import { messages as en } from '../i18n/locales/en.ts';
import type { Input } from '../../sim/index.ts';
import { clampInstant, forkInputs, forkNotice } from './fork.ts';
import { timerArc } from './timer.ts';

const inputs: Input[] = [
  { at: 100, kind: 'crash', id: 1 },
  { at: 250, kind: 'restart', id: 1 },
  { at: 250, kind: 'heal' },
  { at: 400, kind: 'timeoutNow', id: 2 },
];

describe('forking the timeline', () => {
  it('keeps the inputs up to the instant (as replay applies them) and discards the later ones', () => {
    const { kept, discarded } = forkInputs(inputs, 250);
    expect(kept.map((i) => i.at)).toEqual([100, 250, 250]);
    expect(discarded).toEqual([{ at: 400, kind: 'timeoutNow', id: 2 }]);
  });

  it('discards nothing when acting at the present', () => {
    expect(forkInputs(inputs, 400).discarded).toEqual([]);
    expect(forkInputs([], 0)).toEqual({ kept: [], discarded: [] });
  });

  it('says what was discarded, in words', () => {
    expect(forkNotice(1250, 2)(en)).toBe(
      'Forked at 1,250 ms: a new future starts here, and the 2 later actions of the old one were discarded.',
    );
    expect(forkNotice(10, 1)(en)).toContain('the 1 later action of the old one was discarded');
    expect(forkNotice(10, 0)(en)).toBe('Continued from 10 ms: a new future starts here.');
  });

  it('clamps the instant to the run so far', () => {
    expect(clampInstant(-5, 100)).toBe(0);
    expect(clampInstant(150, 100)).toBe(100);
    expect(clampInstant(42.4, 100)).toBe(42);
  });
});

describe('election timer arc', () => {
  it('runs down from the last reset over [min, max]', () => {
    expect(timerArc('follower', true, 0, 0, [150, 300])).toEqual({ beforeMin: 1, beforeMax: 1 });
    expect(timerArc('follower', true, 0, 75, [150, 300])).toEqual({
      beforeMin: 0.5,
      beforeMax: 0.75,
    });
    const late = timerArc('candidate', true, 0, 200, [150, 300]);
    expect(late?.beforeMin).toBe(0);
    expect(late?.beforeMax).toBeCloseTo(1 / 3);
  });

  it('is not drawn for a leader, a crashed server, or before anything was reported', () => {
    expect(timerArc('leader', true, 0, 10, [150, 300])).toBeNull();
    expect(timerArc('follower', false, 0, 10, [150, 300])).toBeNull();
    expect(timerArc('follower', true, undefined, 10, [150, 300])).toBeNull();
  });
});
