import { useEffect, useState } from 'react';
import { checkHistory, LIN_CHECK_MS_MAX, LIN_CHECK_STEPS_MAX } from '../linVerdict.ts';
import { usePlayground } from '../usePlayground.ts';
import { HistoryView, type HistoryVerdict } from '../views/index.ts';
import { selectHistory } from './select.ts';

/**
 * The clients' operations on a timeline, with the linearizability verdict.
 * The store hands out a new history only when an operation is added or
 * settles; the check then runs in a task of its own, after paint, with a
 * step and time budget so it never makes a long task. A history it cannot
 * decide in time is "unknown" until the next operation settles.
 */
export function HistoryPanel() {
  const { history, now } = usePlayground(selectHistory);
  const [checked, setChecked] = useState<{
    history: typeof history;
    verdict: HistoryVerdict;
  } | null>(null);
  useEffect(() => {
    if (history.length === 0) return;
    const handle = setTimeout(() => {
      const verdict = checkHistory(history, {
        maxSteps: LIN_CHECK_STEPS_MAX,
        now: () => performance.now(),
        timeoutMs: LIN_CHECK_MS_MAX,
      });
      setChecked({ history, verdict });
    }, 0);
    return () => clearTimeout(handle);
  }, [history]);
  // A verdict is shown only for the history it was computed for.
  const verdict = checked?.history === history ? checked.verdict : undefined;
  return <HistoryView history={history} verdict={verdict} {...(now > 0 && { nowMs: now })} />;
}
