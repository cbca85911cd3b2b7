import type { ExhaustedBudget } from './budget';
import type { Operation } from './operation';

/**
 * Why one partition of a history is not linearizable, in the shape a
 * Porcupine-like visualiser draws: every operation of the partition on its
 * client's line, the longest prefix the search could linearize numbered in
 * order, and the operation at which it got stuck.
 */
export interface PartitionFailure<S, I, O> {
  /** The index of this part in `model.partition(history)` (0 when not partitioned). */
  readonly partitionIndex: number;
  /** Every operation of the part, the same objects as in the history. */
  readonly operations: readonly Operation<I, O>[];
  /** The longest sequence of operations the search could linearize, in linearization order. */
  readonly longestPrefix: readonly Operation<I, O>[];
  /** The model state after `longestPrefix`. */
  readonly stateAfterPrefix: S;
  /**
   * The operation that could not be placed: after the longest prefix, it
   * had completed, so it must already have taken effect, but no order of
   * the pending operations let it.
   */
  readonly failedOp: Operation<I, O>;
}

export type Verdict<S, I, O> =
  | { readonly result: 'linearizable' }
  | {
      readonly result: 'not-linearizable';
      readonly partitions: readonly PartitionFailure<S, I, O>[];
    }
  | {
      readonly result: 'unknown';
      /** Which budget ran out. */
      readonly exhausted: ExhaustedBudget;
      /** Partitions fully checked (and found linearizable) before it did. */
      readonly partitionsChecked: number;
      readonly partitionCount: number;
    };
