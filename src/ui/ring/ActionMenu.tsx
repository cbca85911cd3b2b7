import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { MenuItem } from './actions.ts';

interface Props {
  title: string;
  items: readonly MenuItem[];
  /** Where to show it, in px from the cluster panel's top left. */
  at: { left: number; top: number };
  onClose: (restoreFocus: boolean) => void;
  testId: string;
}

/**
 * A small menu of actions (role=menu): focus goes to its first item, arrow
 * keys move, Escape closes and gives focus back to what opened it.
 */
export function ActionMenu({ title, items, at, onClose, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, []);
  useEffect(() => {
    const away = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose(true);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [
      ...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
    ];
    const k = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      buttons[(k + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
  };
  return (
    <div
      ref={ref}
      className="action-menu"
      role="menu"
      aria-label={title}
      data-testid={testId}
      style={{ left: at.left, top: at.top }}
      onKeyDown={onKeyDown}
    >
      <p className="action-menu__title" aria-hidden="true">
        {title}
      </p>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          disabled={item.disabledBecause !== null}
          title={item.disabledBecause ?? undefined}
          onClick={() => {
            onClose(true);
            void item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
