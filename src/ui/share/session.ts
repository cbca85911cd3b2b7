import type { RunSpec } from './runSpec.ts';
import { parseJson, validateRunSpec, type Checked } from './validate.ts';

/** Where the page keeps the session between visits. */
export const SESSION_KEY = 'raft-playground:session';

/**
 * Characters of the saved session at most: well inside the 5 MB or so a
 * browser gives a site, beside the other preferences. About 30,000 actions.
 */
export const SESSION_CHARS_MAX = 2_000_000;

/** How the last save went: the page says so when it could not. */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly atMs: number }
  | { readonly kind: 'full'; readonly chars: number }
  | { readonly kind: 'unavailable' };

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

/** Saves the run; a run too big for the bound, or for the browser, removes the older one, which would mislead. */
export function saveSession(spec: RunSpec, store: Storage | null = storage()): SaveOutcome {
  if (!store) return { kind: 'unavailable' };
  const text = JSON.stringify(spec);
  const full = (): SaveOutcome => {
    try {
      store.removeItem(SESSION_KEY);
    } catch {
      // Nothing more to do: the message says the session is not saved.
    }
    return { kind: 'full', chars: text.length };
  };
  if (text.length > SESSION_CHARS_MAX) return full();
  try {
    store.setItem(SESSION_KEY, text);
  } catch {
    // QuotaExceededError: the other data of this site leaves too little room.
    return full();
  }
  return { kind: 'saved', atMs: spec.atMs };
}

/** The saved session's text, or null when there is none (or no storage). */
export function readSessionText(store: Storage | null = storage()): string | null {
  try {
    return store?.getItem(SESSION_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Checks a saved session as strictly as a file: another version of the page may have written it. */
export function parseSession(text: string): Checked<RunSpec> {
  const parsed = parseJson(text);
  return parsed.ok ? validateRunSpec(parsed.value) : parsed;
}
