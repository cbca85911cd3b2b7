import { useEffect } from 'react';
import { selectPlayLoop } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Virtual milliseconds that pass per wall-clock millisecond while playing:
 * slow enough to follow an election by eye. */
export const PLAY_SPEED_VIRTUAL_MS_PER_WALL_MS = 0.25;

/** Longest wall-clock gap one frame may turn into virtual time, so a tab that
 * was hidden (and had its frames paused) does not jump ahead. */
export const FRAME_WALL_MS_MAX = 100;

/**
 * While playing, advances virtual time once per animation frame. While
 * paused there is no frame loop and no timer at all: nothing runs.
 */
export function usePlayLoop(): void {
  const { playing, advance } = usePlayground(selectPlayLoop);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let lastWallMs: number | null = null;
    // Virtual time is advanced in whole milliseconds; the remainder carries over.
    let carryVirtualMs = 0;
    const onFrame = (wallMs: number) => {
      if (lastWallMs !== null) {
        const wallDeltaMs = Math.min(wallMs - lastWallMs, FRAME_WALL_MS_MAX);
        carryVirtualMs += Math.max(0, wallDeltaMs) * PLAY_SPEED_VIRTUAL_MS_PER_WALL_MS;
        const wholeMs = Math.floor(carryVirtualMs);
        carryVirtualMs -= wholeMs;
        advance(wholeMs);
      }
      lastWallMs = wallMs;
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [playing, advance]);
}
