import { Budget, type BudgetOptions } from './budget';
import type { Model } from './model';
import { isOutcomeUnknown, type Operation } from './operation';
import { LinearizationSearch } from './search';
import type { PartitionFailure, Verdict } from './verdict';

/**
 * Steps one partition's search takes before the next partition's turn. Small
 * enough that an easy failure in one part is found before a hard part
 * has eaten the budget, large enough that switching costs nothing.
 */
export const PARTITION_SLICE_STEPS = 1 << 14;

export interface CheckOptions extends BudgetOptions {
  /** Check each part of `model.partition(history)` on its own. Default: true. */
  readonly partition?: boolean;
  /**
   * Stop as soon as one part is found not linearizable. Default: true, as
   * in Porcupine: the verdict is known then, and deciding every other part
   * can take far longer. Pass false to have every failing part in the
   * verdict (and bound the check with a budget).
   */
  readonly stopAtFirstFailure?: boolean;
}

/**
 * Is `history` linearizable with respect to `model`? Pure and synchronous:
 * the only clock is the injected `now`. Without a budget the search runs
 * to the end, which can take exponential time on a hostile history, so
 * callers that must stay responsive pass `maxSteps` or `timeoutMs`.
 *
 * The parts of a partitioned history take turns of PARTITION_SLICE_STEPS,
 * which stands in for Porcupine's one goroutine per part: the verdict comes
 * from whichever part fails first. A part found not linearizable decides
 * the verdict even if the budget then runs out on another.
 */
export function checkOperations<S, I, O>(
  model: Model<S, I, O>,
  history: readonly Operation<I, O>[],
  options: CheckOptions = {},
): Verdict<S, I, O> {
  const budget = new Budget(options);
  const stopAtFirstFailure = options.stopAtFirstFailure ?? true;
  const parts =
    options.partition !== false && model.partition !== undefined
      ? model.partition(history)
      : [history];
  // Made on a part's first turn, and dropped (with its cache) when it is decided.
  const searches: (LinearizationSearch<S, I, O> | undefined)[] = parts.map(() => undefined);
  const failures: PartitionFailure<S, I, O>[] = [];
  const slice = parts.length > 1 ? PARTITION_SLICE_STEPS : Infinity;
  let partitionsChecked = 0;
  let running = parts.map((_, i) => i);
  while (running.length > 0 && budget.exhausted === undefined) {
    const stillRunning: number[] = [];
    for (const i of running) {
      const operations = parts[i]!;
      const search = (searches[i] ??= new LinearizationSearch(model, operations));
      const found = search.run(budget, slice);
      if (found === undefined) {
        stillRunning.push(i);
        continue;
      }
      searches[i] = undefined;
      if (found.kind === 'exhausted') break;
      partitionsChecked++;
      if (found.kind === 'illegal') {
        const longestPrefix = found.longestPrefix.map((k) => operations[k]!);
        failures.push({
          partitionIndex: i,
          operations,
          longestPrefix,
          stateAfterPrefix: replay(model, longestPrefix),
          failedOp: operations[found.failedOp]!,
        });
        if (stopAtFirstFailure) return { result: 'not-linearizable', partitions: failures };
      }
    }
    running = stillRunning;
  }
  if (failures.length > 0) {
    failures.sort((a, b) => a.partitionIndex - b.partitionIndex);
    return { result: 'not-linearizable', partitions: failures };
  }
  if (budget.exhausted !== undefined) {
    return {
      result: 'unknown',
      exhausted: budget.exhausted,
      partitionsChecked,
      partitionCount: parts.length,
    };
  }
  return { result: 'linearizable' };
}

/** The state after applying `sequence` in order; the search already found every step legal. */
export function replay<S, I, O>(model: Model<S, I, O>, sequence: readonly Operation<I, O>[]): S {
  let state = model.init();
  for (const op of sequence) {
    const result = model.step(state, op.input, isOutcomeUnknown(op) ? undefined : op.output);
    if (!result.ok) {
      throw new Error(
        'replay of a linearization hit an illegal step (a bug in the model or the checker)',
      );
    }
    state = result.state;
  }
  return state;
}
