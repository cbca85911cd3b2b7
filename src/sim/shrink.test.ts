import { describe, expect, it } from 'vitest';
import { shrinkList } from './shrink';

describe('delta debugging', () => {
  const upTo = (n: number) => Array.from({ length: n }, (_, k) => k);

  it('shrinks to the two items a failure needs, wherever they are', () => {
    const fails = (xs: readonly number[]) => xs.includes(13) && xs.includes(71);
    const shrunk = shrinkList(upTo(100), fails);
    expect([...shrunk.items].sort((a, b) => a - b)).toEqual([13, 71]);
    expect(shrunk.minimal).toBe(true);
    // ddmin finds a 2-item cause in about 4 log2(n) tests per item kept (75
    // here), far below the 2^100 subsets.
    expect(shrunk.tests).toBeLessThan(100);
  });

  it('keeps the order of what it keeps, and a list no smaller failure is found in', () => {
    // Fails when 5 comes before 3: order matters, as in an input log.
    const fails = (xs: readonly number[]) =>
      xs.indexOf(5) >= 0 && xs.indexOf(5) < xs.lastIndexOf(3);
    const shrunk = shrinkList([3, 1, 5, 2, 3, 4], fails);
    expect(shrunk.items).toEqual([5, 3]);
  });

  it('is 1-minimal: dropping any one item of the result makes it pass', () => {
    const fails = (xs: readonly number[]) => xs.filter((x) => x % 7 === 0).length >= 3;
    const shrunk = shrinkList(upTo(50), fails);
    expect(shrunk.items).toHaveLength(3);
    for (let k = 0; k < shrunk.items.length; k++)
      expect(fails(shrunk.items.filter((_, j) => j !== k))).toBe(false);
  });

  it('stops at its budget and says the result may not be minimal', () => {
    const fails = (xs: readonly number[]) => xs.length >= 10;
    const shrunk = shrinkList(upTo(1000), fails, 5);
    expect(shrunk.tests).toBe(5);
    expect(shrunk.minimal).toBe(false);
    expect(fails(shrunk.items)).toBe(true);
  });
});
