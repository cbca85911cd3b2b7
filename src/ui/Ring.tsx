import { ringPositions } from './geometry.ts';
import { NODE_RADIUS_PX, NodeGlyph } from './NodeGlyph.tsx';
import { selectNodes } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

const VIEW_SIZE_PX = 420;
const RING_RADIUS_PX = 150;

/** The cluster as a ring of servers. */
export function Ring() {
  const nodes = usePlayground(selectNodes);
  const center = { x: VIEW_SIZE_PX / 2, y: VIEW_SIZE_PX / 2 };
  const positions = ringPositions(nodes.length, center, RING_RADIUS_PX);
  return (
    <svg
      className="ring"
      viewBox={`0 0 ${VIEW_SIZE_PX} ${VIEW_SIZE_PX}`}
      role="group"
      aria-label="Cluster"
      data-testid="ring"
    >
      <circle
        className="ring__track"
        cx={center.x}
        cy={center.y}
        r={RING_RADIUS_PX}
        strokeDasharray={`${NODE_RADIUS_PX / 4} ${NODE_RADIUS_PX / 4}`}
      />
      {nodes.map((node, i) => (
        <NodeGlyph key={node.id} node={node} at={positions[i] ?? center} />
      ))}
    </svg>
  );
}
