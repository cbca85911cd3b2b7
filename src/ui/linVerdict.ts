import { checkOperations, userServiceModel, type UserServiceOp } from '../check/lin/index.ts';
import { userServiceOperations } from '../sim/history.ts';
import type { HistoryOp } from '../sim/index.ts';
import type { HistoryVerdict } from './views/index.ts';

/**
 * Search steps one check may take. With the time budget below it keeps
 * each check well under a 50 ms long task; a history it cannot decide in
 * time is "unknown", and is tried again after the next completed operation.
 */
export const LIN_CHECK_STEPS_MAX = 200_000;
/**
 * Wall time one check may take, ms: the check runs between frames while
 * time runs, so it must leave most of a 16.7 ms frame to the page (bench:ui:
 * 20 ms made the 95th percentile frame 50 ms at 9 servers, 8 ms 33 ms).
 */
export const LIN_CHECK_MS_MAX = 8;

export interface LinBudget {
  readonly maxSteps?: number;
  /** A wall clock (performance.now), with timeoutMs. */
  readonly now?: () => number;
  readonly timeoutMs?: number;
}

/** Is the clients' history linearizable (stale reads left out)? Bounded by `budget`. */
export function checkHistory(
  history: readonly HistoryOp[],
  budget: LinBudget = { maxSteps: LIN_CHECK_STEPS_MAX },
): HistoryVerdict {
  const ops = userServiceOperations(history);
  const verdict = checkOperations(userServiceModel, ops, budget);
  if (verdict.result !== 'not-linearizable') return { result: verdict.result };
  const failure = verdict.partitions[0];
  if (!failure) return { result: 'not-linearizable' };
  const id = (op: UserServiceOp) => historyOpId(history, op);
  const failedOpId = id(failure.failedOp);
  const order = failure.longestPrefix.map(id).filter((x): x is number => x !== undefined);
  return {
    result: 'not-linearizable',
    ...(failedOpId !== undefined && { failedOpId }),
    order,
  };
}

/** The history operation a checker operation was made from: same call time, kind and user. */
export function historyOpId(history: readonly HistoryOp[], op: UserServiceOp): number | undefined {
  return history.find(
    (h) =>
      h.invokeMs === op.call &&
      h.kind === op.input.kind &&
      h.input.user === op.input.user &&
      (op.return === undefined || h.completeMs === op.return),
  )?.id;
}
