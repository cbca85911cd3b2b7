import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type UIEvent,
} from 'react';
import type { NodeId } from '../../sim/index.ts';
import type { StepMarks } from '../lessons/highlight.ts';
import { useMessages } from '../i18n/index.ts';
import { entryAt, logColumns, type FollowerProgress } from './logDiff.ts';
import { moveInGrid, type GridPosition } from './logKeys.ts';
import { LogRow, type LogNode } from './LogRow.tsx';
import { isAtEnd, scrollToReveal, visibleWindow } from './logWindow.ts';
import { useElementWidth } from './useElementWidth.ts';

const NO_INDEXES: readonly number[] = [];

/** Width of one log cell, px; views.css reads it from --rv-cell-px. */
export const LOG_CELL_PX = 36;
/** Width of the server column, px. */
export const LOG_ROWHEAD_PX = 124;
/** Assumed width until the scroller is measured (and on the server), px. */
const VIEWPORT_FALLBACK_PX = 720;

export interface LogsViewProps {
  readonly nodes: readonly LogNode[];
  readonly leaderId: NodeId | null;
  /** The leader's nextIndex and matchIndex per follower. */
  readonly progress?: Readonly<Record<NodeId, FollowerProgress>>;
  readonly onSelectEntry?: (node: NodeId, index: number) => void;
  readonly selected?: { readonly node: NodeId; readonly index: number } | null;
  /** Whether the page may skip the panel while it is off screen (it does while time runs). */
  readonly skippable?: boolean;
  /** The server other views point at: its row is marked. */
  readonly marked?: NodeId | null;
  /** Entries marked per row (a selected entry where it is held, what a selected message carries). */
  readonly marks?: ReadonlyMap<NodeId, { readonly first: number; readonly last: number }>;
  /** What a lesson's step points at: its servers' rows and its entries are marked too. */
  readonly pointed?: StepMarks;
  /** The pointer came onto a server's row (its id) or left the rows (null). */
  readonly onHoverServer?: (id: NodeId | null) => void;
  /** Said under the title: what the marks show, in words. */
  readonly note?: ReactNode;
}

/**
 * Every server's log, one row each and one column per index, scrolled
 * together. Only the cells in view are rendered (logWindow.ts). A grid for
 * assistive technology: one tab stop, arrows move, Enter selects.
 */
