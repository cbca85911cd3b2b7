import { describe, expect, it } from 'vitest';
import { IndexWindow } from './window';

describe('IndexWindow', () => {
  it('reads and writes by absolute index, and forgets a prefix in batches', () => {
    const w = new IndexWindow<number>();
    for (let i = 0; i < 3000; i++) w.push(i * 10);
    expect(w.get(2999)).toBe(29990);
    w.forgetBelow(10); // too small a prefix to be worth splicing: kept
    expect(w.start).toBe(0);
    w.forgetBelow(2000);
    expect([w.start, w.length, w.get(1999), w.get(2000)]).toEqual([2000, 3000, undefined, 20000]);
    w.set(1000, 1); // below the window: ignored
    expect(w.get(1000)).toBeUndefined();
    w.truncate(2500);
    expect([w.length, w.get(2499), w.get(2500)]).toEqual([2500, 24990, undefined]);
  });
});
