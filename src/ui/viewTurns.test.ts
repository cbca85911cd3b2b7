import { describe, expect, it } from 'vitest';
import {
  LIVE_VIEWS,
  OFF_SCREEN_REFRESH_WALL_MS,
  SHOWN_REFRESH_WALL_MS,
  ViewTurns,
  type LiveView,
} from './viewTurns.ts';

/** The views redrawn at each frame from `fromMs` to `toMs`, 60 frames a second. */
function frames(turns: ViewTurns, fromMs: number, toMs: number): LiveView[][] {
  const out: LiveView[][] = [];
  for (let ms = fromMs; ms < toMs; ms += 1000 / 60) out.push([...turns.take(ms, true)]);
  return out;
}

describe('ViewTurns', () => {
  it('redraws every view at once when time does not run', () => {
    const turns = new ViewTurns();
    expect(turns.take(0, false)).toEqual(LIVE_VIEWS);
    expect(turns.take(1, false)).toEqual(LIVE_VIEWS);
  });

  it('while time runs, redraws at most one view a frame, each about ten times a second', () => {
    const turns = new ViewTurns();
    const seen = frames(turns, 0, 2_000);
    expect(seen.every((f) => f.length <= 1)).toBe(true);
    for (const v of LIVE_VIEWS) {
      const count = seen.filter((f) => f[0] === v).length;
      // One turn per SHOWN_REFRESH_WALL_MS, rounded up to a frame.
      expect(count).toBeGreaterThanOrEqual(2_000 / (SHOWN_REFRESH_WALL_MS + 1000 / 60));
      expect(count).toBeLessThanOrEqual(2_000 / SHOWN_REFRESH_WALL_MS);
    }
  });

  it('gives the view waiting longest the next turn', () => {
    const turns = new ViewTurns();
    turns.take(0, false);
    expect(turns.take(SHOWN_REFRESH_WALL_MS - 1, true)).toEqual([]);
    expect(turns.take(SHOWN_REFRESH_WALL_MS, true)).toEqual(['logs']);
    expect(turns.take(SHOWN_REFRESH_WALL_MS, true)).toEqual(['state']);
  });

  it('redraws a view off screen about once a second, and as often as the rest once it shows', () => {
    const turns = new ViewTurns();
    turns.setShown('history', 'offscreen');
    const seen = frames(turns, 0, 3_000);
    const history = seen.filter((f) => f[0] === 'history').length;
    expect(history).toBeGreaterThanOrEqual(3_000 / OFF_SCREEN_REFRESH_WALL_MS - 1);
    expect(history).toBeLessThanOrEqual(3_000 / OFF_SCREEN_REFRESH_WALL_MS);
    turns.setShown('history', 'shown');
    const after = frames(turns, 3_000, 4_000).filter((f) => f[0] === 'history').length;
    expect(after).toBeGreaterThanOrEqual(8);
  });

  it('never redraws a view that is not rendered while time runs; paused, it redraws with the rest, and at once when it shows', () => {
    const turns = new ViewTurns();
    turns.setShown('feed', 'hidden');
    const seen = frames(turns, 0, 3_000);
    expect(seen.filter((f) => f[0] === 'feed')).toEqual([]);
    // The turns it leaves go to the others: each still about ten times a second.
    expect(seen.filter((f) => f[0] === 'logs').length).toBeGreaterThanOrEqual(
      3_000 / (SHOWN_REFRESH_WALL_MS + 1000 / 60),
    );
    // Shown again, it has waited longest: the next turn is its.
    turns.setShown('feed', 'shown');
    expect(turns.take(3_000, true)).toEqual(['feed']);
    // Paused, a view not rendered redraws with the rest (what it shows once shown is current).
    turns.setShown('feed', 'hidden');
    expect(turns.take(3_100, false)).toEqual(LIVE_VIEWS);
  });

  it('after a redraw of all, waits a full period before the next turn', () => {
    const turns = new ViewTurns();
    turns.take(0, true);
    turns.take(500, false);
    expect(turns.take(500 + SHOWN_REFRESH_WALL_MS / 2, true)).toEqual([]);
  });
});
