/**
 * Delta debugging (Zeller and Hildebrandt's ddmin): the smallest list of
 * items, found by dropping chunks, then single items, for which `fails`
 * still holds. A failing seed's input log shrinks this way to a short story.
 * The result is 1-minimal (dropping any one more item makes it pass) unless
 * the budget of `fails` calls ran out first.
 */
export interface Shrunk<T> {
  readonly items: readonly T[];
  /** Calls of `fails` made. */
  readonly tests: number;
  /** False when the budget ran out before the list was 1-minimal. */
  readonly minimal: boolean;
}

/** Calls of `fails` a shrink makes at most, by default: each is a whole replay. */
export const SHRINK_TESTS_MAX = 400;

export function shrinkList<T>(
  items: readonly T[],
  fails: (subset: readonly T[]) => boolean,
  testsMax = SHRINK_TESTS_MAX,
): Shrunk<T> {
  let current = [...items];
  let tests = 0;
  const tryFails = (subset: readonly T[]): boolean => {
    tests++;
    return fails(subset);
  };
  let chunks = 2;
  while (current.length >= 2) {
    const size = Math.ceil(current.length / chunks);
    const parts: T[][] = [];
    for (let k = 0; k < current.length; k += size) parts.push(current.slice(k, k + size));
    let reduced = false;
    // First a part alone, then everything but a part.
    for (const part of parts) {
      if (tests >= testsMax) return { items: current, tests, minimal: false };
      if (part.length < current.length && tryFails(part)) {
        current = part;
        chunks = 2;
        reduced = true;
        break;
      }
    }
    if (!reduced && parts.length > 2) {
      for (let k = 0; k < parts.length; k++) {
        if (tests >= testsMax) return { items: current, tests, minimal: false };
        const rest = parts.filter((_, j) => j !== k).flat();
        if (tryFails(rest)) {
          current = rest;
          chunks = Math.max(chunks - 1, 2);
          reduced = true;
          break;
        }
      }
    }
    if (reduced) continue;
    if (chunks >= current.length) break;
    chunks = Math.min(chunks * 2, current.length);
  }
  return { items: current, tests, minimal: true };
}
