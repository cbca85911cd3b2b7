import { RUN_SPEC_VERSION, type RunSpec } from '../share/runSpec.ts';
import { LESSONS, lessonById } from './index.ts';
import type { Lesson } from './lesson.ts';

/** The query key that opens a lesson: `?lesson=election`. */
export const LESSON_KEY = 'lesson';

/** What the address asks for: no lesson, a lesson, or an id that names none (with the ids that do). */
export type LessonRequest =
  | { readonly kind: 'none' }
  | { readonly kind: 'lesson'; readonly lesson: Lesson }
  | { readonly kind: 'unknown'; readonly id: string; readonly ids: readonly string[] };

export function lessonRequest(search: string): LessonRequest {
  const id = new URLSearchParams(search).get(LESSON_KEY);
  if (id === null) return { kind: 'none' };
  const lesson = lessonById(id.trim());
  return lesson
    ? { kind: 'lesson', lesson }
    : { kind: 'unknown', id, ids: LESSONS.map((l) => l.id) };
}

/** The address with `?lesson=` set to `id`, or without it (null). */
export function withLesson(search: string, id: string | null): string {
  const params = new URLSearchParams(search);
  if (id === null) params.delete(LESSON_KEY);
  else params.set(LESSON_KEY, id);
  return `?${params.toString()}`;
}

/** A lesson's setup as a run to open: its seed, options and initial state, at time 0. */
export function lessonSetupSpec(lesson: Lesson): RunSpec {
  const { seed, options, initial } = lesson.setup;
  return {
    version: RUN_SPEC_VERSION,
    seed,
    options,
    ...(initial && { initial }),
    inputs: [],
    atMs: 0,
  };
}
