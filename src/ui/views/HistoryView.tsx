import { useId, useRef } from 'react';
import type { HistoryOp } from '../../sim/index.ts';
import { useMessages } from '../i18n/index.ts';
import { formatVirtualMs } from '../labels.ts';
import { HistoryBar } from './HistoryBar.tsx';
import { HistoryPatterns } from './HistoryPatterns.tsx';
import { AXIS_PX, CLIENT_LABEL_PX, layoutHistory, type HistoryVerdict } from './historyLayout.ts';
import { clipText } from './opLabel.ts';
import { OrderMarkers } from './OrderMarkers.tsx';
import { useElementWidth } from './useElementWidth.ts';
import { VerdictLine } from './VerdictLine.tsx';

const WIDTH_FALLBACK_PX = 720;

export interface HistoryViewProps {
  /** The clients' operations; pass a fresh array when any operation changes. */
  readonly history: readonly HistoryOp[];
  readonly verdict?: HistoryVerdict;
  /** Virtual time now, ms: where operations with no answer yet end. */
  readonly nowMs?: number;
  readonly onSelectOp?: (opId: number) => void;
}

/**
 * The clients' operations on a timeline, one band per client, in the manner
 * of Porcupine's visualizer: when the history is not linearizable, the
 * operation that cannot be placed stands out and the longest valid order is
 * numbered.
 */
export function HistoryView({ history, verdict, nowMs, onSelectOp }: HistoryViewProps) {
  const id = useId();
  const h = useMessages().history;
  const box = useRef<HTMLDivElement>(null);
  const widthPx = useElementWidth(box, WIDTH_FALLBACK_PX);
  const layout = layoutHistory(history, { widthPx, nowMs, verdict });
  const axisY = layout.heightPx - AXIS_PX;
  return (
    <section className="rv-panel rv-history" aria-labelledby={`${id}-h`} data-testid="history-view">
      <h2 id={`${id}-h`}>{h.title}</h2>
      <VerdictLine verdict={verdict} history={history} />
      {layout.shown < layout.total && (
        <p className="rv-note">
          {h.showing(layout.shown, layout.total, verdict?.failedOpId !== undefined)}
        </p>
      )}
      <div ref={box} className="rv-history__box">
        {layout.shown === 0 ? (
          <p className="rv-note">{h.none}</p>
        ) : (
          <svg
            width={layout.widthPx}
            height={layout.heightPx}
            viewBox={`0 0 ${layout.widthPx} ${layout.heightPx}`}
            role="group"
            aria-label={h.svg}
            className="rv-history__svg"
          >
            <HistoryPatterns idPrefix={id} />
            {layout.ticks.map((t) => (
              <g key={t.ms} className="rv-hist__tick" aria-hidden="true">
                <line x1={t.x} x2={t.x} y1={0} y2={axisY} />
                <text x={t.x} y={axisY + 16} textAnchor="middle">
                  {formatVirtualMs(t.ms)}
                </text>
              </g>
            ))}
            {layout.clients.map((c) => (
              <g key={c.client} role="group" aria-label={h.client(c.client)}>
                <text className="rv-hist__client" x={8} y={c.y + 16}>
                  {clipText(c.client, 12)}
                </text>
                {layout.bars
                  .filter((b) => b.op.client === c.client)
                  .map((b) => (
                    <HistoryBar
                      key={b.op.id}
                      bar={b}
                      widthPx={layout.widthPx}
                      idPrefix={id}
                      onSelect={onSelectOp}
                    />
                  ))}
              </g>
            ))}
            <OrderMarkers markers={layout.markers} />
            <line
              className="rv-hist__axis"
              x1={CLIENT_LABEL_PX}
              x2={layout.widthPx}
              y1={axisY}
              y2={axisY}
              aria-hidden="true"
            />
          </svg>
        )}
      </div>
    </section>
  );
}
