import type { Operation } from './operation';

/**
 * What `Model.step` returns. An illegal step carries no state, so a model
 * can return the shared `ILLEGAL` constant and allocate nothing.
 */
export type StepResult<S> = { readonly ok: true; readonly state: S } | { readonly ok: false };

/** The result of a step that the sequential specification forbids. */
export const ILLEGAL: StepResult<never> = Object.freeze({ ok: false });

/**
 * A sequential specification (Herlihy and Wing's "sequential object"):
 * the checker asks whether the concurrent history can be reordered into a
 * sequence that this object accepts. States must be immutable values: the
 * search keeps old states on its stack and in its cache.
 */
export interface Model<S, I, O> {
  /** The state before any operation. */
  init(): S;
  /**
   * Applies `input` to `state`. `output` is what the client observed, or
   * `undefined` when the outcome is unknown; the step is then asked only to
   * apply the operation (it took effect), so it should accept any state in
   * which the operation can run.
   */
  step(state: S, input: I, output: O | undefined): StepResult<S>;
  /** State equality; the search uses it to recognise a configuration it has seen. */
  equal(a: S, b: S): boolean;
  /**
   * Optional: true if the operation, with this observed output, leaves the
   * state as it was in every state where it is legal (a read; a cas that
   * reported failure). Such an operation can be linearized as soon as it is
   * legal, without trying the other orders, which prunes the search a great
   * deal. Never called for an operation whose outcome is unknown.
   */
  isReadOnly?(input: I, output: O): boolean;
  /**
   * Optional 32-bit hash of a state: equal states must hash equally. It
   * spreads the search cache when many states share one linearized set.
   */
  hash?(state: S): number;
  /**
   * Optional split of a history into independent parts (P-compositionality,
   * Horn and Kroening): the whole is linearizable iff every part is. A model
   * of keys partitions by key. The parts must hold the same operation objects.
   */
  partition?(history: readonly Operation<I, O>[]): Operation<I, O>[][];
  /** One line for the UI, e.g. `cas(1, 2) -> ok`. */
  describeOperation?(input: I, output: O | undefined): string;
  /** One line for the UI, e.g. `x = 3`. */
  describeState?(state: S): string;
}
