import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useMessages, type Messages } from '../i18n/index.ts';
import { Legend } from '../Legend.tsx';
import { LiveSlot } from '../LiveSlot.tsx';
import { MembershipControls } from '../MembershipControls.tsx';
import { NetworkControls } from '../NetworkControls.tsx';
import { FeedPanel } from '../panels/FeedPanel.tsx';
import { HistoryPanel } from '../panels/HistoryPanel.tsx';
import { InspectorPanel } from '../panels/InspectorPanel.tsx';
import { SafetyPanel } from '../panels/SafetyPanel.tsx';
import { ServerTable } from '../ServerTable.tsx';
import { SharePanel } from '../share/SharePanel.tsx';
import { LessonEditor } from '../lessons/LessonEditor.tsx';
import type { PlaygroundState } from '../store.ts';
import { usePlayground } from '../usePlayground.ts';
import { LogLegend } from '../views/index.ts';

export const SIDE_TABS = [
  'events',
  'history',
  'safety',
  'inspector',
  'servers',
  'share',
  'author',
  'options',
  'key',
] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** The panel's element id, for the button that shows and hides it (aria-controls). */
export const SIDE_PANEL_ID = 'side-panel';

const selectSide = (s: PlaygroundState) => ({
  selection: s.selection,
  broken: s.violations.length,
});

function tabLabel(m: Messages, tab: SideTab, broken: number): string {
  return tab === 'safety' && broken > 0 ? m.stage.safetyBroken(broken) : m.stage.tabs[tab];
}

/**
 * Everything that is not the cluster at work, one tab at a time beside the
 * stage (an "island" in Excalidraw's sense). Every tab stays mounted while
 * hidden, so its views keep their state and the slower ones keep their
 * turns (viewTurns.ts: off screen, a view redraws once a second).
 */
export function SidePanel({
  open,
  tab,
  onTab,
  options,
  onHelp,
}: {
  /** Opens the keyboard shortcuts' help. */
  readonly onHelp: () => void;
  /** Hidden, not unmounted, when closed: its views keep their state. */
  readonly open: boolean;
  readonly tab: SideTab;
  readonly onTab: (tab: SideTab) => void;
  /** The options form: made by the page, outside the run's store. */
  readonly options: ReactNode;
}) {
  const id = useId();
  const m = useMessages();
  const { selection, broken } = usePlayground(selectSide);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // What the user points the inspector at (a server, an entry, a message) is shown at once.
  useEffect(() => {
    if (selection !== null) onTab('inspector');
  }, [selection, onTab]);
  // A tab list's keys (WAI-ARIA APG): arrows move and activate, Home and End jump.
  const onKeyDown = (e: KeyboardEvent) => {
    const k = SIDE_TABS.indexOf(tab);
    const n = SIDE_TABS.length;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (k + 1) % n
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (k + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    const to = SIDE_TABS[next] ?? tab;
    onTab(to);
    tabs.current[next]?.focus();
  };
  const panels: Record<SideTab, ReactNode> = {
    events: (
      <LiveSlot view="feed" className="side__slot">
        <FeedPanel />
      </LiveSlot>
    ),
    history: (
      <LiveSlot view="history" className="side__slot">
        <HistoryPanel />
      </LiveSlot>
    ),
    safety: <SafetyPanel />,
    inspector: <InspectorPanel />,
    servers: (
      <>
        <ServerTable />
        <MembershipControls />
        <NetworkControls />
      </>
    ),
    share: <SharePanel />,
    author: <LessonEditor />,
    options,
    key: (
      <>
        <p className="side__hint">
          {m.ring.hintBefore} <kbd>?</kbd> {m.ring.hintAfter}
        </p>
        <button type="button" onClick={onHelp} aria-keyshortcuts="?">
          {m.ring.shortcuts}
        </button>
        <Legend />
        <LogLegend />
      </>
    ),
  };
  return (
    <aside
      id={SIDE_PANEL_ID}
      className="stage__side island"
      aria-label={m.stage.details}
      data-testid="side-panel"
      hidden={!open}
    >
      <div role="tablist" aria-label={m.stage.details} className="side__tabs" onKeyDown={onKeyDown}>
        {SIDE_TABS.map((t, k) => (
          <button
            key={t}
            ref={(el) => void (tabs.current[k] = el)}
            type="button"
            role="tab"
            id={`${id}-${t}`}
            aria-selected={t === tab}
            aria-controls={`${id}-${t}-panel`}
            tabIndex={t === tab ? 0 : -1}
            data-broken={t === 'safety' && broken > 0 ? 'true' : undefined}
            onClick={() => onTab(t)}
          >
            {tabLabel(m, t, broken)}
          </button>
        ))}
      </div>
      {SIDE_TABS.map((t) => (
        <div
          key={t}
          role="tabpanel"
          id={`${id}-${t}-panel`}
          aria-labelledby={`${id}-${t}`}
          className="side__panel"
          tabIndex={0}
          hidden={t !== tab}
          data-testid={`tab-${t}`}
        >
          {panels[t]}
        </div>
      ))}
    </aside>
  );
}
