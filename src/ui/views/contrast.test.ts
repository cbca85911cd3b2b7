import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex, relativeLuminance } from './contrast.ts';

describe('contrast', () => {
  it('parses short and long hex colours', () => {
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(parseHex('#1D2330')).toEqual([29, 35, 48]);
    expect(() => parseHex('red')).toThrow(/Not a hex colour/);
  });

  it('gives the WCAG luminance of black and white', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1);
  });

  it('gives 21:1 for black on white, 1:1 for a colour on itself, either order', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21);
    expect(contrastRatio('#3d7be0', '#3d7be0')).toBe(1);
  });

  it('matches a known pair: #767676 on white is just above 4.5:1', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
