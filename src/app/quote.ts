/**
 * Quote a value from a command for an error message. Commands come from the
 * log and may hold anything, so the quote is bounded and escaped: a 10 MB
 * string or a control character must not end up in the event feed.
 */

/** Longest excerpt of a value shown in an error message, in characters. */
const QUOTE_CHARS_MAX = 24;

export function quote(text: string): string {
  const excerpt = text.length > QUOTE_CHARS_MAX ? `${text.slice(0, QUOTE_CHARS_MAX)}…` : text;
  return JSON.stringify(excerpt);
}

/** Name the type of a value the way a student would: "a number", "null", "an array". */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    default:
      return `a ${typeof value}`;
  }
}

/** Show a scalar as itself ("1.5", "NaN", a quoted string), anything else by type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describeType(value);
}
