import { describe, expect, it } from 'vitest';
import { ringPositions, statusMarkPath } from './geometry.ts';

describe('ringPositions', () => {
  it('puts the first node at the top and goes clockwise', () => {
    const [first, second] = ringPositions(4, { x: 100, y: 100 }, 50);
    expect(first?.x).toBeCloseTo(100);
    expect(first?.y).toBeCloseTo(50);
    // Clockwise on screen (y grows downwards): the second node is to the right.
    expect(second?.x).toBeCloseTo(150);
    expect(second?.y).toBeCloseTo(100);
  });

  it('keeps every node on the circle', () => {
    for (const p of ringPositions(5, { x: 0, y: 0 }, 10)) {
      expect(Math.hypot(p.x, p.y)).toBeCloseTo(10);
    }
  });
});

describe('statusMarkPath', () => {
  it('gives each status its own shape', () => {
    const statuses = ['follower', 'precandidate', 'candidate', 'leader', 'crashed'] as const;
    const paths = statuses.map((s) => statusMarkPath(s, 100));
    expect(new Set(paths).size).toBe(statuses.length);
  });
});
