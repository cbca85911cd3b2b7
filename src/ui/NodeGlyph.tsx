import { nodeStatus, statusMarkPath, type Point } from './geometry.ts';
import { nodeAriaLabel, nodeName } from './labels.ts';
import type { NodeSnapshot } from './store.ts';

export const NODE_RADIUS_PX = 38;
const MARK_AREA_PX2 = 180;

interface Props {
  node: NodeSnapshot;
  at: Point;
}

/** One server on the ring: its name, role (shape, colour and word) and term; a failed worker's error as its tooltip. */
export function NodeGlyph({ node, at }: Props) {
  const name = nodeName(node.id);
  const status = nodeStatus(node);
  return (
    <g
      className={`node node--${status}`}
      transform={`translate(${at.x},${at.y})`}
      role="img"
      aria-label={nodeAriaLabel(node)}
      data-testid={`node-${name}`}
    >
      {node.error && <title>{`${name} failed: ${node.error}`}</title>}
      <circle className="node__body" r={NODE_RADIUS_PX} />
      <path
        className="node__mark"
        d={statusMarkPath(status, MARK_AREA_PX2)}
        transform="translate(0,-20)"
      />
      <text className="node__name" y={2} aria-hidden="true">
        {name}
      </text>
      <text className="node__role" y={16} aria-hidden="true" data-testid={`role-${name}`}>
        {status}
      </text>
      <text className="node__term" y={NODE_RADIUS_PX + 16} aria-hidden="true">
        term <tspan data-testid={`term-${name}`}>{node.term}</tspan>
      </text>
    </g>
  );
}
