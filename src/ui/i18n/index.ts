import { useSyncExternalStore } from 'react';
import { readPref, writePref } from '../ring/prefs.ts';
import type { Locale, Messages } from './messages.ts';

export type { Locale, Messages, ProblemParams, Text } from './messages.ts';

export const LANGUAGE_KEY = 'raft-playground:language';

/** Adding a language is one file in ./locales; it is found here by itself. */
const found = import.meta.glob<Locale>('./locales/*.ts', { eager: true });

/** The languages on offer, English first, then by code. */
export const LOCALES: readonly Locale[] = Object.values(found).sort((a, b) =>
  a.meta.code === 'en' ? -1 : b.meta.code === 'en' ? 1 : a.meta.code.localeCompare(b.meta.code),
);

const byCode = new Map(LOCALES.map((l) => [l.meta.code, l]));

/** The remembered language, else the first of the browser's that we have, else English. */
export function initialLanguage(stored: string | null, preferred: readonly string[]): string {
  if (stored !== null && byCode.has(stored)) return stored;
  for (const tag of preferred) {
    const code = tag.toLowerCase().split('-')[0] ?? '';
    if (byCode.has(code)) return code;
  }
  return 'en';
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

let current = initialLanguage(readPref(LANGUAGE_KEY), browserLanguages());
const listeners = new Set<() => void>();

export function language(): string {
  return current;
}

/** The current language's catalogue, for code outside React (the store, describeEvent). */
export function messages(): Messages {
  return (byCode.get(current) ?? byCode.get('en'))!.messages;
}

/** Switches every view at once, remembers the choice, and tells <html lang>. */
export function setLanguage(code: string): void {
  if (!byCode.has(code) || code === current) return;
  current = code;
  writePref(LANGUAGE_KEY, code);
  applyLanguage();
  for (const listener of listeners) listener();
}

/** Sets <html lang>, so screen readers pronounce the page in its language. */
export function applyLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current catalogue; the component redraws when the language changes. */
export function useMessages(): Messages {
  useSyncExternalStore(subscribe, language, language);
  return messages();
}
