/**
 * The set of operations linearized so far, as a typed bitset with a
 * Zobrist hash: each operation has a fixed pseudo-random 32-bit key and the
 * hash is the XOR of the keys of the members, so adding or removing a member
 * updates the hash in O(1) instead of rehashing every word.
 */
export class LinearizedSet {
  readonly words: Uint32Array;
  hash = 0;
  private readonly keys: Int32Array;

  constructor(size: number) {
    this.words = new Uint32Array(wordCount(size));
    this.keys = Int32Array.from({ length: size }, (_, i) => mix32(i + 1));
  }

  add(i: number): void {
    const w = i >>> 5;
    this.words[w] = this.words[w]! | (1 << (i & 31));
    this.hash ^= this.keys[i]!;
  }

  delete(i: number): void {
    const w = i >>> 5;
    this.words[w] = this.words[w]! & ~(1 << (i & 31));
    this.hash ^= this.keys[i]!;
  }
}

/** 32-bit words needed for `size` bits. */
export function wordCount(size: number): number {
  return (size + 31) >>> 5;
}

/**
 * A fixed bijective mixer on 32-bit integers (MurmurHash3's finaliser):
 * deterministic, so runs are reproducible, and it spreads consecutive
 * operation indices over all bits.
 */
export function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
