import { useMessages } from '../i18n/index.ts';
import type { useDisplay } from './useDisplay.ts';

interface Props {
  display: ReturnType<typeof useDisplay>;
  running: boolean;
  partitioned: boolean;
  onHelp: () => void;
  onHealAll: () => void;
}

/** Heal all, help, theme and presenter switches. */
export function RingToolbar({ display, running, partitioned, onHelp, onHealAll }: Props) {
  const r = useMessages().ring;
  return (
    <div className="ring-toolbar" role="toolbar" aria-label={r.toolbar}>
      <button
        type="button"
        disabled={!running || !partitioned}
        onClick={onHealAll}
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
      <button type="button" className="secondary" onClick={onHelp} aria-keyshortcuts="?">
        {r.shortcuts}
      </button>
    </div>
  );
}
