import { expect } from 'vitest';
import { setLanguage } from '../i18n/index.ts';
import type { Checked } from './checker.ts';

// What the property tests of every reader from outside (a run link or file,
// the saved session, a lesson file or link) hold a reader's answer to.

/** Han characters: a zh message has some, an en one (about ASCII input) none. */
export const HAN = /[\u4e00-\u9fff]/;

/** A refusal as the page shows it: a non-empty sentence, ending as a sentence does. */
export function expectSentence(problem: string): void {
  expect(problem.trim()).not.toBe('');
  expect(problem.trim()).toMatch(/[.。!?！？)）”"]$/u);
}

/** A check's outcome in both languages: the same verdict, each refusal in its own language. */
export async function inBothLanguages<T>(
  read: () => Checked<T> | Promise<Checked<T>>,
  asciiInput: boolean,
): Promise<Checked<T>> {
  setLanguage('en');
  const en = await read();
  setLanguage('zh');
  const zh = await read();
  setLanguage('en');
  expect(zh.ok).toBe(en.ok);
  if (!en.ok && !zh.ok) {
    expectSentence(en.problem);
    expectSentence(zh.problem);
    expect(zh.problem).toMatch(HAN);
    if (asciiInput) expect(en.problem).not.toMatch(HAN);
  }
  return en;
}

/** Whether a text is printable ASCII only (so an en message about it has no Han in it). */
export const isAscii = (text: string): boolean => !/[^\x20-\x7e]/.test(text);

/** JSON's view of a value: a value that went through JSON is equal to this, -0 and all. */
export const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Every path of a JSON tree, the root's (empty) first. */
function pathsOf(root: unknown): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(value)) value.forEach((v, k) => walk(v, [...path, k]));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(root, []);
  return paths;
}

/** Replaces the value at one path of a JSON tree: a file broken in one place. */
export function withOneValueReplaced(root: unknown, pick: number, replacement: unknown): unknown {
  const paths = pathsOf(root);
  const path = paths[pick % paths.length]!;
  if (path.length === 0) return replacement;
  const copy = viaJson(root) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = replacement;
  return copy;
}

/** Removes the value at one path of a JSON tree (a field, or an item of a list). */
export function withOneValueRemoved(root: unknown, pick: number): unknown {
  const paths = pathsOf(root).slice(1);
  if (paths.length === 0) return root;
  const path = paths[pick % paths.length]!;
  const copy = viaJson(root) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (Array.isArray(at)) at.splice(last as number, 1);
  else delete at[last];
  return copy;
}
