import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle } from 'd3';
import type { Envelope } from '../../sim/index.ts';
import type { Point } from '../geometry.ts';
import { useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { flightKind, flightProgress, laneOffset, pointAlong, type FlightShape } from './flight.ts';

const FLIGHT_AREA_PX2 = 90;
/** Messages each way on a link travel in their own lane, this far off the line. */
const LANE_PX = 5;
/** A marked message's ring, around its mark. */
const MARK_HALO_PX = 10;

const SYMBOLS: Record<FlightShape, string> = {
  circle: symbol(symbolCircle, FLIGHT_AREA_PX2)() ?? '',
  ring: symbol(symbolCircle, FLIGHT_AREA_PX2)() ?? '',
  diamond: symbol(symbolDiamond, FLIGHT_AREA_PX2)() ?? '',
  square: symbol(symbolSquare, FLIGHT_AREA_PX2)() ?? '',
  triangle: symbol(symbolTriangle, FLIGHT_AREA_PX2)() ?? '',
  star: symbol(symbolStar, FLIGHT_AREA_PX2 * 1.4)() ?? '',
};

export function flightShapePath(shape: FlightShape): string {
  return SYMBOLS[shape];
}

interface Props {
  envelope: Envelope;
  from: Point;
  to: Point;
  nowMs: number;
  insetPx: number;
  /** Carries the selected log entry, or is the selected message (stage/linked.ts). */
  marked: boolean;
  onSelect: (envelope: Envelope) => void;
}

/** A message on the wire, where its real progress puts it. */
export function Flight({ envelope, from, to, nowMs, insetPx, marked, onSelect }: Props) {
  const m = useMessages();
  const kind = flightKind(envelope.message);
  const t = flightProgress(envelope.sentAt, envelope.deliverAt, nowMs);
  const lane = laneOffset(from, to, envelope.from < envelope.to ? LANE_PX : -LANE_PX);
  const p = pointAlong(from, to, t, insetPx);
  const label = m.ring.flight(
    kind.label,
    nodeName(envelope.from),
    nodeName(envelope.to),
    envelope.duplicate,
  );
  return (
    <g
      className={`flight flight--${kind.kind}${envelope.duplicate ? ' flight--dup' : ''}${marked ? ' flight--marked' : ''}`}
      transform={`translate(${p.x + lane.x},${p.y + lane.y})`}
      data-testid="flight"
      data-kind={kind.kind}
      data-marked={marked || undefined}
      onClick={() => onSelect(envelope)}
    >
      <title>{label}</title>
      {marked && <circle className="flight__halo" r={MARK_HALO_PX} />}
      <path className="flight__mark" d={SYMBOLS[kind.shape]} />
      <text className="flight__label" x={8} y={-6} aria-hidden="true">
        {kind.label}
      </text>
    </g>
  );
}
