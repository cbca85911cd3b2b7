import type { WallClock } from './speed';

/** A wall clock the test moves by hand: frames fire when the test says. */
export class ManualClock implements WallClock {
  wallMs = 0;
  private frames = new Map<number, (wallMs: number) => void>();
  private nextHandle = 0;
  yields = 0;

  now(): number {
    return this.wallMs;
  }
  frame(callback: (wallMs: number) => void): () => void {
    const handle = this.nextHandle++;
    this.frames.set(handle, callback);
    return () => this.frames.delete(handle);
  }
  yield(): Promise<void> {
    this.yields++;
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  get pendingFrames(): number {
    return this.frames.size;
  }
  /** Moves the clock by `ms` and fires the pending frames. */
  async tick(ms: number): Promise<void> {
    this.wallMs += ms;
    const due = [...this.frames.values()];
    this.frames.clear();
    for (const f of due) f(this.wallMs);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
