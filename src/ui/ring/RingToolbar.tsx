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
  return (
    <div className="ring-toolbar" role="toolbar" aria-label="Cluster view">
      <button
        type="button"
        disabled={!running || !partitioned}
        onClick={onHealAll}
        aria-keyshortcuts="h"
      >
        Heal all links
      </button>
      <button
        type="button"
        aria-pressed={display.theme === 'dark'}
        onClick={display.toggleTheme}
        aria-keyshortcuts="d"
      >
        Dark theme
      </button>
      <button
        type="button"
        aria-pressed={display.presenter}
        onClick={display.togglePresenter}
        aria-keyshortcuts="p"
      >
        Presenter mode
      </button>
      <button type="button" onClick={onHelp} aria-keyshortcuts="?">
        Keyboard shortcuts
      </button>
    </div>
  );
}
