/**
 * A digest of the service state, to compare servers: equal states give
 * equal digests on every server and in every browser, and a checker can
 * ask for it after every applied entry, because it costs O(1).
 *
 * How: every user and session record has a 64-bit hash (two 32-bit lanes of
 * FNV-1a over the record's text, each finished by the murmur3 mixer). The
 * state keeps the sums of those hashes, updated as records are written
 * (store.ts), and the digest hashes the sums with the log time and the
 * counts. A sum does not depend on the order of the records; the only order
 * it misses is that of sessions last used at the very same log time, which
 * two servers applying the same log share anyway.
 *
 * This detects accidental divergence; it is not a cryptographic commitment.
 */
import type { ServiceState } from './state';

/** FNV-1a 32-bit offset basis and prime, and a second pair for lane B. */
const LANE_A_OFFSET = 0x811c9dc5;
const LANE_A_PRIME = 0x01000193;
const LANE_B_OFFSET = 0x9747b28c;
const LANE_B_PRIME = 0x5bd1e995;

/** A record's 64-bit hash, as its two 32-bit lanes. */
export type RecordHash = readonly [number, number];

/** The hash of one record's text. */
export function recordHash(recordText: string): RecordHash {
  return hashLanes(recordText);
}

/** Add (sign 1) or take away (sign -1) one record's hash in the state's sums. */
export function addRecordHash(state: ServiceState, [a, b]: RecordHash, sign: 1 | -1): void {
  state.recordHashSumA = (state.recordHashSumA + sign * a) | 0;
  state.recordHashSumB = (state.recordHashSumB + sign * b) | 0;
}

/** 16 hex digits that change with any user, session or the log time. */
export function digestServiceState(state: ServiceState): string {
  const [a, b] = hashLanes(
    `${state.clockMs}|${state.users.size}|${state.sessions.size}|${state.recordHashSumA}|${state.recordHashSumB}`,
  );
  return hex8(a) + hex8(b);
}

function hashLanes(text: string): [number, number] {
  let a = LANE_A_OFFSET;
  let b = LANE_B_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const codeUnit = text.charCodeAt(i);
    a = Math.imul(a ^ codeUnit, LANE_A_PRIME);
    b = Math.imul(b ^ codeUnit, LANE_B_PRIME);
  }
  return [mix(a), mix(b)];
}

/** murmur3's fmix32: spreads every input bit over the whole word. */
function mix(word: number): number {
  let h = word;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex8(word: number): string {
  return (word >>> 0).toString(16).padStart(8, '0');
}
