import { mix32 } from '../bitset';
import { ILLEGAL, type Model } from '../model';

/** The register's value; `null` until the first write (etcd's "key not found", Jepsen's `nil`). */
export type CasRegisterState = number | null;

export type CasRegisterInput =
  | { readonly kind: 'read' }
  | { readonly kind: 'write'; readonly value: number }
  | { readonly kind: 'cas'; readonly from: number; readonly to: number };

export type CasRegisterOutput =
  | { readonly kind: 'read'; readonly value: CasRegisterState }
  | { readonly kind: 'write' }
  | { readonly kind: 'cas'; readonly ok: boolean };

/** Hash of the absent value; any fixed number that integers rarely hit will do. */
const ABSENT_HASH = 0x6a09e667;

/**
 * A compare-and-set register, as Jepsen tests etcd: read, write, and
 * cas(from, to), which sets the value to `to` iff it is `from` and reports
 * whether it did. A cas on an absent value fails.
 */
export const casRegisterModel: Model<CasRegisterState, CasRegisterInput, CasRegisterOutput> = {
  init: () => null,
  step(state, input, output) {
    switch (input.kind) {
      case 'read':
        if (output === undefined) return { ok: true, state };
        return output.kind === 'read' && output.value === state ? { ok: true, state } : ILLEGAL;
      case 'write':
        return { ok: true, state: input.value };
      case 'cas': {
        const applies = state === input.from;
        // Applied with an unknown outcome: it did whatever the state dictates.
        if (output !== undefined && (output.kind !== 'cas' || output.ok !== applies))
          return ILLEGAL;
        return { ok: true, state: applies ? input.to : state };
      }
    }
  },
  // A cas that reported failure changed nothing, wherever it is legal.
  isReadOnly: (input, output) => input.kind === 'read' || (output.kind === 'cas' && !output.ok),
  equal: (a, b) => a === b,
  hash: (state) => (state === null ? ABSENT_HASH : mix32(state | 0)),
  describeOperation(input, output) {
    switch (input.kind) {
      case 'read':
        return `read() -> ${output?.kind === 'read' ? String(output.value ?? 'nil') : 'unknown'}`;
      case 'write':
        return `write(${input.value})`;
      case 'cas': {
        const result =
          output === undefined ? 'unknown' : output.kind === 'cas' && output.ok ? 'ok' : 'fail';
        return `cas(${input.from}, ${input.to}) -> ${result}`;
      }
    }
  },
  describeState: (state) => (state === null ? 'nil' : String(state)),
};
