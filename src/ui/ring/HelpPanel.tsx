import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts.ts';

/** The keyboard shortcuts, as a dialog opened with `?`. */
export function HelpPanel({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div
      ref={ref}
      className="help"
      role="dialog"
      aria-modal="false"
      aria-labelledby="help-title"
      data-testid="help"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id="help-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.keys} className="help__row">
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p>
        Shortcuts stay quiet while you type in a field. On a touch screen, tap a server for its
        menu.
      </p>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
