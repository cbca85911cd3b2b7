import { useContext, useEffect, useState } from 'react';
import { PlaygroundContext } from '../context.ts';
import { currentRunSpec } from './currentRun.ts';
import type { RunBase } from './runSpec.ts';
import { saveSession, type SaveOutcome } from './session.ts';

/**
 * Saves at most this often while the run changes, in wall ms: a reload loses
 * at most a second, and a run that plays at full speed does not spend its
 * frames on writing storage.
 */
export const SESSION_SAVE_WALL_MS = 1_000;

/**
 * Keeps the run in localStorage as it goes (throttled), and once more when
 * the page is hidden or left, so a reload brings it back where it was.
 * Returns how the last save went.
 */
export function useSessionSaver(base: RunBase): SaveOutcome | null {
  const store = useContext(PlaygroundContext);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  useEffect(() => {
    if (!store) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let savedKey = '';
    const save = () => {
      timer = null;
      const spec = currentRunSpec(store.getState(), base);
      if (!spec) return;
      // Nothing new since the last save: the same actions, the same instant.
      const key = `${spec.inputs.length}@${spec.atMs}`;
      if (key === savedKey) return;
      savedKey = key;
      setOutcome(saveSession(spec));
    };
    const schedule = () => {
      timer ??= setTimeout(save, SESSION_SAVE_WALL_MS);
    };
    const flush = () => {
      if (timer !== null) clearTimeout(timer);
      save();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const unsubscribe = store.subscribe((s, old) => {
      if (s.version !== old.version || s.past !== old.past) schedule();
    });
    schedule();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, base]);
  return outcome;
}
