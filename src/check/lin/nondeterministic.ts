import type { Model } from './model';
import type { Operation } from './operation';

/**
 * A sequential specification in which one operation may lead to several
 * states (a set that may or may not dedupe, a queue that may drop): `step`
 * returns every possible next state, none if the output is impossible.
 */
export interface NondeterministicModel<S, I, O> {
  init(): readonly S[];
  step(state: S, input: I, output: O | undefined): readonly S[];
  equal(a: S, b: S): boolean;
  hash?(state: S): number;
  partition?(history: readonly Operation<I, O>[]): Operation<I, O>[][];
  describeOperation?(input: I, output: O | undefined): string;
  describeState?(state: S): string;
}

/**
 * Turns a nondeterministic model into a deterministic one whose state is
 * the set of states the object could be in (the powerset construction, as
 * in Porcupine's NondeterministicModel). The set is kept free of
 * duplicates, so equality can compare sizes and membership.
 */
export function fromNondeterministic<S, I, O>(
  model: NondeterministicModel<S, I, O>,
): Model<readonly S[], I, O> {
  const addUnique = (set: S[], state: S): void => {
    if (!set.some((member) => model.equal(member, state))) set.push(state);
  };
  const deterministic: Model<readonly S[], I, O> = {
    init() {
      const set: S[] = [];
      for (const state of model.init()) addUnique(set, state);
      return set;
    },
    step(states, input, output) {
      const next: S[] = [];
      for (const state of states)
        for (const after of model.step(state, input, output)) addUnique(next, after);
      return next.length > 0 ? { ok: true, state: next } : { ok: false };
    },
    equal: (a, b) =>
      a.length === b.length && a.every((state) => b.some((other) => model.equal(state, other))),
    describeState: (states) =>
      `{${states.map((state) => (model.describeState ? model.describeState(state) : String(state))).join(' | ')}}`,
  };
  const hash = model.hash;
  if (hash !== undefined) {
    // A sum over members, because the same set can come out in another order.
    deterministic.hash = (states) =>
      states.reduce((h, state) => (h + hash.call(model, state)) | 0, 0);
  }
  if (model.partition !== undefined)
    deterministic.partition = (history) => model.partition!(history);
  if (model.describeOperation !== undefined) {
    deterministic.describeOperation = (input, output) => model.describeOperation!(input, output);
  }
  return deterministic;
}
