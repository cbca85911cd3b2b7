/**
 * A fast, non-cryptographic 64-bit hash built from two 32-bit lanes, fed
 * numbers rather than strings so that hashing a trace costs no formatting.
 * Integers up to 2^53 are mixed exactly; other numbers by their float bits.
 */
export class Hash64 {
  private a: number;
  private b: number;

  constructor(seed = 0) {
    this.a = (0x811c9dc5 ^ seed) >>> 0;
    this.b = (0x9e3779b9 ^ Math.imul(seed, 0x85ebca6b)) >>> 0;
  }

  add(n: number): this {
    const lo = n | 0;
    const hi = Number.isInteger(n) ? Math.floor(n / 4294967296) | 0 : floatBits(n);
    this.a = Math.imul(this.a ^ lo, 0x01000193);
    this.a = Math.imul(this.a ^ hi, 0x01000193);
    this.b = Math.imul(this.b ^ lo, 0x5bd1e995);
    this.b ^= this.b >>> 15;
    this.b = Math.imul(this.b ^ hi, 0x27d4eb2d);
    return this;
  }

  addString(s: string): this {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return this.add(s.length).add(h);
  }

  /** A 32-bit digest (for use as a key). */
  digest32(): number {
    return (fmix(this.a) ^ Math.imul(fmix(this.b), 3)) >>> 0;
  }

  hex(): string {
    return fmix(this.a).toString(16).padStart(8, '0') + fmix(this.b).toString(16).padStart(8, '0');
  }
}

/** Mixes a 32-bit value into a 32-bit hash (murmur3's round and finaliser). */
export function mix32(h: number, value: number): number {
  let k = Math.imul(value | 0, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  return fmix(h);
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const floatView = new Float64Array(1);
const floatWords = new Int32Array(floatView.buffer);
function floatBits(n: number): number {
  floatView[0] = n;
  return (floatWords[0] ?? 0) ^ (floatWords[1] ?? 0);
}

/** A 32-bit hash of a log entry's command, by value (so a structured clone hashes alike). */
export function hashCommand(command: unknown): number {
  return hashText(stableStringify(command));
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/**
 * JSON with object keys sorted, so equal values give equal text. Built by
 * appending, without an array per object or list: it runs once per new log
 * entry and per input hashed into a trace. A hole in an array writes as
 * nothing ("[1,,2]"), `undefined` and what JSON cannot write by their type.
 */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? typeof value;
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      if (i in value) text += stableStringify(value[i]);
    }
    return text + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (i > 0) text += ',';
    text += JSON.stringify(key) + ':' + stableStringify(record[key]);
  }
  return text + '}';
}
