import { describe, expect, it } from 'vitest';
import { messages as en } from './i18n/locales/en.ts';
import { DEFAULT_SEED, parsePageParams } from './url.ts';

describe('parsePageParams', () => {
  it('uses the default seed when the address names none', () => {
    expect(parsePageParams('')).toMatchObject({
      seed: DEFAULT_SEED,
      paused: false,
      seedProblem: null,
      test: false,
    });
  });

  it('reads ?seed= and ?paused', () => {
    expect(parsePageParams('?seed=12345&paused=1')).toMatchObject({
      seed: 12345,
      paused: true,
      seedProblem: null,
      test: false,
    });
    expect(parsePageParams('?paused').paused).toBe(true);
    expect(parsePageParams('?paused=0').paused).toBe(false);
    expect(parsePageParams('?test=1').test).toBe(true);
  });

  it('explains a seed it cannot use, and falls back to the default', () => {
    for (const bad of ['abc', '-1', '1.5', '4294967296']) {
      const params = parsePageParams(`?seed=${bad}`);
      expect(params.seed).toBe(DEFAULT_SEED);
      expect(params.seedProblem?.(en)).toContain(`"${bad}"`);
    }
  });
});
