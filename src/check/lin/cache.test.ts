import { describe, expect, it } from 'vitest';
import { LinearizedSet, wordCount } from './bitset';
import { ConfigurationCache } from './cache';

describe('ConfigurationCache', () => {
  it('tells a new configuration from one seen before, by set and by state', () => {
    const set = new LinearizedSet(40);
    const cache = new ConfigurationCache<number>(wordCount(40), (a, b) => a === b);
    set.add(3);
    set.add(35);

    expect(cache.addIfAbsent(set, 7, set.hash)).toBe(true);
    expect(cache.addIfAbsent(set, 7, set.hash)).toBe(false);
    expect(cache.addIfAbsent(set, 8, set.hash)).toBe(true);
    set.delete(35);
    expect(cache.addIfAbsent(set, 7, set.hash)).toBe(true);
    expect(cache.size).toBe(3);
  });

  it('keeps every entry as it grows, even when all keys collide', () => {
    const size = 64;
    const set = new LinearizedSet(size);
    const cache = new ConfigurationCache<number>(wordCount(size), (a, b) => a === b);
    const COLLIDING_KEY = 42;
    const ENTRIES = 5000;
    for (let state = 0; state < ENTRIES; state++) {
      expect(cache.addIfAbsent(set, state, COLLIDING_KEY)).toBe(true);
    }
    for (let state = 0; state < ENTRIES; state += 97) {
      expect(cache.addIfAbsent(set, state, COLLIDING_KEY)).toBe(false);
    }
    expect(cache.size).toBe(ENTRIES);
  });
});

describe('LinearizedSet', () => {
  it('hashes by members only, whatever the order they came in', () => {
    const a = new LinearizedSet(100);
    const b = new LinearizedSet(100);
    a.add(1);
    a.add(70);
    b.add(70);
    b.add(5);
    b.add(1);
    b.delete(5);

    expect(a.hash).toBe(b.hash);
    expect([...a.words]).toEqual([...b.words]);
  });
});
