import { useEffect, useRef } from 'react';
import { isTypingTarget, shortcutFor, type ShortcutAction } from './shortcuts.ts';

/**
 * One keydown listener on the document for the page's shortcuts; quiet
 * while the user types in a field, and for keys with Ctrl, Cmd or Alt.
 * `handle` returns false when it did nothing with the key.
 */
export function useShortcuts(handle: (action: ShortcutAction) => boolean) {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target as HTMLElement | null)) return;
      const action = shortcutFor(event);
      if (!action) return;
      // Space and Enter on a focused button press it; leave them be.
      const onButton = (event.target as HTMLElement | null)?.closest?.(
        'button, [role="button"], a, [role="menuitem"]',
      );
      if (action.kind === 'playPause' && onButton) return;
      if (latest.current(action)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
