import type { Operation } from '../operation';

/**
 * Splits a history into one part per key, in order of each key's first
 * appearance (so the split, and the verdict, are deterministic). Operations
 * on different keys of a map commute, so the map is linearizable iff every
 * key is (Herlihy and Wing's locality).
 */
export function partitionByKey<I, O>(
  history: readonly Operation<I, O>[],
  keyOf: (input: I) => string,
): Operation<I, O>[][] {
  const parts = new Map<string, Operation<I, O>[]>();
  for (const op of history) {
    const key = keyOf(op.input);
    const part = parts.get(key);
    if (part === undefined) parts.set(key, [op]);
    else part.push(op);
  }
  return [...parts.values()];
}
