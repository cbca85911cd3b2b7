import { messages, type Text } from '../i18n/index.ts';
import { RUN_FILE_BYTES_MAX, RUN_FILE_FORMAT, runFileSpec } from '../share/file.ts';
import { wordInFragment } from '../share/link.ts';
import type { RunSpec } from '../share/runSpec.ts';
import { readAtMost } from '../share/stream.ts';
import { parseJson, type Checked } from '../share/validate.ts';
import { LESSON_FILE_KEY, lessonRequest, nearbyLessonUrl } from './address.ts';
import type { Lesson } from './lesson.ts';
import { decodeLesson, LESSON_LINK_KEY } from './link.ts';
import { LESSON_FORMAT, lessonOf, type LessonDoc } from './schema.ts';
import { LESSON_JSON_CHARS_MAX, parseLessonFile, validateLessonDoc } from './validate.ts';

// The ways a lesson opens besides the library: a file chosen or dropped, a
// link (#lesson=), a file beside the page (?lessonFile=). Each reads text,
// checks it with the one validator (validate.ts) and either gives a lesson
// or says in words why not; nothing here touches the run shown.

/** Bytes of a lesson file read at most: LESSON_JSON_CHARS_MAX, as UTF-8 spends up to 3 bytes a character. */
export const LESSON_FILE_BYTES_MAX = 3 * LESSON_JSON_CHARS_MAX;

/** Longest wait for a lesson file beside the page, before the page opens without it. */
export const LESSON_FETCH_MS_MAX = 10_000;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a file holds, told apart by its `format`: a run, a lesson, or neither (with what is wrong). */
export type FileContent =
  | { readonly kind: 'run'; readonly spec: RunSpec }
  | { readonly kind: 'lesson'; readonly doc: LessonDoc }
  | {
      readonly kind: 'refused';
      /** What it claims to be by its format; null: not JSON, or neither. */
      readonly claims: 'run' | 'lesson' | null;
      readonly problem: string;
    };

function formatOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'format')
    ? (value as { format: unknown }).format
    : undefined;
}

/**
 * A dropped file's text as a run or a lesson: its JSON parsed once, its
 * `format` names the checker (the run file's or the lesson file's).
 */
export function readRunOrLesson(text: string): FileContent {
  const parsed = parseJson(text);
  if (!parsed.ok) return { kind: 'refused', claims: null, problem: parsed.problem };
  const format = formatOf(parsed.value);
  if (format === RUN_FILE_FORMAT) {
    const spec = runFileSpec(parsed.value);
    return spec.ok
      ? { kind: 'run', spec: spec.value }
      : { kind: 'refused', claims: 'run', problem: spec.problem };
  }
  if (format === LESSON_FORMAT) {
    // The run's bound on JSON is the looser: a lesson's is checked here.
    if (text.length > LESSON_JSON_CHARS_MAX) {
      const problem = messages().lessons.file.textTooLong(text.length, LESSON_JSON_CHARS_MAX);
      return { kind: 'refused', claims: 'lesson', problem };
    }
    const doc = validateLessonDoc(parsed.value);
    return doc.ok
      ? { kind: 'lesson', doc: doc.value }
      : { kind: 'refused', claims: 'lesson', problem: doc.problem };
  }
  return {
    kind: 'refused',
    claims: null,
    problem: messages().share.problems.notRunOrLesson(RUN_FILE_FORMAT, LESSON_FORMAT),
  };
}

/** A file chosen or dropped, as the page opens it; a refusal is said in full, with the file's name. */
export type LocalFile =
  | Exclude<FileContent, { kind: 'refused' }>
  | { readonly kind: 'refused'; readonly problem: string };

/**
 * Reads a file chosen or dropped. `accepts`: 'lesson' (the lesson menu's
 * input) checks it as a lesson file; 'any' (a drop) tells a run from a
 * lesson by its format. Its size is checked before it is read.
 */
