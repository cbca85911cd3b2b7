/**
 * When the slower views redraw while time runs. The ring and the status
 * redraw every frame; the logs, the state table, the history, the clients'
 * operations and the feed each cost a few ms of the page's thread to redraw,
 * so they take turns: at most one of them per frame, each at most
 * SHOWN_REFRESH_WALL_MS apart while it is on screen and OFF_SCREEN_REFRESH_WALL_MS
 * apart while it is not (off screen its text stays current enough to read
 * aloud or search, without costing frames nobody sees). A view not rendered
 * at all (display: none: a closed side panel, a tab not chosen) can be
 * neither seen, read aloud nor searched, so it waits while time runs.
 * Paused, and after a user's action, every view redraws at once.
 */

export const LIVE_VIEWS = ['logs', 'state', 'history', 'clients', 'feed'] as const;
export type LiveView = (typeof LIVE_VIEWS)[number];

/** Ten times a second is plenty to read, and leaves the frames to the ring. */
export const SHOWN_REFRESH_WALL_MS = 100;
export const OFF_SCREEN_REFRESH_WALL_MS = 1_000;

/** Where a view is: on screen, rendered but scrolled out of view, or not rendered at all. */
export type ViewPlace = 'shown' | 'offscreen' | 'hidden';

export class ViewTurns {
  private readonly refreshedAtMs = new Map<LiveView, number>();
  private readonly places = new Map<LiveView, ViewPlace>();

  /** Where a view is; a view is taken to be on screen until it says otherwise. */
  setShown(view: LiveView, place: ViewPlace): void {
    this.places.set(view, place);
  }

  /**
   * The views to redraw now, marked as redrawn: every one when time does not
   * run; while it runs, the one waiting longest past its period, if any.
   */
  take(wallMs: number, running: boolean): readonly LiveView[] {
    const due = running
      ? LIVE_VIEWS.filter(
          (v) => this.places.get(v) !== 'hidden' && wallMs - this.at(v) >= this.periodMs(v),
        )
          .sort((a, b) => this.at(a) - this.at(b))
          .slice(0, 1)
      : LIVE_VIEWS;
    for (const v of due) this.refreshedAtMs.set(v, wallMs);
    return due;
  }

  private at(view: LiveView): number {
    return this.refreshedAtMs.get(view) ?? -Infinity;
  }

  private periodMs(view: LiveView): number {
    return this.places.get(view) === 'offscreen'
      ? OFF_SCREEN_REFRESH_WALL_MS
      : SHOWN_REFRESH_WALL_MS;
  }
}
