import type { LinearizedSet } from './bitset';

/** Entries the cache has room for before its first growth. */
const CACHE_INITIAL_CAPACITY_ENTRIES = 1 << 10;
/** Marks an empty bucket or the end of a chain. */
const NO_ENTRY = -1;

/**
 * Lowe's cache of configurations already explored: a pair (set of
 * linearized operations, model state) that was reached once leads to the
 * same outcome when reached again by another order, so the search prunes
 * it. Stored without per-entry objects: a chained hash table whose bitsets
 * live in one growing Uint32Array.
 */
export class ConfigurationCache<S> {
  private readonly wordsPerSet: number;
  private readonly equal: (a: S, b: S) => boolean;
  private buckets: Int32Array;
  private chain: Int32Array;
  private keys: Int32Array;
  private sets: Uint32Array;
  private readonly states: S[] = [];
  private count = 0;

  constructor(wordsPerSet: number, equal: (a: S, b: S) => boolean) {
    this.wordsPerSet = wordsPerSet;
    this.equal = equal;
    this.buckets = new Int32Array(CACHE_INITIAL_CAPACITY_ENTRIES).fill(NO_ENTRY);
    this.chain = new Int32Array(CACHE_INITIAL_CAPACITY_ENTRIES);
    this.keys = new Int32Array(CACHE_INITIAL_CAPACITY_ENTRIES);
    this.sets = new Uint32Array(CACHE_INITIAL_CAPACITY_ENTRIES * wordsPerSet);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Records (set, state) and returns true, or returns false if it was
   * already there. `key` must be a hash of both the set and the state.
   */
  addIfAbsent(set: LinearizedSet, state: S, key: number): boolean {
    const words = set.words;
    const w = this.wordsPerSet;
    for (
      let e = this.buckets[key & (this.buckets.length - 1)]!;
      e !== NO_ENTRY;
      e = this.chain[e]!
    ) {
      if (this.keys[e] !== key) continue;
      let same = true;
      for (let i = 0, base = e * w; i < w; i++) {
        if (this.sets[base + i] !== words[i]) {
          same = false;
          break;
        }
      }
      if (same && this.equal(this.states[e]!, state)) return false;
    }
    if (this.count === this.buckets.length) this.grow();
    const e = this.count++;
    const bucket = key & (this.buckets.length - 1);
    this.keys[e] = key;
    this.chain[e] = this.buckets[bucket]!;
    this.buckets[bucket] = e;
    this.sets.set(words, e * w);
    this.states.push(state);
    return true;
  }

  /** Doubles every array and rehashes: load factor stays at most one entry per bucket. */
  private grow(): void {
    const capacity = this.buckets.length * 2;
    const keys = new Int32Array(capacity);
    keys.set(this.keys);
    const sets = new Uint32Array(capacity * this.wordsPerSet);
    sets.set(this.sets);
    const buckets = new Int32Array(capacity).fill(NO_ENTRY);
    const chain = new Int32Array(capacity);
    for (let e = 0; e < this.count; e++) {
      const bucket = keys[e]! & (capacity - 1);
      chain[e] = buckets[bucket]!;
      buckets[bucket] = e;
    }
    this.keys = keys;
    this.sets = sets;
    this.buckets = buckets;
    this.chain = chain;
  }
}
