import { useCallback, useState, type ReactNode } from 'react';
import { Controls } from '../Controls.tsx';
import { useMessages } from '../i18n/index.ts';
import { useLesson } from '../lessons/lessonStore.ts';
import { LiveSlot } from '../LiveSlot.tsx';
import { ClientsPanel } from '../panels/ClientsPanel.tsx';
import { LogsPanel } from '../panels/LogsPanel.tsx';
import { StatePanel } from '../panels/StatePanel.tsx';
import { ProblemNotice } from '../ProblemNotice.tsx';
import { ProposeButton } from '../ProposeButton.tsx';
import { Ring } from '../Ring.tsx';
import { RingToolbar } from '../ring/RingToolbar.tsx';
import { Timeline, TimelineNotes } from '../ring/Timeline.tsx';
import { useDisplay } from '../ring/useDisplay.ts';
import { selectPlaying } from '../selectors.ts';
import type { PlaygroundState } from '../store.ts';
import { StatusBar } from '../StatusBar.tsx';
import { usePlayground } from '../usePlayground.ts';
import { SIDE_PANEL_ID, SidePanel, type SideTab } from './SidePanel.tsx';
import { useMediaQuery } from './useMediaQuery.ts';
import './linked.css';
import './stage.css';
import './lesson.css';

/** Wide enough for the side panel beside the stage without squeezing the logs (stage.css). */
const SIDE_BY_DEFAULT_QUERY = '(min-width: 1700px)';

const selectServerCount = (s: PlaygroundState) => s.nodes.length;
const selectLessonOpen = (s: { readonly lesson: unknown }) => s.lesson !== null;

/**
 * The side panel as the user left it: kept by the page across runs (a new
 * run remakes the stage), so applying options or opening a lesson keeps it.
 */
export interface SideState {
  readonly tab: SideTab;
  /** Shown or hidden by the user, in presenter mode or not; null: the default for the screen. */
  readonly chosen: { readonly open: boolean; readonly presenter: boolean } | null;
}

export const SIDE_DEFAULT: SideState = { tab: 'events', chosen: null };

/**
 * The whole cluster on one screen (Excalidraw's "islands" on a canvas): the
 * ring, every server's log, the state each applied and the clients, with
 * the transport below; everything else in the side panel's tabs. The page
 * never scrolls; each island scrolls on its own. On a phone it stacks.
 */
export function Stage({
  header,
  notices,
  lesson,
  options,
  side,
  onSide,
}: {
  /** The page's own controls for the top bar: the lessons menu, the language. */
  readonly header: ReactNode;
  /** What the page says about the address or the run it opened. */
  readonly notices: ReactNode;
  /** The open lesson's panel, shown on the stage, or null. */
  readonly lesson: ReactNode;
  readonly options: ReactNode;
  readonly side: SideState;
  readonly onSide: (change: (side: SideState) => SideState) => void;
}) {
  const m = useMessages();
  const playing = usePlayground(selectPlaying);
  const servers = usePlayground(selectServerCount);
  const lessonOpen = useLesson(selectLessonOpen);
  const display = useDisplay();
  const wide = useMediaQuery(SIDE_BY_DEFAULT_QUERY);
  // Shown by default beside a wide stage, hidden in presenter mode; the user's choice wins.
  const { chosen, tab } = side;
  const open =
    chosen !== null && chosen.presenter === display.presenter
      ? chosen.open
      : wide && !display.presenter;
  const onTab = useCallback((t: SideTab) => onSide((s) => ({ ...s, tab: t })), [onSide]);
  const [help, setHelp] = useState(false);
  return (
    <div
      className="stage"
      data-playing={playing || undefined}
      data-servers={servers}
      data-side={open ? 'open' : 'closed'}
      // An attribute, not a :has() rule: that one made every change on the stage restyle it.
      data-lesson={lessonOpen || undefined}
    >
      <header className="stage__bar island">
        <h1>{m.page.heading}</h1>
        {header}
        <RingToolbar display={display} />
        <button
          type="button"
          className="stage__toggle"
          aria-expanded={open}
          aria-controls={SIDE_PANEL_ID}
          title={m.stage.detailsTitle}
          onClick={() =>
            onSide((s) => ({ ...s, chosen: { open: !open, presenter: display.presenter } }))
          }
        >
          {open ? m.stage.hideDetails : m.stage.showDetails}
        </button>
      </header>
      <div className="stage__notices">
        {notices}
        <ProblemNotice />
      </div>
      <section className="stage__ring island" aria-label={m.page.cluster}>
        <Ring display={display} help={help} onHelp={setHelp} />
      </section>
      <LiveSlot view="logs" className="stage__logs">
        <LogsPanel />
      </LiveSlot>
      <div className="stage__lesson">{lesson}</div>
      <LiveSlot view="state" className="stage__state">
        <StatePanel />
      </LiveSlot>
      <LiveSlot view="clients" className="stage__clients">
        <ClientsPanel />
      </LiveSlot>
      <section className="stage__transport island" aria-label={m.stage.transport}>
        <Controls />
        <Timeline />
        <StatusBar />
        <ProposeButton />
        <TimelineNotes />
      </section>
      <SidePanel
        open={open}
        tab={tab}
        onTab={onTab}
        options={options}
        onHelp={() => setHelp(true)}
      />
    </div>
  );
}
