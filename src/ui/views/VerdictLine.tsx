import type { HistoryOp } from '../../sim/index.ts';
import { useMessages } from '../i18n/index.ts';
import type { HistoryVerdict } from './historyLayout.ts';

/** The linearizability verdict in one sentence, announced politely when it changes. */
export function VerdictLine({
  verdict,
  history,
}: {
  verdict: HistoryVerdict | undefined;
  history: readonly HistoryOp[];
}) {
  const h = useMessages().history;
  let text: string;
  let tone: string;
  if (!verdict) {
    text = h.notChecked;
    tone = 'none';
  } else if (verdict.result === 'linearizable') {
    text = h.linearizable;
    tone = 'ok';
  } else if (verdict.result === 'unknown') {
    text = h.unknown;
    tone = 'warn';
  } else {
    const failed = history.find((o) => o.id === verdict.failedOpId);
    const n = verdict.order?.length ?? 0;
    text = h.notLinearizable + (failed ? h.cannotBePlaced(failed.id, failed.client, n) : h.noOrder);
    tone = 'danger';
  }
  return (
    <p className={`rv-verdict rv-verdict--${tone}`} role="status">
      {text}
    </p>
  );
}
