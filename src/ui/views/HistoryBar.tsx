import { memo, type KeyboardEvent } from 'react';
import { useMessages } from '../i18n/index.ts';
import { LANE_PX, type Bar } from './historyLayout.ts';
import { fitText, opDescription, opLabel, STATUS_MARK } from './opLabel.ts';

/** Height of a bar within its lane, px. */
const BAR_PX = LANE_PX - 6;
/** Height of the patterned band at the foot of a bar, px. */
const BAND_PX = 5;

/** Room the "cannot be placed" label needs, px. */
const FAILED_LABEL_PX = 124;

export interface HistoryBarProps {
  readonly bar: Bar;
  /** Width of the drawing, px: a label near the right edge is drawn leftwards. */
  readonly widthPx: number;
  readonly idPrefix: string;
  readonly onSelect?: (opId: number) => void;
}

/**
 * One operation: a bar from invocation to completion (open when unknown),
 * labelled. Redrawn only when it changes: the history's copies of operations
 * keep their identity while unchanged (historyCopy.ts), and the bars hold
 * still between reaches of the time axis (historyLayout.ts).
 */
export const HistoryBar = memo(function HistoryBar({
  bar,
  widthPx,
  idPrefix,
  onSelect,
}: HistoryBarProps) {
  const { op } = bar;
  const h = useMessages().history;
  const width = bar.x1 - bar.x0;
  const label = fitText(`${STATUS_MARK[op.status]} ${opLabel(op)}`, width - 8);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect?.(op.id);
    }
  };
  const classes = `rv-hist__bar rv-hist--${op.status}${bar.open ? ' rv-hist--open' : ''}${bar.failed ? ' rv-hist--failed' : ''}`;
  return (
    <g
      className={classes}
      transform={`translate(${bar.x0},${bar.y + 3})`}
      role={onSelect ? 'button' : 'img'}
      tabIndex={onSelect ? 0 : undefined}
      aria-label={`${opDescription(op)}${bar.failed ? h.cannotPlaceNote : ''}`}
      onClick={onSelect ? () => onSelect(op.id) : undefined}
      onKeyDown={onSelect ? onKeyDown : undefined}
      data-op={op.id}
    >
      <title>{opDescription(op)}</title>
      <rect className="rv-hist__fill" width={width} height={BAR_PX} rx={3} />
      {op.status !== 'ok' && (
        <rect
          y={BAR_PX - BAND_PX}
          width={width}
          height={BAND_PX}
          fill={`url(#${idPrefix}-${op.status})`}
        />
      )}
      {bar.open && (
        <path
          className="rv-hist__arrow"
          d={`M${width - 7} 4L${width - 1} ${BAR_PX / 2}L${width - 7} ${BAR_PX - 4}`}
        />
      )}
      {label && (
        <text className="rv-hist__label" x={4} y={BAR_PX / 2 - 2} dominantBaseline="middle">
          {label}
        </text>
      )}
      {bar.failed && (
        <text
          className="rv-hist__failed-label"
          x={bar.x0 + FAILED_LABEL_PX > widthPx ? widthPx - bar.x0 : 0}
          y={-4}
          textAnchor={bar.x0 + FAILED_LABEL_PX > widthPx ? 'end' : 'start'}
        >
          {h.cannotPlace}
        </text>
      )}
    </g>
  );
}, sameBar);

function sameBar(a: HistoryBarProps, b: HistoryBarProps): boolean {
  return (
    a.bar.op === b.bar.op &&
    a.bar.x0 === b.bar.x0 &&
    a.bar.x1 === b.bar.x1 &&
    a.bar.y === b.bar.y &&
    a.bar.open === b.bar.open &&
    a.bar.failed === b.bar.failed &&
    a.widthPx === b.widthPx &&
    a.idPrefix === b.idPrefix &&
    a.onSelect === b.onSelect
  );
}