export async function readLocalFile(
  file: Blob & { readonly name: string },
  accepts: 'lesson' | 'any',
): Promise<LocalFile> {
  const m = messages();
  const asLesson = (detail: string) => m.lessons.file.refused(file.name, detail);
  const asFile = (detail: string) => m.share.badFile(file.name, detail);
  if (accepts === 'lesson' && file.size > LESSON_FILE_BYTES_MAX)
    return {
      kind: 'refused',
      problem: m.lessons.file.tooBig(file.name, file.size, LESSON_FILE_BYTES_MAX),
    };
  if (file.size > RUN_FILE_BYTES_MAX)
    return {
      kind: 'refused',
      problem: asFile(m.share.problems.dropTooBig(file.size, RUN_FILE_BYTES_MAX)),
    };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const detail = m.share.fileUnreadable(describe(error));
    return { kind: 'refused', problem: accepts === 'lesson' ? asLesson(detail) : asFile(detail) };
  }
  if (accepts === 'lesson') {
    const doc = parseLessonFile(text);
    return doc.ok
      ? { kind: 'lesson', doc: doc.value }
      : { kind: 'refused', problem: asLesson(doc.problem) };
  }
  const content = readRunOrLesson(text);
  if (content.kind !== 'refused') return content;
  return {
    kind: 'refused',
    problem: content.claims === 'lesson' ? asLesson(content.problem) : asFile(content.problem),
  };
}

/** A response's body, read up to `maxBytes`; beyond that, the bytes seen (a server may send without end). */
async function boundedText(
  response: Response,
  maxBytes: number,
): Promise<{ readonly text: string } | { readonly bytes: number }> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) return { bytes: declared };
  if (!response.body) return { text: await response.text() };
  const read = await readAtMost(response.body, maxBytes);
  return read instanceof Uint8Array ? { text: new TextDecoder().decode(read) } : read;
}

/** The fetch a lesson file beside the page goes through (the browser's, or a test's). */
export type Fetch = (url: URL, init: RequestInit) => Promise<Response>;

/**
 * Fetches and checks the lesson file at `path` beside the page
 * (`?lessonFile=`): refused unpulled if the path leaves the page's site,
 * and a 404, a network error, a file too big or a bad lesson each say so.
 */
export async function fetchNearbyLesson(
  path: string,
  pageAddress: string,
  fetchFile: Fetch,
): Promise<Checked<LessonDoc>> {
  const f = messages().lessons.file;
  const url = nearbyLessonUrl(path, pageAddress);
  if (!url.ok) return url;
  let body: Awaited<ReturnType<typeof boundedText>>;
  try {
    const response = await fetchFile(url.value, {
      // The server's own files only: a redirect to another site fails too.
      mode: 'same-origin',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(LESSON_FETCH_MS_MAX),
    });
    if (!response.ok) return { ok: false, problem: f.notFound(path, `HTTP ${response.status}`) };
    body = await boundedText(response, LESSON_FILE_BYTES_MAX);
  } catch (error) {
    return { ok: false, problem: f.notFound(path, describe(error)) };
  }
  if (!('text' in body))
    return { ok: false, problem: f.tooBig(path, body.bytes, LESSON_FILE_BYTES_MAX) };
  const doc = parseLessonFile(body.text);
  return doc.ok ? doc : { ok: false, problem: f.refused(path, doc.problem) };
}

/** The lesson the page opens with, if any, and what could not be opened. */
export interface LessonOpening {
  readonly lesson: Lesson | null;
  /** A lesson the address names that could not be opened; the run opens as if none were named. */
  readonly problem: Text | null;
}

export const NO_LESSON_OPENING: LessonOpening = { lesson: null, problem: null };

export interface LessonStart {
  /** location.hash: `#lesson=…` holds a lesson. */
  readonly hash: string;
  /** location.search: `?lessonFile=…` or `?lesson=…`. */
  readonly search: string;
  /** location.href: what `?lessonFile=` is relative to. */
  readonly href: string;
}

/**
 * Which lesson the page opens: one in the link (`#lesson=`) first, then a
 * file beside the page (`?lessonFile=`), then one of the library
 * (`?lesson=`). The first the address names decides; if it cannot be
 * opened, no lesson opens and the problem is said.
 */
export async function chooseLesson(start: LessonStart, fetchFile: Fetch): Promise<LessonOpening> {
  const word = wordInFragment(start.hash, LESSON_LINK_KEY);
  if (word !== null) {
    const doc = await decodeLesson(word);
    if (doc.ok) return { lesson: lessonOf(doc.value), problem: null };
    return { lesson: null, problem: (m) => m.lessons.file.badLink(doc.problem) };
  }
  const path = new URLSearchParams(start.search).get(LESSON_FILE_KEY);
  if (path !== null) {
    const doc = await fetchNearbyLesson(path, start.href, fetchFile);
    if (doc.ok) return { lesson: lessonOf(doc.value), problem: null };
    return { lesson: null, problem: () => doc.problem };
  }
  const request = lessonRequest(start.search);
  if (request.kind === 'lesson') return { lesson: request.lesson, problem: null };
  if (request.kind === 'unknown')
    return { lesson: null, problem: (m) => m.lessons.ui.unknown(request.id, request.ids) };
  return NO_LESSON_OPENING;
}
