import {
  scaleLinear,
  symbol,
  symbolCircle,
  symbolStar,
  symbolTimes,
  symbolTriangle,
  symbolTriangle2,
} from 'd3';
import type { NodeView } from '../sim/index.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Centres of `count` nodes evenly spaced on a circle, the first at the top,
 * going clockwise. */
export function ringPositions(count: number, center: Point, radius: number): Point[] {
  const angle = scaleLinear()
    .domain([0, count])
    .range([-Math.PI / 2, (3 * Math.PI) / 2]);
  return Array.from({ length: count }, (_, i) => ({
    x: center.x + radius * Math.cos(angle(i)),
    y: center.y + radius * Math.sin(angle(i)),
  }));
}

/** What a node is right now, as the page names it: its role, or crashed. */
export type NodeStatus = NodeView['role'] | 'crashed';

export function nodeStatus(node: NodeView): NodeStatus {
  return node.alive ? node.role : 'crashed';
}

const SYMBOL_TYPE = {
  follower: symbolCircle,
  // An outlined triangle: a pre-candidate asks whether it could win before
  // it becomes a candidate (PreVote, dissertation §9.6).
  precandidate: symbolTriangle2,
  candidate: symbolTriangle,
  leader: symbolStar,
  crashed: symbolTimes,
} as const;

/** SVG path of the role mark: a shape per status, so colour is never the only cue. */
export function statusMarkPath(status: NodeStatus, areaPx2: number): string {
  return symbol(SYMBOL_TYPE[status], areaPx2)() ?? '';
}
