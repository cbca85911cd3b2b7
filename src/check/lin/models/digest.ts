/**
 * A 30-bit polynomial hash of a string that can be extended: the digest of
 * `a + b` is `extendDigest(stringDigest(a), b)`. Models keep it beside each
 * value so that an append costs the length of the suffix, not of the value.
 * 30 bits, because V8 stores such an integer inline (a Smi) and a wider one
 * as a separate heap number, and the search keeps hundreds of thousands.
 */
const DIGEST_MULTIPLIER = 0x01000193; // the 32-bit FNV prime: odd, so no bits are lost
const DIGEST_MASK = 0x3fffffff;

export const EMPTY_DIGEST = 0x011c9dc5; // FNV offset basis, cut to 30 bits: "" does not hash to 0

export function extendDigest(digest: number, suffix: string): number {
  let h = digest;
  for (let i = 0; i < suffix.length; i++)
    h = Math.imul(h, DIGEST_MULTIPLIER) + suffix.charCodeAt(i);
  // Arithmetic modulo 2^32 and then 2^30 agrees with arithmetic modulo 2^30,
  // so extending a masked digest gives the masked digest of the whole.
  return h & DIGEST_MASK;
}

export function stringDigest(text: string): number {
  return extendDigest(EMPTY_DIGEST, text);
}
