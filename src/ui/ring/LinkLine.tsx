import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { Point } from '../geometry.ts';
import { messages, useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { pointAlong } from './flight.ts';
import { linkStatus, type LinkState } from './links.ts';

interface Props {
  link: LinkState;
  from: Point;
  to: Point;
  insetPx: number;
  /** Pointed at by a lesson's step: drawn in the linked views' mark. */
  marked?: boolean;
  onOpen: (link: LinkState, anchor: Element) => void;
}

export function linkLabel(link: LinkState): string {
  const a = nodeName(link.a);
  const b = nodeName(link.b);
  const status = linkStatus(link);
  const r = messages().ring;
  if (status === 'up') return r.linkUp(a, b);
  if (status === 'cut') return r.linkCut(a, b);
  return link.aToB ? r.linkOneWay(a, b, b, a) : r.linkOneWay(a, b, a, b);
}

/**
 * A link between two servers: a thin line when it works, broken with a gap
 * and a cross when cut, and for a one-way cut an arrow along the direction
 * that still carries messages beside a broken half for the cut one.
 */
export const LinkLine = memo(function LinkLine({
  link,
  from,
  to,
  insetPx,
  marked = false,
  onOpen,
}: Props) {
  useMessages();
  const status = linkStatus(link);
  const a = pointAlong(from, to, 0, insetPx);
  const b = pointAlong(from, to, 1, insetPx);
  const gapA = pointAlong(from, to, 0.44, insetPx);
  const gapB = pointAlong(from, to, 0.56, insetPx);
  const mid = pointAlong(from, to, 0.5, insetPx);
  const open = (event: MouseEvent<SVGGElement> | KeyboardEvent<SVGGElement>) => {
    event.preventDefault();
    event.stopPropagation();
    onOpen(link, event.currentTarget);
  };
  // Direction still working on a one-way cut: from the end whose sending works.
  const [w0, w1] = link.aToB ? [a, b] : [b, a];
  const label = linkLabel(link);
  return (
    <g
      className={`link link--${status}${marked ? ' link--marked' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-haspopup="menu"
      data-testid={`link-${nodeName(link.a)}-${nodeName(link.b)}`}
      data-status={status}
      data-marked={marked || undefined}
      data-cut={
        status === 'one-way'
          ? link.aToB
            ? `${nodeName(link.b)}→${nodeName(link.a)}`
            : `${nodeName(link.a)}→${nodeName(link.b)}`
          : status === 'cut'
            ? 'both'
            : 'none'
      }
      onClick={open}
      onContextMenu={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') open(event);
      }}
    >
      <title>{label}</title>
      <line className="link__hit" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
      {marked && <line className="link__mark" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />}
      {status === 'up' && <line className="link__line" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />}
      {status === 'cut' && (
        <>
          <line className="link__line link__line--cut" x1={a.x} y1={a.y} x2={gapA.x} y2={gapA.y} />
          <line className="link__line link__line--cut" x1={gapB.x} y1={gapB.y} x2={b.x} y2={b.y} />
          <text className="link__cross" x={mid.x} y={mid.y} aria-hidden="true">
            ✕
          </text>
        </>
      )}
      {status === 'one-way' && (
        <>
          <line className="link__line link__line--cut" x1={w1.x} y1={w1.y} x2={mid.x} y2={mid.y} />
          <line
            className="link__line link__line--oneway"
            x1={w0.x}
            y1={w0.y}
            x2={w1.x}
            y2={w1.y}
            markerEnd="url(#arrow)"
          />
          <text className="link__cross" x={mid.x} y={mid.y} aria-hidden="true">
            ⇸
          </text>
        </>
      )}
    </g>
  );
});
