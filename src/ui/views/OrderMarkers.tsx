import { useMessages } from '../i18n/index.ts';
import { LANE_PX, type OrderMarker } from './historyLayout.ts';

/** The longest valid order: numbered points joined by a line, in order. */
export function OrderMarkers({ markers }: { markers: readonly OrderMarker[] }) {
  const h = useMessages().history;
  if (markers.length === 0) return null;
  const cy = (m: OrderMarker) => m.y + LANE_PX / 2;
  const points = markers.map((m) => `${m.x},${cy(m)}`).join(' ');
  return (
    <g className="rv-hist__order" role="list" aria-label={h.order}>
      <polyline points={points} className="rv-hist__order-line" aria-hidden="true" />
      {markers.map((m) => (
        <g key={m.opId} role="listitem" aria-label={h.orderItem(m.n, m.opId)}>
          <circle cx={m.x} cy={cy(m)} r={radius(m.n)} className="rv-hist__order-dot" />
          <text
            x={m.x}
            y={cy(m)}
            textAnchor="middle"
            dominantBaseline="central"
            className="rv-hist__order-n"
          >
            {m.n}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Room for the number: 8 px up to two digits, wider beyond. */
function radius(n: number): number {
  return Math.max(8, 2 + 3.5 * String(n).length);
}
