import type { HistoryOp } from '../sim/index.ts';

/**
 * The live history (whose operations change in place) copied for the views,
 * which compare by reference: an operation unchanged since `previous` keeps
 * its copy, so a view redraws only the operations that are new or settled.
 * Both lists are in id order (the clients add operations so).
 */
export function copyHistory(
  live: readonly HistoryOp[],
  previous: readonly HistoryOp[],
): HistoryOp[] {
  let k = 0;
  return live.map((op) => {
    while (k < previous.length && previous[k]!.id < op.id) k++;
    const old = previous[k];
    return old?.id === op.id && sameOutcome(old, op) ? old : { ...op };
  });
}

/** The fields of an operation that change after it is invoked. */
function sameOutcome(a: HistoryOp, b: HistoryOp): boolean {
  return (
    a.status === b.status &&
    a.completeMs === b.completeMs &&
    a.attempts === b.attempts &&
    a.output === b.output &&
    a.error === b.error &&
    a.code === b.code
  );
}
