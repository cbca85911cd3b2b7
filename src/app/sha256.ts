/**
 * SHA-256 (FIPS 180-4) in pure TypeScript: no crypto API, so the app layer
 * stays a pure function of its input and runs the same in a Worker, in Node
 * and in a test. Used for password hashes and for state digests.
 *
 * Words are kept in 32-bit signed integers (`| 0`), the form V8 computes
 * fastest; `>>> 0` turns them unsigned only for hex output.
 */
import { utf8Encode } from './utf8';

/** FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube
 *  roots of the first 64 primes. */
// prettier-ignore
const K = Int32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
);

/** FIPS 180-4 §5.3.3: the initial hash value H(0). */
// prettier-ignore
const H0 = Int32Array.of(
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
);

const BLOCK_BYTES = 64;
/** Padding adds at least the 0x80 byte and the 8-byte message length. */
const PADDING_BYTES_MIN = 9;
/** 2^29: a byte count at or above it has a bit count of 2^32 or more. */
const BYTES_PER_HIGH_BIT_WORD = 0x20000000;

/** SHA-256 of bytes, or of a string encoded as UTF-8; lowercase hex out. */
export function sha256Hex(message: Uint8Array | string): string {
  const bytes = typeof message === 'string' ? utf8Encode(message) : message;
  const h = H0.slice();
  const w = new Int32Array(64);

  const fullBlocks = Math.floor(bytes.length / BLOCK_BYTES);
  for (let block = 0; block < fullBlocks; block++) compress(h, w, bytes, block * BLOCK_BYTES);

  // FIPS 180-4 §5.1.1: append 0x80, zeros, then the length in bits as a
  // 64-bit big-endian number, to a whole number of blocks.
  const restBytes = bytes.length - fullBlocks * BLOCK_BYTES;
  const tail = new Uint8Array(
    restBytes + PADDING_BYTES_MIN <= BLOCK_BYTES ? BLOCK_BYTES : 2 * BLOCK_BYTES,
  );
  tail.set(bytes.subarray(fullBlocks * BLOCK_BYTES));
  tail[restBytes] = 0x80;
  writeWord(tail, tail.length - 8, Math.floor(bytes.length / BYTES_PER_HIGH_BIT_WORD));
  writeWord(tail, tail.length - 4, (bytes.length * 8) >>> 0);
  for (let offset = 0; offset < tail.length; offset += BLOCK_BYTES) compress(h, w, tail, offset);

  let hex = '';
  for (const word of h) hex += (word >>> 0).toString(16).padStart(8, '0');
  return hex;
}

function writeWord(bytes: Uint8Array, offset: number, word: number): void {
  bytes[offset] = word >>> 24;
  bytes[offset + 1] = word >>> 16;
  bytes[offset + 2] = word >>> 8;
  bytes[offset + 3] = word;
}

/** FIPS 180-4 §6.2.2: one block into the running hash `h`; `w` is scratch
 *  space for the message schedule, reused to spare the garbage collector. */
function compress(h: Int32Array, w: Int32Array, bytes: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const i = offset + 4 * t;
    w[t] = (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15]!;
    const y = w[t - 2]!;
    const sigma0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const sigma1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16]! + sigma0 + w[t - 7]! + sigma1) | 0;
  }

  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let k = h[7]!;
  for (let t = 0; t < 64; t++) {
    const bigSigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const choose = (e & f) ^ (~e & g);
    const t1 = (k + bigSigma1 + choose + K[t]! + w[t]!) | 0;
    const bigSigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const majority = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (bigSigma0 + majority) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + k) | 0;
}
