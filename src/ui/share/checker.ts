// The checks every file from outside goes through (a run, a lesson): each
// field's type and bounds, the first problem found thrown as Invalid and
// turned into words at the checker's door (`checked`). A format brings its
// own catalogue, so a message names a run or a lesson.

/** A check's outcome: the value, rebuilt from checked parts only, or what is wrong in words. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** The messages of the checks below, in the page's language. */
export interface CheckerTexts {
  notObject(path: string, got: string): string;
  unknownField(path: string): string;
  missing(path: string): string;
  notInteger(path: string, min: number, max: number, got: string): string;
  notBoolean(path: string, got: string): string;
  notString(path: string, got: string): string;
  notArray(path: string, got: string): string;
  tooMany(path: string, count: number, max: number): string;
}

export type Json = Record<string, unknown>;

/** Thrown inside a checker, caught at its door: the first problem found. */
class Invalid extends Error {}

/** Characters of a bad value quoted back in a message. */
const QUOTE_CHARS_MAX = 40;

export function fail(problem: string): never {
  throw new Invalid(problem);
}

/** `check`'s value, or the problem it threw; any other error is a bug and goes on up. */
export function checked<T>(check: () => T): Checked<T> {
  try {
    return { ok: true, value: check() };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, problem: error.message };
    throw error;
  }
}

export function quote(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Nested too deep to write out (a hostile file): String() would recurse
    // into an array as deep, so brackets stand for the value instead.
    text = Array.isArray(value) ? '[…]' : String(value);
  }
  return text.length > QUOTE_CHARS_MAX ? `${text.slice(0, QUOTE_CHARS_MAX - 1)}…` : text;
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** An own field only: a missing `constructor` is missing, not Object's. */
export function field(o: Json, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** The type and bound checks, their messages from `texts` (read at each check: the language may change). */
export function checks(texts: () => CheckerTexts) {
  function object(value: unknown, path: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      fail(texts().notObject(path, quote(value)));
    return value as Json;
  }
  return {
    object,
    /** A plain object with exactly the allowed keys (`__proto__` and the like are just unknown keys). */
    record(
      value: unknown,
      path: string,
      required: readonly string[],
      optional: readonly string[] = [],
    ): Json {
      const o = object(value, path);
      for (const key of Object.keys(o))
        if (!required.includes(key) && !optional.includes(key))
          fail(texts().unknownField(join(path, key)));
      for (const key of required)
        if (!Object.hasOwn(o, key)) fail(texts().missing(join(path, key)));
      return o;
    },
    integer(value: unknown, path: string, min: number, max: number): number {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
        fail(texts().notInteger(path, min, max, quote(value)));
      return value;
    },
    boolean(value: unknown, path: string): boolean {
      if (typeof value !== 'boolean') fail(texts().notBoolean(path, quote(value)));
      return value;
    },
    string(value: unknown, path: string): string {
      if (typeof value !== 'string') fail(texts().notString(path, quote(value)));
      return value;
    },
    array(value: unknown, path: string, max: number): readonly unknown[] {
      if (!Array.isArray(value)) fail(texts().notArray(path, quote(value)));
      if (value.length > max) fail(texts().tooMany(path, value.length, max));
      return value;
    },
  };
}
