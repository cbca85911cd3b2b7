import { memo } from 'react';
import { messages } from '../i18n/index.ts';
import type { LogCellModel } from './logCell.ts';
import { termColourClass } from './theme.ts';

export interface LogCellProps {
  readonly id: string;
  readonly cell: LogCellModel;
  readonly rowIndex: number;
  readonly slot: number;
  readonly active: boolean;
  readonly selected: boolean;
  /** Marked by another view: the selected entry where it is held, or carried by the selected message. */
  readonly linked: boolean;
}

/** Whether two cells show the same: every field of the model (a refresh makes new objects). */
function sameCell(a: LogCellModel, b: LogCellModel): boolean {
  for (const key of Object.keys(a) as (keyof LogCellModel)[]) if (a[key] !== b[key]) return false;
  return true;
}

function sameProps(a: LogCellProps, b: LogCellProps): boolean {
  return (
    a.id === b.id &&
    a.rowIndex === b.rowIndex &&
    a.slot === b.slot &&
    a.active === b.active &&
    a.selected === b.selected &&
    a.linked === b.linked &&
    sameCell(a.cell, b.cell)
  );
}

/** One slot of a log row: the entry's term by number and colour, and its marks. */
export const LogCell = memo(function LogCell({
  id,
  cell,
  rowIndex,
  slot,
  active,
  selected,
  linked,
}: LogCellProps) {
  const classes = ['rv-cell'];
  if (cell.compacted) classes.push('rv-cell--compacted');
  if (cell.term === null) {
    if (!cell.compacted) classes.push('rv-cell--empty');
  } else
    classes.push(
      termColourClass(cell.term),
      cell.committed ? 'rv-cell--committed' : 'rv-cell--uncommitted',
    );
  if (cell.agreement === 'conflict') classes.push('rv-cell--conflict');
  if (cell.agreement === 'extra') classes.push('rv-cell--extra');
  if (cell.isCommitIndex) classes.push('rv-cell--commit-mark');
  if (active) classes.push('rv-cell--active');
  if (linked) classes.push('rv-cell--linked');
  return (
    <span
      role="gridcell"
      id={id}
      aria-colindex={slot + 2}
      aria-label={cell.label}
      aria-selected={selected}
      data-row={rowIndex}
      data-slot={slot}
      data-linked={linked || undefined}
      className={classes.join(' ')}
    >
      <span className="rv-cell__term" aria-hidden="true">
        {cell.term ?? ''}
        {cell.snapshotLast && (
          <span className="rv-cell__flag">{messages().beyond.snapshotMark}</span>
        )}
        {cell.agreement === 'conflict' && <span className="rv-cell__flag">≠</span>}
        {cell.agreement === 'extra' && <span className="rv-cell__flag">+</span>}
      </span>
      <span className="rv-cell__marks" aria-hidden="true">
        {cell.isCommitIndex && <span className="rv-mark rv-mark--commit">C</span>}
        {cell.isLastApplied && <span className="rv-mark rv-mark--apply">A</span>}
        {cell.isMatchIndex && <span className="rv-mark rv-mark--match">m</span>}
        {cell.isNextIndex && <span className="rv-mark rv-mark--next">n</span>}
      </span>
    </span>
  );
}, sameProps);
