import { describe, expect, it } from 'vitest';
import { isAtEnd, scrollToReveal, visibleWindow } from './logWindow.ts';

describe('visibleWindow', () => {
  const base = { cellPx: 40, viewportPx: 400, overscanCells: 2 };

  it('renders what is in view plus the overscan, clamped to the log', () => {
    expect(visibleWindow({ ...base, scrollLeftPx: 0, count: 5000 })).toEqual({ start: 0, end: 12 });
    expect(visibleWindow({ ...base, scrollLeftPx: 4000, count: 5000 })).toEqual({
      start: 98,
      end: 112,
    });
  });

  it('counts a partly visible cell at either edge', () => {
    // Scrolled by 20 px: cell 0 is half shown and cell 10 is half shown.
    expect(visibleWindow({ ...base, scrollLeftPx: 20, overscanCells: 0, count: 100 })).toEqual({
      start: 0,
      end: 11,
    });
  });

  it('stops at the last slot and copes with short or empty logs', () => {
    expect(visibleWindow({ ...base, scrollLeftPx: 0, count: 3 })).toEqual({ start: 0, end: 3 });
    expect(visibleWindow({ ...base, scrollLeftPx: 0, count: 0 })).toEqual({ start: 0, end: 0 });
    expect(visibleWindow({ ...base, scrollLeftPx: 99_999, count: 10 })).toEqual({
      start: 10,
      end: 10,
    });
  });

  it('keeps the work bounded by the view, not the log', () => {
    const w = visibleWindow({ cellPx: 36, viewportPx: 1200, scrollLeftPx: 36 * 1500, count: 2000 });
    expect(w.end - w.start).toBeLessThan(60);
  });
});

describe('scrollToReveal', () => {
  it('moves only when the slot is out of view, and as little as needed', () => {
    expect(scrollToReveal(5, 0, 400, 40)).toBe(0);
    expect(scrollToReveal(10, 0, 400, 40)).toBe(40);
    expect(scrollToReveal(2, 200, 400, 40)).toBe(80);
  });
});

describe('isAtEnd', () => {
  it('is true when the last slot shows', () => {
    expect(isAtEnd(600, 400, 40, 25)).toBe(true);
    expect(isAtEnd(0, 400, 40, 25)).toBe(false);
    expect(isAtEnd(0, 400, 40, 5)).toBe(true);
  });
});
