/**
 * Which log cells to render: only those in view, plus a few either side, so
 * a row with thousands of entries costs what a screenful costs.
 */

/** Cells rendered beyond each edge of the view, so a small scroll shows no gap. */
export const LOG_OVERSCAN_CELLS = 6;

/** A half-open range of column slots [start, end). */
export interface CellWindow {
  readonly start: number;
  readonly end: number;
}

export interface WindowInput {
  /** How far the cells are scrolled, px (0 = first slot at the left edge). */
  readonly scrollLeftPx: number;
  /** Width the cells can use, px (the row header excluded). */
  readonly viewportPx: number;
  readonly cellPx: number;
  /** Slots in all. */
  readonly count: number;
  readonly overscanCells?: number;
}

export function visibleWindow({
  scrollLeftPx,
  viewportPx,
  cellPx,
  count,
  overscanCells = LOG_OVERSCAN_CELLS,
}: WindowInput): CellWindow {
  if (count <= 0 || cellPx <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollLeftPx) / cellPx);
  const last = Math.ceil((Math.max(0, scrollLeftPx) + Math.max(0, viewportPx)) / cellPx);
  const start = clamp(first - overscanCells, 0, count);
  const end = clamp(last + overscanCells, start, count);
  return { start, end };
}

/** The scrollLeft that brings `slot` fully into view, moving as little as it can. */
export function scrollToReveal(
  slot: number,
  scrollLeftPx: number,
  viewportPx: number,
  cellPx: number,
): number {
  const left = slot * cellPx;
  const right = left + cellPx;
  if (left < scrollLeftPx) return left;
  if (right > scrollLeftPx + viewportPx) return Math.max(0, right - viewportPx);
  return scrollLeftPx;
}

/** Whether the view shows the last slot: then it follows the log as it grows. */
export function isAtEnd(
  scrollLeftPx: number,
  viewportPx: number,
  cellPx: number,
  count: number,
): boolean {
  return scrollLeftPx + viewportPx >= count * cellPx - cellPx / 2;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
