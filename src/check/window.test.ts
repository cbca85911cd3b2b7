import { describe, expect, it } from 'vitest';
import { IndexWindow } from './window';

/** A window holding value i * 10 at each index i below `n`. */
function filled(n: number): IndexWindow<number> {
  const w = new IndexWindow<number>();
  for (let i = 0; i < n; i++) w.push(i * 10);
  return w;
}

describe('IndexWindow', () => {
  it('reads and writes by absolute index, and forgets a prefix in batches', () => {
    const w = filled(3000);
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

  it('writes at its lowest held index: the first entry after a compaction (Raft §7) is still kept', () => {
    const w = filled(3000);
    w.forgetBelow(2000);
    w.set(2000, 7);
    expect(w.get(2000)).toBe(7);
  });

  it('splices a prefix of exactly one batch (1024 indexes), the smallest it forgets in a full window', () => {
    const w = filled(3000);
    w.forgetBelow(1023);
    expect(w.start).toBe(0);
    w.forgetBelow(1024);
    expect([w.start, w.get(1023), w.get(1024)]).toEqual([1024, undefined, 10240]);
  });

  it('forgets a short window whole at once: a prefix as long as what it holds is spliced', () => {
    const w = filled(10);
    w.forgetBelow(10);
    expect([w.start, w.length, w.get(9)]).toEqual([10, 10, undefined]);
    // Forgetting less than is already forgotten changes nothing.
    w.forgetBelow(5);
    expect([w.start, w.length]).toEqual([10, 10]);
  });

  it('never forgets past its end: a snapshot index beyond the log leaves the window empty at its length', () => {
    const w = filled(3000);
    w.forgetBelow(5000);
    expect([w.start, w.length]).toEqual([3000, 3000]);
    w.push(1);
    expect(w.get(3000)).toBe(1);
  });

  it('keeps its length when told to truncate beyond it (truncation only cuts)', () => {
    const w = filled(5);
    w.truncate(8);
    expect(w.length).toBe(5);
    w.forgetBelow(5);
    w.truncate(2); // below the window: empties what is held, keeps the base
    expect([w.start, w.length]).toEqual([5, 5]);
  });
});
