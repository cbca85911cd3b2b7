import { describe, expect, it } from 'vitest';
import { messages as en } from '../i18n/locales/en.ts';
import { isTypingTarget, shortcutFor, SHORTCUTS } from './shortcuts.ts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps the demo keys', () => {
    expect(shortcutFor(key(' '))).toEqual({ kind: 'playPause' });
    expect(shortcutFor(key('.'))).toEqual({ kind: 'step' });
    expect(shortcutFor(key('n'))).toEqual({ kind: 'step' });
    expect(shortcutFor(key('3'))).toEqual({ kind: 'select', id: 3 });
    expect(shortcutFor(key('c'))).toEqual({ kind: 'crash' });
    expect(shortcutFor(key('r'))).toEqual({ kind: 'restart' });
    expect(shortcutFor(key('t'))).toEqual({ kind: 'timeoutNow' });
    expect(shortcutFor(key('h'))).toEqual({ kind: 'healAll' });
    expect(shortcutFor(key('?'))).toEqual({ kind: 'help' });
  });

  it('leaves modified keys and unknown keys to the browser', () => {
    expect(shortcutFor(key('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('c', { metaKey: true }))).toBeNull();
    expect(shortcutFor(key('0'))).toBeNull();
    expect(shortcutFor(key('x'))).toBeNull();
  });

  it('stays quiet while the user types', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'textarea' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('lists every mapped key in the help panel', () => {
    const listed = SHORTCUTS.map((s) => s.keys(en.help)).join(' ');
    for (const k of ['Space', '.', 'n', 'c', 'r', 't', 'h', '?', '1 – 9'])
      expect(listed).toContain(k);
  });
});
