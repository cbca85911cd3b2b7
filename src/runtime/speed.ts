/**
 * Wall-clock pacing of virtual time: how fast the page plays a run. Speed
 * never changes a run (a run depends only on its options, seed and input
 * log), so this may use the wall clock; src/sim may not.
 */

/** Virtual ms per wall ms, or 'max': as fast as the workers go. */
export type Speed = number | 'max';

/** Slowest rate: one virtual ms per 100 wall ms (1/100x). */
export const SPEED_MIN = 0.01;

/** The rates the page offers, slowest first. */
export const SPEEDS: readonly Speed[] = [SPEED_MIN, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 'max'];

/** Longest wall gap one frame turns into virtual time, so a tab whose frames
 * were paused (hidden) or a slow advance does not make time jump ahead. */
export const FRAME_WALL_MS_MAX = 100;

/** Virtual time one advance covers at 'max' before the loop yields to the page. */
export const MAX_SPEED_SLICE_VIRTUAL_MS = 200;

/** At 'max', the page's views are refreshed at most this often. */
export const REFRESH_WALL_MS_MIN = 16;

/** Float error allowed when whole ms are taken out of the carried fraction. */
const CARRY_TOLERANCE_MS = 1e-9;

/** What the pacer needs from the host page. */
export interface WallClock {
  now(): number;
  /** Calls back on the next animation frame; returns a cancel function. */
  frame(callback: (wallMs: number) => void): () => void;
  /** Lets the page handle input and render before the loop goes on. */
  yield(): Promise<void>;
}

interface Scheduler {
  yield?: () => Promise<void>;
}

export function browserClock(): WallClock {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  return {
    now: () => performance.now(),
    frame: (callback) => {
      const handle = requestAnimationFrame(callback);
      return () => cancelAnimationFrame(handle);
    },
    // A macrotask, not setTimeout(0): nested timeouts are clamped to 4 ms.
    yield: () =>
      scheduler?.yield
        ? scheduler.yield()
        : new Promise<void>((resolve) => {
            waiting.push(resolve);
            channel.port2.postMessage(null);
          }),
  };
}

/**
 * Plays a run at a chosen speed. At a rate r it advances virtual time by
 * r x the wall time since the last frame (at most FRAME_WALL_MS_MAX of it),
 * once per animation frame, and waits for each advance before the next: two
 * advances never overlap. At 'max' it advances back to back, yielding to the
 * page between slices. While paused there is no frame request and no timer,
 * so the page uses no CPU.
 */
export class Pacer {
  private speedValue: Speed;
  private playingValue = false;
  private disposed = false;
  /** The running loop, if any; at most one runs. */
  private loop: Promise<void> | null = null;
  /** Cancels the loop's pending frame request. */
  private cancelFrame: (() => void) | null = null;
  private lastRefreshWallMs = -Infinity;

  constructor(
    /** Advances virtual time by whole ms. */
    private readonly advance: (ms: number) => Promise<void>,
    /** Called after advances, so the views can redraw (throttled at 'max'). */
    private readonly onAdvanced: () => void,
    /** Called when an advance fails; the pacer pauses. */
    private readonly onError: (error: unknown) => void,
    speed: Speed,
    private readonly clock: WallClock = browserClock(),
  ) {
    this.speedValue = checkSpeed(speed);
  }

  get speed(): Speed {
    return this.speedValue;
  }

  get playing(): boolean {
    return this.playingValue;
  }

  /** Changes the rate at once, playing or not; the run is the same at any speed. */
  setSpeed(speed: Speed): void {
    this.speedValue = checkSpeed(speed);
  }

  play(): void {
    if (this.disposed) return;
    this.playingValue = true;
    this.loop ??= this.run().finally(() => (this.loop = null));
  }

  pause(): void {
    this.playingValue = false;
    this.cancelFrame?.();
  }

  /** Resolves once no advance of the pacer is running (after pause, before a step). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  dispose(): void {
    this.disposed = true;
    this.pause();
  }

  private async run(): Promise<void> {
    let lastWallMs = this.clock.now();
    let carryVirtualMs = 0;
    try {
      while (this.playingValue && !this.disposed) {
        if (this.speedValue === 'max') {
          await this.advance(MAX_SPEED_SLICE_VIRTUAL_MS);
          this.refresh(false);
          await this.clock.yield();
          lastWallMs = this.clock.now();
          carryVirtualMs = 0;
          continue;
        }
        const wallMs = await this.nextFrame();
        // Paused while waiting (the loop condition decides), or switched to 'max'.
        const speed = this.speed; // read again: setSpeed may have run while we waited
        if (wallMs === null || speed === 'max') continue;
        carryVirtualMs += Math.min(Math.max(0, wallMs - lastWallMs), FRAME_WALL_MS_MAX) * speed;
        lastWallMs = wallMs;
        // The tolerance keeps float error (ten frames of 0.1 ms making 0.999...) from losing a ms.
        const wholeMs = Math.floor(carryVirtualMs + CARRY_TOLERANCE_MS);
        carryVirtualMs = Math.max(0, carryVirtualMs - wholeMs);
        if (wholeMs > 0) {
          await this.advance(wholeMs);
          this.refresh(true);
        }
      }
    } catch (error) {
      this.playingValue = false;
      this.onError(error);
    }
  }

  /** The next frame's wall time, or null if the pacer was paused first. */
  private nextFrame(): Promise<number | null> {
    return new Promise((resolve) => {
      const cancel = this.clock.frame((wallMs) => {
        this.cancelFrame = null;
        resolve(wallMs);
      });
      this.cancelFrame = () => {
        this.cancelFrame = null;
        cancel();
        resolve(null);
      };
    });
  }

  private refresh(always: boolean): void {
    const now = this.clock.now();
    if (!always && now - this.lastRefreshWallMs < REFRESH_WALL_MS_MIN) return;
    this.lastRefreshWallMs = now;
    this.onAdvanced();
  }
}

function checkSpeed(speed: Speed): Speed {
  if (speed === 'max' || (Number.isFinite(speed) && speed >= SPEED_MIN)) return speed;
  throw new RangeError(
    `A speed is at least ${SPEED_MIN}x (1/100 of real time) or "max"; got ${speed}.`,
  );
}

/** How the page names a speed: "1/100x", "0.25x", "2x", "max". */
export function speedLabel(speed: Speed): string {
  if (speed === 'max') return 'max';
  if (speed < 1 && Number.isInteger(1 / speed)) return `1/${1 / speed}x`;
  return `${speed}x`;
}
