/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of
 * state, passes PractRand to 2^40+ bytes, and is a handful of 32-bit ops.
 * Every stream in a run derives from one root seed by name, so adding a
 * client or a link never changes the draws of a node's election timer.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    for (let i = 0; i < 12; i++) this.nextUint32(); // mix the seed in
  }

  /** The stream named `path` under the root `seed`, e.g. derive(seed, 'link', 1, 2). */
  static derive(seed: number, ...path: (string | number)[]): Prng {
    let h = splitmix32(seed >>> 0);
    for (const part of path) {
      const text = String(part);
      for (let i = 0; i < text.length; i++) h = splitmix32(h ^ text.charCodeAt(i));
      h = splitmix32(h ^ 0x2f); // separator, so ('ab') differs from ('a','b')
    }
    return new Prng(h, splitmix32(h ^ 0x9e3779b9), splitmix32(h ^ 0x7f4a7c15), seed >>> 0);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new Error(`empty range [${min}, ${max}]`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** The full state, to save and restore a stream (e.g. across a Worker's messages). */
  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }
}

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
