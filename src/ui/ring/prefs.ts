/** The page's display preferences, remembered in localStorage. */
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'raft-playground:theme';
export const PRESENTER_KEY = 'raft-playground:presenter';

/** The remembered theme, else the system's (prefers-color-scheme). */
export function initialTheme(stored: string | null, prefersDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return prefersDark ? 'dark' : 'light';
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: preferences last for this page only
  }
}

export function readPref(key: string): string | null {
  return storage()?.getItem(key) ?? null;
}

export function writePref(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Full or disabled storage: the switch still works for this page.
  }
}

/** Sets the theme on <html>, where views.css and ring.css key off it. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export function applyPresenter(on: boolean): void {
  if (on) document.documentElement.dataset.presenter = '';
  else delete document.documentElement.dataset.presenter;
}
