import { messages } from '../i18n/index.ts';
import { RUN_SPEC_VERSION, type RunSpec } from '../share/runSpec.ts';
import type { Checked } from '../share/validate.ts';
import { LESSONS, lessonById } from './index.ts';
import type { Lesson } from './lesson.ts';

/** The query key that opens a lesson: `?lesson=election`. */
export const LESSON_KEY = 'lesson';

/**
 * The query key that opens a lesson file beside the page:
 * `?lessonFile=lessons/my-lesson.json`, fetched from the page's own site.
 */
export const LESSON_FILE_KEY = 'lessonFile';

/** The longest path `?lessonFile=` takes. */
const LESSON_PATH_CHARS_MAX = 200;

/** One folder or file name of that path: it cannot begin with a dot, so `.`, `..` and hidden files are out. */
const PATH_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/**
 * Where `?lessonFile=` points: a path relative to the page, ending in
 * .json. Names of letters, digits, `-`, `_` and `.` joined by `/` carry no
 * scheme, host, `//`, `..` or `\`, so the address stays on the page's site
 * and under its folder; anything else is refused, not fetched.
 */
export function nearbyLessonUrl(path: string, pageAddress: string): Checked<URL> {
  const names = path.split('/');
  if (
    path.length > LESSON_PATH_CHARS_MAX ||
    !path.endsWith('.json') ||
    !names.every((name) => PATH_NAME.test(name))
  )
    return { ok: false, problem: messages().lessons.file.badName(path) };
  return { ok: true, value: new URL(path, pageAddress) };
}

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

/**
 * The address with `?lesson=` set to `id`, or without it (null). Either
 * way without `?lessonFile=`: a lesson from anywhere else is not that file.
 */
export function withLesson(search: string, id: string | null): string {
  const params = new URLSearchParams(search);
  params.delete(LESSON_FILE_KEY);
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
