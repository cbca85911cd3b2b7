import type { NodeId } from '../../sim/index.ts';
import type { Point } from '../geometry.ts';

/**
 * Where a dragged server lands: on the server nearest the drop point if it
 * is within `reachPx` (it joins that server's side), else on empty space
 * (it gets a side of its own). Dropping it back on itself changes nothing.
 */
export function dropTarget(
  id: NodeId,
  at: Point,
  positions: ReadonlyMap<NodeId, Point>,
  reachPx: number,
): NodeId | 'self' | null {
  let best: NodeId | null = null;
  let bestDistance = Infinity;
  for (const [other, p] of positions) {
    const d = Math.hypot(p.x - at.x, p.y - at.y);
    if (d < bestDistance) {
      best = other;
      bestDistance = d;
    }
  }
  if (best === null || bestDistance > reachPx) return null;
  return best === id ? 'self' : best;
}

/** Letters for the sides of a partition: A for the side of the lowest id. */
export function sideNames(groups: readonly (readonly NodeId[])[]): Map<NodeId, string> {
  const names = new Map<NodeId, string>();
  if (groups.length <= 1) return names;
  const ordered = [...groups].sort((x, y) => Math.min(...x) - Math.min(...y));
  ordered.forEach((g, k) => g.forEach((id) => names.set(id, String.fromCharCode(65 + k))));
  return names;
}
