import { useEffect, useRef } from 'react';
import { useMessages } from '../i18n/index.ts';
import { SHORTCUTS } from './shortcuts.ts';

/** The keyboard shortcuts, as a dialog opened with `?`. */
export function HelpPanel({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const h = useMessages().help;
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
      <h2 id="help-title">{h.title}</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.keys(h)} className="help__row">
            <dt>
              <kbd>{s.keys(h)}</kbd>
            </dt>
            <dd>{s.what(h)}</dd>
          </div>
        ))}
      </dl>
      <p>{h.quiet}</p>
      <button type="button" onClick={onClose}>
        {h.closeButton}
      </button>
    </div>
  );
}
