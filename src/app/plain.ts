/**
 * Read untrusted plain data (a log entry, a snapshot from disk) the way JSON
 * and structured clone see it: plain objects only, own enumerable
 * properties only. Anything else would let one server see a field that
 * another server, holding a copy, does not.
 */

export interface PlainObject {
  /** The value of an own enumerable property, or undefined. */
  readonly read: (key: string) => unknown;
  /** The own enumerable string keys, in order. */
  readonly keys: () => readonly string[];
}

/** A reader for `raw` if it is a plain object (not null, not an array, not
 *  a class instance), else null. May throw on a hostile Proxy or getter. */
export function plainObject(raw: unknown): PlainObject | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const prototype: unknown = Object.getPrototypeOf(raw);
  if (prototype !== Object.prototype && prototype !== null) return null;
  const fields = raw as Readonly<Record<string, unknown>>;
  return {
    read: (key) =>
      Object.prototype.propertyIsEnumerable.call(fields, key) ? fields[key] : undefined,
    keys: () => Object.keys(fields),
  };
}
