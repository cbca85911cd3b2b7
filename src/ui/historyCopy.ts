import type { HistoryOp } from '../sim/index.ts';

/**
 * The live history (whose operations change in place) copied for the views,
 * which compare by reference: `previous` itself when nothing changed, and
 * otherwise an operation unchanged since keeps its copy, so a view redraws
 * only the operations that are new or settled. Both lists are in id order
 * (the clients add operations so).
 */
export function copyHistory(
  live: readonly HistoryOp[],
  previous: readonly HistoryOp[],
): readonly HistoryOp[] {
  let k = 0;
  let kept = 0;
  const copy = live.map((op) => {
    while (k < previous.length && previous[k]!.id < op.id) k++;
    const old = previous[k];
    if (old?.id !== op.id || !sameOutcome(old, op)) return { ...op };
    kept++;
    return old;
  });
  return kept === previous.length && kept === live.length ? previous : copy;
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
