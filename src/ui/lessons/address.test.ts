import { describe, expect, it } from 'vitest';
import { lessonRequest, lessonSetupSpec, withLesson } from './address.ts';
import { LESSONS, lessonById } from './index.ts';

describe('a lesson in the address', () => {
  it('names a lesson of the library by its id', () => {
    expect(lessonRequest('?lesson=figure8')).toEqual({
      kind: 'lesson',
      lesson: lessonById('figure8'),
    });
    expect(lessonRequest('?seed=3')).toEqual({ kind: 'none' });
  });

  it('says an unknown id is unknown, with every id there is', () => {
    expect(lessonRequest('?lesson=Figure9')).toEqual({
      kind: 'unknown',
      id: 'Figure9',
      ids: LESSONS.map((l) => l.id),
    });
  });

  it('is set and removed without touching the rest of the address', () => {
    expect(withLesson('?seed=8&paused=1', 'figure8')).toBe('?seed=8&paused=1&lesson=figure8');
    expect(withLesson('?seed=8&lesson=figure8&paused=1', null)).toBe('?seed=8&paused=1');
  });

  it('opens a lesson at its setup: its seed, options and initial state, at time 0', () => {
    const lesson = lessonById('figure7')!;
    expect(lessonSetupSpec(lesson)).toEqual({
      version: 1,
      seed: lesson.setup.seed,
      options: lesson.setup.options,
      initial: lesson.setup.initial,
      inputs: [],
      atMs: 0,
    });
  });
});
