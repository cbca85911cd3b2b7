import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, CONTRAST_TEXT_MIN } from './contrast.ts';
import {
  CONTRAST_PAIRS,
  TERM_BACKGROUNDS,
  TERM_FG,
  THEME_TOKENS,
  termColourClass,
} from './theme.ts';

const THEMES = [
  ['light', 0],
  ['dark', 1],
] as const;

const UI = join(import.meta.dirname, '..');
const TOKENS = join(UI, 'tokens.css');

/** Every style sheet of the page but the tokens', by path. */
function styleSheets(): string[] {
  return readdirSync(UI, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.css'))
    .map((f) => join(UI, f))
    .filter((f) => f !== TOKENS);
}

/** Every `--name: light-dark(#a, #b)` declaration of tokens.css. */
function cssPairs(): Map<string, [string, string]> {
  const css = readFileSync(TOKENS, 'utf8');
  const found = new Map<string, [string, string]>();
  for (const m of css.matchAll(
    /(--[\w-]+):\s*light-dark\(\s*(#[0-9a-f]+)\s*,\s*(#[0-9a-f]+)\s*\)/gi,
  ))
    found.set(m[1] ?? '', [m[2] ?? '', m[3] ?? '']);
  return found;
}

describe('theme colours', () => {
  it.each(THEMES)('keeps every text and mark readable in the %s theme', (_name, k) => {
    for (const [fg, bg, min] of CONTRAST_PAIRS) {
      const ratio = contrastRatio(THEME_TOKENS[fg][k], THEME_TOKENS[bg][k]);
      expect(ratio, `${fg} on ${bg}`).toBeGreaterThanOrEqual(min);
    }
  });

  it.each(THEMES)('gives term numbers at least 4.5:1 on every term colour (%s)', (_name, k) => {
    for (const bg of TERM_BACKGROUNDS) {
      expect(contrastRatio(TERM_FG[k], bg[k]), bg[k]).toBeGreaterThanOrEqual(CONTRAST_TEXT_MIN);
    }
  });

  it('has every other style sheet use the tokens, never a colour of its own', () => {
    const sheets = styleSheets();
    expect(sheets.length).toBeGreaterThan(3);
    for (const file of sheets) {
      const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css.match(/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|light-dark)\(/gi), file).toBeNull();
    }
  });

  it('declares in tokens.css exactly the colours the tests check', () => {
    const css = cssPairs();
    for (const [name, pair] of Object.entries(THEME_TOKENS))
      expect(css.get(name), name).toEqual(pair);
    TERM_BACKGROUNDS.forEach((pair, i) => expect(css.get(`--rv-term-${i}`)).toEqual(pair));
    expect(css.get('--rv-term-fg')).toEqual(TERM_FG);
  });

  it('gives each term a fixed colour that cycles', () => {
    const n = TERM_BACKGROUNDS.length;
    expect(termColourClass(1)).toBe('rv-term-0');
    expect(termColourClass(2)).toBe('rv-term-1');
    expect(termColourClass(1 + n)).toBe('rv-term-0');
    expect(termColourClass(0)).toBe(`rv-term-${n - 1}`);
    expect(new Set(TERM_BACKGROUNDS.map((p) => p[0])).size).toBe(n);
  });
});
