import { mix32 } from '../bitset';
import { ILLEGAL, type Model } from '../model';
import { EMPTY_DIGEST, extendDigest, stringDigest } from './digest';
import { partitionByKey } from './partitionByKey';
import { findNode, listNodes, type SortedNode } from './sortedList';

/**
 * One key's value, with the digest of its text (which an append extends
 * instead of rehashing), in a list sorted by key (see sortedList.ts).
 */
export interface KvBinding extends SortedNode<KvBinding> {
  readonly text: string;
  readonly digest: number;
}

/**
 * The map: `null` when empty. An absent key reads as "", and "" is never
 * stored, so equal maps have equal lists.
 */
export type KvState = KvBinding | null;

export type KvInput =
  | { readonly kind: 'get'; readonly key: string }
  | { readonly kind: 'put'; readonly key: string; readonly value: string }
  | { readonly kind: 'append'; readonly key: string; readonly value: string };

export type KvOutput =
  | { readonly kind: 'get'; readonly value: string }
  | { readonly kind: 'put' }
  | { readonly kind: 'append' };

/**
 * The key-value store of Porcupine's kv corpus (MIT 6.824's lab): get
 * returns the value, put replaces it, append concatenates to it. The state
 * is the whole map so that a history can also be checked without
 * partitioning; partitioned, each part holds one key.
 */
export const kvModel: Model<KvState, KvInput, KvOutput> = {
  init: () => null,
  step(state, input, output) {
    const current = findNode(state, input.key);
    switch (input.kind) {
      case 'get':
        if (output === undefined) return { ok: true, state };
        return output.kind === 'get' && getReturns(output, current) ? { ok: true, state } : ILLEGAL;
      case 'put':
        return { ok: true, state: bind(state, input.key, input.value, stringDigest(input.value)) };
      case 'append': {
        if (input.value === '') return { ok: true, state };
        const text = (current?.text ?? '') + input.value;
        const digest = extendDigest(current?.digest ?? EMPTY_DIGEST, input.value);
        return { ok: true, state: bind(state, input.key, text, digest) };
      }
    }
  },
  isReadOnly: (input) => input.kind === 'get',
  equal(a, b) {
    let x = a;
    let y = b;
    for (; x !== y && x !== null && y !== null; x = x.next, y = y.next) {
      if (x.digest !== y.digest || x.key !== y.key || x.text !== y.text) return false;
    }
    return x === y;
  },
  // The contents matter: concurrent appends in different orders give values
  // of one length, and the search meets many of them with one linearized set.
  hash(state) {
    let h = 0;
    for (let b = state; b !== null; b = b.next) {
      h = mix32(h ^ b.digest ^ Math.imul(b.key.length, 0x9e3779b1));
    }
    return h;
  },
  partition: (history) => partitionByKey(history, (input) => input.key),
  describeOperation(input, output) {
    switch (input.kind) {
      case 'get':
        return `get('${input.key}') -> ${output?.kind === 'get' ? `'${output.value}'` : 'unknown'}`;
      case 'put':
        return `put('${input.key}', '${input.value}')`;
      case 'append':
        return `append('${input.key}', '${input.value}')`;
    }
  },
  describeState: (state) =>
    `{${listNodes(state)
      .map((b) => `'${b.key}': '${b.text}'`)
      .join(', ')}}`,
};

/**
 * Digests of the values that gets returned, computed once per output.
 * A get compares lengths, then digests, and only then the strings: `===`
 * on a value built by appends flattens V8's rope into a full copy, and the
 * search meets hundreds of thousands of such values.
 */
const returnedDigests = new WeakMap<object, number>();

function returnedDigest(output: { readonly value: string }): number {
  let digest = returnedDigests.get(output);
  if (digest === undefined) {
    digest = stringDigest(output.value);
    returnedDigests.set(output, digest);
  }
  return digest;
}

function getReturns(output: { readonly value: string }, current: KvBinding | undefined): boolean {
  if (current === undefined) return output.value === '';
  return (
    output.value.length === current.text.length &&
    returnedDigest(output) === current.digest &&
    output.value === current.text
  );
}

/** `state` with `key` bound to `text` (or unbound, for ""): copies the bindings before it, shares the rest. */
function bind(state: KvState, key: string, text: string, digest: number): KvState {
  if (state === null || state.key > key) {
    return text === '' ? state : { key, text, digest, next: state };
  }
  if (state.key === key) return text === '' ? state.next : { key, text, digest, next: state.next };
  return {
    key: state.key,
    text: state.text,
    digest: state.digest,
    next: bind(state.next, key, text, digest),
  };
}
