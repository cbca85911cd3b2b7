import { ILLEGAL, type Model } from '../model';

/** A read/write register holding a value of type V. */
export type RegisterInput<V> =
  { readonly kind: 'read' } | { readonly kind: 'write'; readonly value: V };
export type RegisterOutput<V> =
  { readonly kind: 'read'; readonly value: V } | { readonly kind: 'write' };

/**
 * The register of Herlihy and Wing: a write replaces the value, a read
 * returns it. Values compare with `Object.is`.
 */
export function registerModel<V>(initial: V): Model<V, RegisterInput<V>, RegisterOutput<V>> {
  return {
    init: () => initial,
    step(state, input, output) {
      if (input.kind === 'write') return { ok: true, state: input.value };
      // A read with an unknown outcome observed nothing, so it can go anywhere.
      if (output === undefined) return { ok: true, state };
      return output.kind === 'read' && Object.is(output.value, state)
        ? { ok: true, state }
        : ILLEGAL;
    },
    isReadOnly: (input) => input.kind === 'read',
    equal: (a, b) => Object.is(a, b),
    describeOperation(input, output) {
      if (input.kind === 'write') return `write(${String(input.value)})`;
      return `read() -> ${output?.kind === 'read' ? String(output.value) : 'unknown'}`;
    },
    describeState: (state) => String(state),
  };
}
