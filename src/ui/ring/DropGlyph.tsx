import type { Point } from '../geometry.ts';
import { useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { pointAlong } from './flight.ts';
import type { DropMark } from './clusterView.ts';

/** Where a lost message is drawn: near the end of the link where it was lost. */
const DROP_AT_SENDER = 0.15;
const DROP_AT_RECEIVER = 0.85;

/** A lost message: a cross that fades out where it was lost (once, in CSS). */
export function DropGlyph({
  drop,
  from,
  to,
  insetPx,
}: {
  drop: DropMark;
  from: Point;
  to: Point;
  insetPx: number;
}) {
  const m = useMessages();
  const p = pointAlong(from, to, drop.atSender ? DROP_AT_SENDER : DROP_AT_RECEIVER, insetPx);
  return (
    <g className="drop" transform={`translate(${p.x},${p.y})`} data-testid="drop">
      <title>{m.ring.lost(drop.type, nodeName(drop.from), nodeName(drop.to))}</title>
      <text className="drop__mark" aria-hidden="true">
        ✕
      </text>
    </g>
  );
}
