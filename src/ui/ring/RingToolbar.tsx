import { useMessages } from '../i18n/index.ts';
import type { PlaygroundState } from '../store.ts';
import { usePlayground } from '../usePlayground.ts';
import type { useDisplay } from './useDisplay.ts';

const selectToolbar = (s: PlaygroundState) => ({
  running: s.status === 'running',
  partitioned: s.view.links.some((l) => !l.aToB || !l.bToA),
  heal: s.heal,
});

/** Heal all, and the theme and presenter switches, in the stage's top bar. */
export function RingToolbar({ display }: { display: ReturnType<typeof useDisplay> }) {
  const r = useMessages().ring;
  const { running, partitioned, heal } = usePlayground(selectToolbar);
  return (
    <div className="ring-toolbar" role="toolbar" aria-label={r.toolbar}>
      <button
        type="button"
        disabled={!running || !partitioned}
        onClick={() => void heal()}
        aria-keyshortcuts="h"
      >
        {r.healAll}
      </button>
      <button
        type="button"
        aria-pressed={display.theme === 'dark'}
        onClick={display.toggleTheme}
        aria-keyshortcuts="d"
      >
        {r.dark}
      </button>
      <button
        type="button"
        aria-pressed={display.presenter}
        onClick={display.togglePresenter}
        aria-keyshortcuts="p"
      >
        {r.presenter}
      </button>
    </div>
  );
}
