import { describe, expect, it } from 'vitest';
import { initialLanguage, LOCALES } from './index.ts';

/** Every leaf of a catalogue, as dotted paths, with its kind. */
function leaves(m: unknown, prefix = ''): string[] {
  if (typeof m === 'string') return [`${prefix}:string`];
  if (typeof m === 'function') return [`${prefix}:function/${m.length}`];
  return Object.entries(m as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('languages', () => {
  it('offers English first and Simplified Chinese', () => {
    expect(LOCALES.map((l) => l.meta.code)).toEqual(['en', 'zh']);
  });

  it('every language has exactly the English keys, and no empty string', () => {
    const english = LOCALES[0]!.messages;
    for (const locale of LOCALES) {
      expect(leaves(locale.messages)).toEqual(leaves(english));
      expect(leaves(locale.messages).length).toBeGreaterThan(0);
      const empty = (m: unknown): boolean =>
        typeof m === 'string'
          ? m.trim() === ''
          : typeof m === 'object' && m !== null && Object.values(m).some(empty);
      expect(empty(locale.messages)).toBe(false);
    }
  });

  it('picks the remembered language, else the browser’s, else English', () => {
    expect(initialLanguage('zh', ['en-US'])).toBe('zh');
    expect(initialLanguage('xx', ['zh-CN', 'en'])).toBe('zh');
    expect(initialLanguage(null, ['fr-FR', 'de'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
  });
});
