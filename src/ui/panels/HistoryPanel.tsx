import { useEffect, useState } from 'react';
import { checkHistory, LIN_CHECK_MS_MAX, LIN_CHECK_STEPS_MAX } from '../linVerdict.ts';
import { usePlayground } from '../usePlayground.ts';
import { HistoryView, type HistoryVerdict } from '../views/index.ts';
import { selectHistory } from './select.ts';

/** Checks again after an "unknown", at most this many times, this far apart (wall ms). */
const LIN_RETRIES_MAX = 3;
const LIN_RETRY_WALL_MS = 250;

/**
 * The clients' operations on a timeline, with the linearizability verdict.
 * The store hands out a new history only when an operation is added or
 * changes (historyCopy.ts); the check then runs in a task of its own, after
 * paint, with a step and time budget so it never makes a long task. A
 * history it cannot decide in time is "unknown" until the next change.
 */
export function HistoryPanel() {
  const { history, now } = usePlayground(selectHistory);
  const [checked, setChecked] = useState<{
    history: typeof history;
    verdict: HistoryVerdict;
  } | null>(null);
  useEffect(() => {
    if (history.length === 0) return;
    let handle: ReturnType<typeof setTimeout>;
    // A check cut short by the clock (a busy machine) is tried again a few times.
    const attempt = (retriesLeft: number, delayMs: number) => {
      handle = setTimeout(() => {
        const verdict = checkHistory(history, {
          maxSteps: LIN_CHECK_STEPS_MAX,
          now: () => performance.now(),
          timeoutMs: LIN_CHECK_MS_MAX,
        });
        setChecked({ history, verdict });
        if (verdict.result === 'unknown' && retriesLeft > 0)
          attempt(retriesLeft - 1, LIN_RETRY_WALL_MS);
      }, delayMs);
    };
    attempt(LIN_RETRIES_MAX, 0);
    return () => clearTimeout(handle);
  }, [history]);
  // A verdict is shown only for the history it was computed for.
  const verdict = checked?.history === history ? checked.verdict : undefined;
  return <HistoryView history={history} verdict={verdict} {...(now > 0 && { nowMs: now })} />;
}
