import { useCallback, useEffect, useState } from 'react';
import {
  applyPresenter,
  applyTheme,
  initialTheme,
  PRESENTER_KEY,
  readPref,
  THEME_KEY,
  writePref,
  type Theme,
} from './prefs.ts';

/** Theme and presenter mode: applied to <html>, remembered across visits. */
export function useDisplay() {
  const [theme, setTheme] = useState<Theme>(() =>
    initialTheme(
      readPref(THEME_KEY),
      window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
    ),
  );
  const [presenter, setPresenter] = useState(() => readPref(PRESENTER_KEY) === '1');
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => applyPresenter(presenter), [presenter]);
  const toggleTheme = useCallback(() => {
    setTheme((t) => {
      const next = t === 'dark' ? 'light' : 'dark';
      writePref(THEME_KEY, next);
      return next;
    });
  }, []);
  const togglePresenter = useCallback(() => {
    setPresenter((p) => {
      writePref(PRESENTER_KEY, p ? '0' : '1');
      return !p;
    });
  }, []);
  return { theme, presenter, toggleTheme, togglePresenter };
}
