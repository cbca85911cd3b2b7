import { describe, expect, it } from 'vitest';
import { checkOperations } from './check';
import { fromNondeterministic, type NondeterministicModel } from './nondeterministic';
import type { RegisterInput, RegisterOutput } from './models/register';
import { read, write } from './testing';

/** A register whose writes may be lost: a write leaves the old value or the new one. */
const lossyRegister: NondeterministicModel<
  number,
  RegisterInput<number>,
  RegisterOutput<number>
> = {
  init: () => [0],
  step: (state, input, output) => {
    if (input.kind === 'write') return [state, input.value];
    return output === undefined || (output.kind === 'read' && output.value === state)
      ? [state]
      : [];
  },
  equal: (a, b) => a === b,
  hash: (state) => state,
};

describe('fromNondeterministic', () => {
  const model = fromNondeterministic(lossyRegister);

  it('accepts a history that some choice of next states explains', () => {
    // The write completed, yet a later read sees the old value: it was lost.
    const history = [write(0, 1, 0, 1), read(1, 0, 2, 3)];

    expect(checkOperations(model, history).result).toBe('linearizable');
  });

  it('rejects a history that no choice explains', () => {
    const history = [write(0, 1, 0, 1), read(1, 1, 2, 3), read(1, 0, 4, 5)];

    expect(checkOperations(model, history).result).toBe('not-linearizable');
  });

  it('keeps the set of states free of duplicates, in any order', () => {
    const after = model.step([0], { kind: 'write', value: 0 }, { kind: 'write' });

    expect(after).toEqual({ ok: true, state: [0] });
    expect(model.equal([1, 0], [0, 1])).toBe(true);
    expect(model.hash!([1, 0])).toBe(model.hash!([0, 1]));
  });
});
