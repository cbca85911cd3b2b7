import { packText, unpackText } from '../share/link.ts';
import type { Checked } from '../share/validate.ts';
import type { LessonDoc } from './schema.ts';
import { LESSON_JSON_CHARS_MAX, parseLessonFile } from './validate.ts';

/** A lesson in a link: `#lesson=` and the lesson file's JSON, packed as a run link's is. */
export const LESSON_LINK_KEY = 'lesson';

/** The lesson as the word after `#lesson=`. */
export function encodeLesson(doc: LessonDoc): Promise<string> {
  return packText(JSON.stringify(doc));
}

/** Unpacks and checks the word after `#lesson=`; a problem says what is wrong. */
export async function decodeLesson(encoded: string): Promise<Checked<LessonDoc>> {
  const text = await unpackText(encoded, LESSON_JSON_CHARS_MAX, LESSON_LINK_KEY);
  return text.ok ? parseLessonFile(text.value) : text;
}

/** The page's address with the lesson in its fragment (the query kept as it is). */
export async function lessonLink(address: string, doc: LessonDoc): Promise<string> {
  const url = new URL(address);
  url.hash = `${LESSON_LINK_KEY}=${await encodeLesson(doc)}`;
  return url.toString();
}
