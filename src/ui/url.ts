import type { Text } from './i18n/index.ts';
import { parsePageOptions, type PageOptions } from './urlOptions.ts';

/** Seed used when the URL names none: the same page for everyone. */
export const DEFAULT_SEED = 1;

/** Largest seed accepted from a URL (seeds are unsigned 32-bit integers). */
export const SEED_MAX = 2 ** 32 - 1;

export interface PageParams {
  readonly seed: number;
  /** `?paused` starts the run paused at time 0. */
  readonly paused: boolean;
  /** Set when the URL's seed could not be used, explaining why. */
  readonly seedProblem: Text | null;
  /** `?test=1` exposes `window.__raft` for the end-to-end tests (see testHook.ts). */
  readonly test: boolean;
  /** The cluster's options from the address (urlOptions.ts); defaults where absent. */
  readonly options: PageOptions;
  /** Why some option in the address could not be used, one sentence each. */
  readonly optionProblems: readonly Text[];
}

/** Reads `?seed=123&paused` from a query string. */
export function parsePageParams(search: string): PageParams {
  const params = new URLSearchParams(search);
  const paused = flag(params, 'paused');
  const test = flag(params, 'test');
  const { options, problems: optionProblems } = parsePageOptions(search);
  const raw = params.get('seed');
  if (raw === null || raw.trim() === '')
    return { seed: DEFAULT_SEED, paused, seedProblem: null, test, options, optionProblems };
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > SEED_MAX) {
    return {
      seed: DEFAULT_SEED,
      paused,
      test,
      options,
      optionProblems,
      seedProblem: (m) => m.page.badSeed(raw, SEED_MAX, DEFAULT_SEED),
    };
  }
  return { seed, paused, seedProblem: null, test, options, optionProblems };
}

/** `?name`, `?name=1`: on; absent or `?name=0`: off. */
function flag(params: URLSearchParams, name: string): boolean {
  return params.has(name) && params.get(name) !== '0';
}
