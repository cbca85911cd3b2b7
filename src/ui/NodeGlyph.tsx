import { arc } from 'd3';
import type { KeyboardEvent, MouseEvent } from 'react';
import { nodeStatus, statusMarkPath, type Point } from './geometry.ts';
import { useMessages } from './i18n/index.ts';
import type { Membership } from './membership.ts';
import { nodeAriaLabel, nodeName } from './labels.ts';
import type { TimerArc } from './ring/timer.ts';
import type { NodeSnapshot } from './store.ts';

export const NODE_RADIUS_PX = 34;
const MARK_AREA_PX2 = 150;
const ARC_INNER_PX = NODE_RADIUS_PX + 3;
const ARC_OUTER_PX = NODE_RADIUS_PX + 8;
const FULL_TURN = 2 * Math.PI;

const timerPath = arc<{ end: number }>()
  .innerRadius(ARC_INNER_PX)
  .outerRadius(ARC_OUTER_PX)
  .startAngle(0)
  .endAngle((d) => d.end);

interface Props {
  node: NodeSnapshot;
  at: Point;
  timer: TimerArc | null;
  /** Cut off from every other server. */
  cutOff: boolean;
  /** Which side of a partition it is on ("A", "B", ...), or null when the network is whole. */
  side: string | null;
  selected: boolean;
  /** Pointed at or selected here or in another view (stage/linked.ts). */
  marked: boolean;
  dragging: boolean;
  /** A learner catching up, or a server removed from the configuration (§4.1). */
  membership: Membership;
  onOpen: (id: number, anchor: Element) => void;
  /** The pointer or the focus came onto the server (its id) or left it (null). */
  onHover: (id: number | null) => void;
}

/**
 * One server on the ring: its name, role (shape, colour and word), term and
 * vote, its election timer running down, and crashed or cut-off states. A
 * button: click, tap, Enter or the context menu open its actions.
 */
export function NodeGlyph({
  node,
  at,
  timer,
  cutOff,
  side,
  selected,
  marked,
  dragging,
  membership,
  onOpen,
  onHover,
}: Props) {
  const m = useMessages();
  const name = nodeName(node.id);
  const status = nodeStatus(node);
  const open = (event: MouseEvent<SVGGElement> | KeyboardEvent<SVGGElement>) => {
    event.preventDefault();
    onOpen(node.id, event.currentTarget);
  };
  const member =
    membership === 'learner'
      ? `, ${m.beyond.ariaLearner}`
      : membership === 'removed'
        ? `, ${m.beyond.ariaRemoved}`
        : '';
  const label = `${nodeAriaLabel(node)}${member}${cutOff ? m.ring.cutOff : ''}`;
  return (
    <g
      className={`node node--${status} node--${membership}${cutOff ? ' node--cut-off' : ''}${selected ? ' node--selected' : ''}${marked ? ' node--marked' : ''}${dragging ? ' node--dragging' : ''}`}
      transform={`translate(${at.x},${at.y})`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-haspopup="menu"
      aria-pressed={selected}
      data-testid={`node-${name}`}
      data-node={node.id}
      data-status={status}
      data-membership={membership}
      data-marked={marked || undefined}
      onClick={open}
      onContextMenu={open}
      onPointerEnter={() => onHover(node.id)}
      onPointerLeave={() => onHover(null)}
      onFocus={() => onHover(node.id)}
      onBlur={() => onHover(null)}
      onKeyDown={(event) => {
        // A button opens on Enter and Space; the context menu key and Shift+F10 too.
        if (['Enter', ' ', 'ContextMenu', 'F10'].includes(event.key)) open(event);
      }}
    >
      <title>{node.error ? m.ring.failed(name, node.error) : label}</title>
      <circle className="node__focus" r={ARC_OUTER_PX + 4} />
      {marked && <circle className="node__mark-ring" r={ARC_OUTER_PX + 8} aria-hidden="true" />}
      {timer && (
        <g className="node__timer" data-testid={`timer-${name}`} aria-hidden="true">
          <circle className="node__timer-track" r={(ARC_INNER_PX + ARC_OUTER_PX) / 2} />
          {/* Light: the window [min, max] in which the timer fires; solid: before min, it cannot. */}
          <path
            className="node__timer-window"
            d={timerPath({ end: FULL_TURN * timer.beforeMax }) ?? ''}
          />
          <path
            className="node__timer-sure"
            d={timerPath({ end: FULL_TURN * timer.beforeMin }) ?? ''}
          />
        </g>
      )}
      <circle className="node__body" r={NODE_RADIUS_PX} />
      {cutOff && <circle className="node__cut" r={NODE_RADIUS_PX + 12} aria-hidden="true" />}
      <path
        className="node__mark"
        d={statusMarkPath(status, MARK_AREA_PX2)}
        transform="translate(0,-17)"
      />
      <text className="node__name" y={4} aria-hidden="true">
        {name}
      </text>
      <text className="node__role" y={18} aria-hidden="true" data-testid={`role-${name}`}>
        {m.roles[status]}
      </text>
      <text className="node__term" y={NODE_RADIUS_PX + 22} aria-hidden="true">
        {m.ring.term} <tspan data-testid={`term-${name}`}>{node.term}</tspan>
        {m.ring.vote}
        <tspan data-testid={`vote-${name}`}>
          {node.votedFor === null ? '–' : nodeName(node.votedFor)}
        </tspan>
      </text>
      {membership !== 'voter' && (
        <text
          className="node__membership"
          y={-NODE_RADIUS_PX - 14}
          aria-hidden="true"
          data-testid={`membership-${name}`}
        >
          {membership === 'learner' ? m.beyond.learner : m.beyond.removed}
        </text>
      )}
      {side && (
        <text
          className="node__side"
          y={NODE_RADIUS_PX + 36}
          aria-hidden="true"
          data-testid={`side-${name}`}
        >
          {m.ring.side(side)}
        </text>
      )}
    </g>
  );
}
