import type { Messages } from '../i18n/index.ts';

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

type Help = Messages['help'];

/** The help panel's list, in the order shown: the keys and what they do, in the page's language. */
export const SHORTCUTS: readonly {
  readonly keys: (h: Help) => string;
  readonly what: (h: Help) => string;
}[] = [
  { keys: (h) => h.keySpace, what: (h) => h.playPause },
  { keys: (h) => h.keyStep, what: (h) => h.step },
  { keys: () => '1 – 9', what: (h) => h.select },
  { keys: () => 'c', what: (h) => h.crash },
  { keys: () => 'r', what: (h) => h.restart },
  { keys: () => 't', what: (h) => h.timeout },
  { keys: () => 'i', what: (h) => h.isolate },
  { keys: () => 'l', what: (h) => h.transfer },
  { keys: () => 'h', what: (h) => h.heal },
  { keys: () => '[', what: (h) => h.back },
  { keys: () => ']', what: (h) => h.present },
  { keys: () => 'd', what: (h) => h.theme },
  { keys: () => 'p', what: (h) => h.presenter },
  { keys: () => '?', what: (h) => h.help },
  { keys: (h) => h.keyEsc, what: (h) => h.close },
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
