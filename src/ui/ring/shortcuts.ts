/** What a key press asks the page to do. */
export type ShortcutAction =
  | { readonly kind: 'playPause' }
  | { readonly kind: 'step' }
  | { readonly kind: 'select'; readonly id: number }
  | { readonly kind: 'crash' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'timeoutNow' }
  | { readonly kind: 'isolate' }
  | { readonly kind: 'transfer' }
  | { readonly kind: 'healAll' }
  | { readonly kind: 'help' }
  | { readonly kind: 'theme' }
  | { readonly kind: 'presenter' }
  | { readonly kind: 'back' }
  | { readonly kind: 'present' }
  | { readonly kind: 'escape' };

/** The help panel's list, in the order shown. */
export const SHORTCUTS: readonly { readonly keys: string; readonly what: string }[] = [
  { keys: 'Space', what: 'Play or pause' },
  { keys: '. or n', what: 'Step to the next event' },
  { keys: '1 – 9', what: 'Select server S1 – S9' },
  { keys: 'c', what: 'Crash the selected server' },
  { keys: 'r', what: 'Restart the selected server' },
  { keys: 't', what: 'Make the selected server time out now' },
  { keys: 'i', what: 'Isolate the selected server' },
  { keys: 'l', what: 'Transfer leadership to the selected server' },
  { keys: 'h', what: 'Heal all links' },
  { keys: '[', what: 'Timeline: 500 ms back' },
  { keys: ']', what: 'Timeline: back to the present' },
  { keys: 'd', what: 'Switch light and dark theme' },
  { keys: 'p', what: 'Presenter mode (large type)' },
  { keys: '?', what: 'Show or hide this help' },
  { keys: 'Esc', what: 'Close a menu or this help' },
];

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

const SINGLE: Readonly<Record<string, ShortcutAction>> = {
  ' ': { kind: 'playPause' },
  '.': { kind: 'step' },
  n: { kind: 'step' },
  c: { kind: 'crash' },
  r: { kind: 'restart' },
  t: { kind: 'timeoutNow' },
  i: { kind: 'isolate' },
  l: { kind: 'transfer' },
  h: { kind: 'healAll' },
  '?': { kind: 'help' },
  d: { kind: 'theme' },
  p: { kind: 'presenter' },
  '[': { kind: 'back' },
  ']': { kind: 'present' },
  Escape: { kind: 'escape' },
};

/** The action for a key, or null; modified keys (Ctrl, Cmd, Alt) belong to the browser. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (/^[1-9]$/.test(event.key)) return { kind: 'select', id: Number(event.key) };
  return SINGLE[event.key] ?? null;
}

/** Whether key presses go to something the user types in (then shortcuts stay quiet). */
export function isTypingTarget(
  target: { tagName?: string; isContentEditable?: boolean } | null,
): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}