export function LogsView({
  nodes,
  leaderId,
  progress,
  onSelectEntry,
  selected,
  skippable = false,
  marked = null,
  marks,
  pointed,
  onHoverServer,
  note,
}: LogsViewProps) {
  const idPrefix = useId();
  const l = useMessages().logs;
  const scroller = useRef<HTMLDivElement>(null);
  /** Whether the view follows the newest entries: it shows the end of the logs. */
  const [following, setFollowing] = useState(true);
  const widthPx = useElementWidth(scroller, VIEWPORT_FALLBACK_PX);
  const [scrollSlot, setScrollSlot] = useState(0);
  const [active, setActive] = useState<GridPosition | null>(null);

  const leader = nodes.find((n) => n.id === leaderId);
  const leaderLog = leader?.log ?? null;
  const { first, count } = useMemo(() => logColumns(nodes, progress), [nodes, progress]);
  const viewportPx = Math.max(0, widthPx - LOG_ROWHEAD_PX);
  const cellPx = LOG_CELL_PX;
  // While following, the window is placed at the end as it renders, so the
  // new cells show in this commit rather than after a scroll event and another.
  const leftPx = following ? Math.max(0, count * cellPx - viewportPx) : scrollSlot * cellPx;
  const slot = Math.floor(leftPx / cellPx);
  const win = visibleWindow({ scrollLeftPx: leftPx, viewportPx, cellPx, count });
  const shown =
    active && active.row < nodes.length && active.slot >= win.start && active.slot < win.end
      ? active
      : null;

  // Before paint, and without reading the layout back (the browser clamps
  // to the end). Setting scrollLeft lays the grid out, so not while the panel
  // is off screen and skipped (content-visibility): then when it comes back.
  const panel = useRef<HTMLElement>(null);
  const skipped = useRef(false);
  const followTo = useRef<number | null>(null);
  useLayoutEffect(() => {
    // No event says so when the page stops skipping panels altogether.
    if (!skippable) skipped.current = false;
    followTo.current = following ? count * cellPx : null;
    const el = scroller.current;
    if (el && followTo.current !== null && !skipped.current) el.scrollLeft = followTo.current;
  }, [count, cellPx, following, skippable]);
  // Before the browser first decides whether to skip the panel, and says so.
  useLayoutEffect(() => {
    const section = panel.current;
    if (!section) return;
    const onChange = (e: Event) => {
      skipped.current = (e as ContentVisibilityAutoStateChangeEvent).skipped;
      const el = scroller.current;
      if (el && followTo.current !== null && !skipped.current) el.scrollLeft = followTo.current;
    };
    section.addEventListener('contentvisibilityautostatechange', onChange);
    return () => section.removeEventListener('contentvisibilityautostatechange', onChange);
  }, []);

  const scrollTo = (el: HTMLElement, leftPx: number) => {
    el.scrollLeft = leftPx;
    setScrollSlot(Math.floor(el.scrollLeft / cellPx));
  };
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    // The element's own width, not the one measured last: a panel off screen
    // is not laid out (content-visibility), so it may not have been measured yet.
    const atEnd = isAtEnd(el.scrollLeft, el.clientWidth - LOG_ROWHEAD_PX, cellPx, count);
    setFollowing(atEnd);
    if (!atEnd) setScrollSlot(Math.floor(el.scrollLeft / cellPx));
  };
  const select = (at: GridPosition) => {
    const node = nodes[at.row];
    if (node && entryAt(node.log, first + at.slot)) onSelectEntry?.(node.id, first + at.slot);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (nodes.length === 0 || count === 0) return;
    const from = shown ?? { row: 0, slot: Math.min(count - 1, slot) };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setActive(from);
      select(from);
      return;
    }
    const next = moveInGrid(from, e.key, e.ctrlKey || e.metaKey, nodes.length, count);
    if (!next) return;
    e.preventDefault();
    setActive(next);
    scrollTo(
      e.currentTarget,
      scrollToReveal(next.slot, e.currentTarget.scrollLeft, viewportPx, cellPx),
    );
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const cell = (e.target as Element).closest<HTMLElement>('[data-slot]');
    if (!cell) return;
    const at = { row: Number(cell.dataset.row) - 2, slot: Number(cell.dataset.slot) };
    setActive(at);
    select(at);
  };

  const sizes = {
    '--rv-cell-px': `${cellPx}px`,
    '--rv-rowhead-px': `${LOG_ROWHEAD_PX}px`,
  } as CSSProperties;
  const slots = Array.from({ length: win.end - win.start }, (_, k) => win.start + k);
  return (
    <section
      ref={panel}
      className="rv-panel rv-logs"
      aria-labelledby={`${idPrefix}-h`}
      data-testid="logs-view"
    >
      <h2 id={`${idPrefix}-h`}>{l.title}</h2>
      {note}
      {count === 0 && <p className="rv-note">{l.empty}</p>}
      <div
        ref={scroller}
        role="grid"
        aria-label={l.grid}
        aria-rowcount={nodes.length + 1}
        aria-colcount={count + 1}
        aria-activedescendant={shown ? `${idPrefix}-${shown.row + 2}-${shown.slot}` : undefined}
        tabIndex={0}
        className="rv-logs__grid"
        style={sizes}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onPointerOver={(e) => {
          const row = (e.target as Element).closest<HTMLElement>('[data-server]');
          onHoverServer?.(row ? Number(row.dataset.server) : null);
        }}
        onPointerLeave={() => onHoverServer?.(null)}
      >
        <div className="rv-logs__canvas" style={{ width: LOG_ROWHEAD_PX + count * cellPx }}>
          <div role="row" aria-rowindex={1} className="rv-logs__row rv-logs__row--head">
            <span role="columnheader" aria-colindex={1} className="rv-logs__rowhead">
              {l.server}
            </span>
            <span
              aria-hidden="true"
              className="rv-logs__spacer"
              style={{ width: win.start * cellPx }}
            />
            {slots.map((slot) => (
              <span
                // By place in the window: scrolling reuses the cells instead of remaking them.
                key={slot - win.start}
                role="columnheader"
                aria-colindex={slot + 2}
                className="rv-logs__index"
              >
                {first + slot}
              </span>
            ))}
          </div>
          {nodes.map((node, k) => (
            <LogRow
              key={node.id}
              node={node}
              rowIndex={k + 2}
              leaderLog={node.id === leaderId ? null : leaderLog}
              leaderSnapshotIndex={leader?.snapshotIndex ?? 0}
              progress={leaderId !== null && node.id !== leaderId ? progress?.[node.id] : undefined}
              firstIndex={first}
              start={win.start}
              end={win.end}
              cellPx={cellPx}
              activeSlot={shown?.row === k ? shown.slot : -1}
              selectedIndex={selected?.node === node.id ? selected.index : -1}
              marked={marked === node.id || (pointed?.servers.has(node.id) ?? false)}
              pointedIndexes={pointed?.entries.get(node.id) ?? NO_INDEXES}
              markFirst={marks?.get(node.id)?.first ?? -1}
              markLast={marks?.get(node.id)?.last ?? -1}
              idPrefix={idPrefix}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
