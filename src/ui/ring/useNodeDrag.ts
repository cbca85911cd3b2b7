import { drag, select } from 'd3';
import { useEffect, useRef, type RefObject } from 'react';
import type { Point } from '../geometry.ts';

/** A press that moves less than this is a click (the node's menu), not a drag. */
export const CLICK_DISTANCE_PX = 6;

export interface DragHandlers {
  /** The node follows the pointer; null when the drag ends. */
  move: (id: number, at: Point | null) => void;
  /** Dropped at `at` (svg user units) after a real drag. */
  drop: (id: number, at: Point) => void;
}

/**
 * d3-drag on the ring's nodes, wrapped once: bound in an effect to the
 * `g.node` elements (by their data-node id), unbound on cleanup. React keeps
 * drawing; d3 only reports where the pointer is, in the svg's units.
 */
export function useNodeDrag(
  svgRef: RefObject<SVGSVGElement | null>,
  nodeCount: number,
  handlers: DragHandlers,
) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const nodes = select(svg).selectAll<SVGGElement, unknown>('g.node');
    let moved = false;
    const behaviour = drag<SVGGElement, unknown>()
      .container(() => svg)
      .clickDistance(CLICK_DISTANCE_PX)
      .on('start', (event: { x: number; y: number }) => {
        moved = false;
        start = { x: event.x, y: event.y };
      })
      .on('drag', function (this: SVGGElement, event: { x: number; y: number }) {
        if (!moved && Math.hypot(event.x - start.x, event.y - start.y) < CLICK_DISTANCE_PX) return;
        moved = true;
        latest.current.move(Number(this.dataset.node), { x: event.x, y: event.y });
      })
      .on('end', function (this: SVGGElement, event: { x: number; y: number }) {
        const id = Number(this.dataset.node);
        latest.current.move(id, null);
        if (moved) latest.current.drop(id, { x: event.x, y: event.y });
      });
    let start: Point = { x: 0, y: 0 };
    nodes.call(behaviour);
    return () => {
      nodes.on('.drag', null);
    };
  }, [svgRef, nodeCount]);
}
