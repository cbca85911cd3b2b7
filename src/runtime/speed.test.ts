import { describe, expect, it } from 'vitest';
import { FRAME_WALL_MS_MAX, MAX_SPEED_SLICE_VIRTUAL_MS, Pacer, speedLabel } from './speed';
import { ManualClock } from './testing';

function setup(speed: number | 'max') {
  const clock = new ManualClock();
  const advances: number[] = [];
  let inFlight = 0;
  let overlapped = false;
  const advance = async (ms: number) => {
    if (inFlight > 0) overlapped = true;
    inFlight++;
    advances.push(ms);
    await Promise.resolve();
    inFlight--;
  };
  const pacer = new Pacer(
    advance,
    () => undefined,
    () => undefined,
    speed,
    clock,
  );
  return { clock, advances, pacer, overlapped: () => overlapped };
}

describe('the pacer', () => {
  it('advances virtual time by the rate times the wall time of each frame', async () => {
    const { clock, advances, pacer } = setup(0.5);
    pacer.play();
    for (let k = 0; k < 10; k++) await clock.tick(10);
    pacer.pause();
    expect(advances.reduce((a, b) => a + b, 0)).toBe(50);
  });

  it('carries fractions of a ms over at slow rates (1/100x)', async () => {
    const { clock, advances, pacer } = setup(0.01);
    pacer.play();
    for (let k = 0; k < 30; k++) await clock.tick(10);
    pacer.pause();
    expect(advances).toEqual([1, 1, 1]);
  });

  it('turns at most FRAME_WALL_MS_MAX of wall time into one advance', async () => {
    const { clock, advances, pacer } = setup(1);
    pacer.play();
    await clock.tick(10_000);
    pacer.pause();
    expect(advances).toEqual([FRAME_WALL_MS_MAX]);
  });

  it('changes speed while playing without restarting', async () => {
    const { clock, advances, pacer } = setup(1);
    pacer.play();
    await clock.tick(10);
    pacer.setSpeed(2);
    await clock.tick(10);
    pacer.pause();
    expect(advances).toEqual([10, 20]);
  });

  it('requests no frame and runs nothing while paused', async () => {
    const { clock, advances, pacer } = setup(1);
    pacer.play();
    await clock.tick(10);
    pacer.pause();
    await pacer.idle();
    expect(clock.pendingFrames).toBe(0);
    await clock.tick(10);
    expect(advances).toEqual([10]);
  });

  it("at 'max' advances back to back, yielding between slices, never overlapping", async () => {
    const { clock, advances, pacer, overlapped } = setup('max');
    pacer.play();
    while (advances.length < 5) await new Promise((resolve) => setTimeout(resolve, 0));
    pacer.pause();
    await pacer.idle();
    expect(advances.slice(0, 5)).toEqual(Array(5).fill(MAX_SPEED_SLICE_VIRTUAL_MS));
    expect(clock.yields).toBeGreaterThanOrEqual(4);
    expect(overlapped()).toBe(false);
  });

  it('rejects a speed below 1/100x', () => {
    expect(() => setup(0.001)).toThrow(/at least 0.01x/);
  });

  it('names speeds as a student reads them', () => {
    expect([0.01, 0.25, 1, 10, 'max' as const].map(speedLabel)).toEqual([
      '1/100x',
      '1/4x',
      '1x',
      '10x',
      'max',
    ]);
  });
});
