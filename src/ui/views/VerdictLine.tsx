import type { HistoryOp } from '../../sim/index.ts';
import type { HistoryVerdict } from './historyLayout.ts';

/** The linearizability verdict in one sentence, announced politely when it changes. */
export function VerdictLine({
  verdict,
  history,
}: {
  verdict: HistoryVerdict | undefined;
  history: readonly HistoryOp[];
}) {
  let text: string;
  let tone: string;
  if (!verdict) {
    text = 'Not checked yet.';
    tone = 'none';
  } else if (verdict.result === 'linearizable') {
    text = '✓ Linearizable: every operation fits one order that respects real time.';
    tone = 'ok';
  } else if (verdict.result === 'unknown') {
    text = '? Unknown: the check ran out of time or space before it could decide.';
    tone = 'warn';
  } else {
    const failed = history.find((o) => o.id === verdict.failedOpId);
    const n = verdict.order?.length ?? 0;
    text =
      `✕ Not linearizable: ` +
      (failed
        ? `operation ${failed.id} of client ${failed.client} cannot be placed after the longest valid order (${n} ${n === 1 ? 'operation' : 'operations'}, numbered).`
        : `no order of the operations respects real time and the service's rules.`);
    tone = 'danger';
  }
  return (
    <p className={`rv-verdict rv-verdict--${tone}`} role="status">
      {text}
    </p>
  );
}
