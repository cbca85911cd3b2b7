import { scaleLinear } from 'd3';
import type { HistoryOp } from '../../sim/index.ts';

/**
 * The linearizability verdict as the history view draws it; the page maps
 * the checker's Verdict (src/check/lin) to this.
 */
export interface HistoryVerdict {
  readonly result: 'linearizable' | 'not-linearizable' | 'unknown';
  /** The operation that could not be placed. */
  readonly failedOpId?: number;
  /** The longest valid order found, as operation ids, first first. */
  readonly order?: readonly number[];
}

/** Bound on the bars drawn: the history holds up to HISTORY_OPS_MAX (20,000). */
export const HISTORY_BARS_MAX = 400;
/** Height of one lane, px; a client has more lanes only while its operations overlap. */
export const LANE_PX = 24;
/** Lanes per client at most; further overlapping operations share the last. */
export const LANES_PER_CLIENT_MAX = 4;
/** Space between clients, px. */
export const CLIENT_GAP_PX = 8;
/** Width of the client names column, px. */
export const CLIENT_LABEL_PX = 96;
/** Height of the time axis, px. */
export const AXIS_PX = 24;
/** Room above the lanes for the failed operation's label, px. */
export const TOP_PX = 18;
const RIGHT_PX = 16;
/** Narrowest bar drawn, px, so an instant operation still shows. */
const BAR_MIN_PX = 4;
/** About how many round steps the time axis spans. */
const DOMAIN_STEPS = 4;

export interface Bar {
  readonly op: HistoryOp;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  /** No known end (info or pending): drawn open to the right edge. */
  readonly open: boolean;
  readonly failed: boolean;
}

export interface OrderMarker {
  readonly opId: number;
  /** Position in the order, from 1. */
  readonly n: number;
  readonly x: number;
  readonly y: number;
}

export interface ClientBand {
  readonly client: string;
  readonly y: number;
  readonly heightPx: number;
}

export interface HistoryLayout {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly domainMs: readonly [number, number];
  readonly clients: readonly ClientBand[];
  readonly bars: readonly Bar[];
  readonly markers: readonly OrderMarker[];
  readonly ticks: readonly { readonly x: number; readonly ms: number }[];
  /** Operations in the history, and drawn. */
  readonly total: number;
  readonly shown: number;
}

/**
 * The operations to draw, in id order (the history's own, as the clients
 * keep it): all of them if few; else the ones nearest in time to the
 * operation that could not be placed; else the newest.
 */
export function selectOps(
  history: readonly HistoryOp[],
  failedOpId: number | undefined,
  max: number,
): HistoryOp[] {
  if (history.length <= max) return [...history];
  const failed = failedOpId === undefined ? undefined : history.find((o) => o.id === failedOpId);
  if (!failed) return history.slice(-max);
  const near = (o: HistoryOp) => Math.abs(o.invokeMs - failed.invokeMs);
  return [...history]
    .sort((a, b) => near(a) - near(b) || a.id - b.id)
    .slice(0, max)
    .sort((a, b) => a.id - b.id);
}

export interface LayoutOptions {
  readonly widthPx: number;
  /** The time now, ms: where open bars end. */
  readonly nowMs?: number;
  readonly verdict?: HistoryVerdict;
  readonly maxBars?: number;
}

export function layoutHistory(
  history: readonly HistoryOp[],
  options: LayoutOptions,
): HistoryLayout {
  const { widthPx, verdict } = options;
  const ops = selectOps(history, verdict?.failedOpId, options.maxBars ?? HISTORY_BARS_MAX);
  let t0 = Infinity;
  let t1 = options.nowMs ?? -Infinity;
  for (const o of ops) {
    t0 = Math.min(t0, o.invokeMs);
    t1 = Math.max(t1, o.completeMs ?? o.invokeMs, o.invokeMs);
  }
  if (ops.length === 0) t0 = t1 = options.nowMs ?? 0;
  if (t1 <= t0) t1 = t0 + 1;
  // The time axis reaches out to round instants, about a quarter of the span
  // apart: while time runs the bars hold still until the axis reaches out
  // again, and a redraw moves only the operations that are new or settled.
  const x = scaleLinear()
    .domain([t0, t1])
    .nice(DOMAIN_STEPS)
    .range([CLIENT_LABEL_PX, Math.max(CLIENT_LABEL_PX + 1, widthPx - RIGHT_PX)]);
  [t0, t1] = x.domain() as [number, number];

  // Lanes: per client, in order of invocation, the first lane free by then.
  const byClient = new Map<string, HistoryOp[]>();
  for (const o of ops) {
    const list = byClient.get(o.client);
    if (list) list.push(o);
    else byClient.set(o.client, [o]);
  }
  const clients: ClientBand[] = [];
  const laneOf = new Map<number, number>();
  let y = TOP_PX;
  for (const client of [...byClient.keys()].sort()) {
    const list = (byClient.get(client) ?? []).sort(
      (a, b) => a.invokeMs - b.invokeMs || a.id - b.id,
    );
    const laneEnds: number[] = [];
    for (const o of list) {
      let lane = laneEnds.findIndex((end) => end <= o.invokeMs);
      if (lane < 0) lane = Math.min(laneEnds.length, LANES_PER_CLIENT_MAX - 1);
      laneEnds[lane] = o.completeMs ?? Infinity;
      laneOf.set(o.id, y + lane * LANE_PX);
    }
    const heightPx = Math.max(1, laneEnds.length) * LANE_PX;
    clients.push({ client, y, heightPx });
    y += heightPx + CLIENT_GAP_PX;
  }

  const bars: Bar[] = ops.map((op) => {
    const open = op.completeMs === null;
    const x0 = x(op.invokeMs);
    const x1 = Math.max(x0 + BAR_MIN_PX, x(op.completeMs ?? t1));
    return { op, x0, x1, y: laneOf.get(op.id) ?? 0, open, failed: op.id === verdict?.failedOpId };
  });

  return {
    widthPx,
    heightPx: y + AXIS_PX,
    domainMs: [t0, t1],
    clients,
    bars,
    markers: orderMarkers(history, bars, verdict?.order ?? [], t1, x),
    ticks: x.ticks(Math.max(2, Math.floor(widthPx / 120))).map((ms) => ({ x: x(ms), ms })),
    total: history.length,
    shown: ops.length,
  };
}

/**
 * A point for each operation of the order: the earliest instant in its
 * interval not before the previous one, so the numbers run left to right as
 * a valid linearization must (each point within its operation, in order).
 */
function orderMarkers(
  history: readonly HistoryOp[],
  bars: readonly Bar[],
  order: readonly number[],
  endMs: number,
  x: (ms: number) => number,
): OrderMarker[] {
  if (order.length === 0) return [];
  const opById = new Map(history.map((o) => [o.id, o]));
  const barById = new Map(bars.map((b) => [b.op.id, b]));
  const markers: OrderMarker[] = [];
  let t = -Infinity;
  order.forEach((id, k) => {
    const op = opById.get(id);
    if (!op) return;
    t = Math.min(Math.max(t, op.invokeMs), op.completeMs ?? endMs);
    const bar = barById.get(id);
    if (bar)
      markers.push({ opId: id, n: k + 1, x: Math.min(Math.max(x(t), bar.x0), bar.x1), y: bar.y });
  });
  return markers;
}
