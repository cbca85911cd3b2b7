import type { Coordinator } from '../runtime/coordinator.ts';
import type { NodeId } from '../sim/index.ts';
import { ClientOps, clientOpsAt } from './clientOps.ts';
import { FeedBuffer } from './feedBuffer.ts';
import { copyHistory } from './historyCopy.ts';
import { LeaderProgress } from './leaderProgress.ts';
import { ClusterViewTracker, pastData } from './ring/clusterView.ts';
import { cutOffServers } from './ring/links.ts';
import type { ClusterRuntime } from './runtime.ts';
import { stableNodes } from './stableNodes.ts';
import type { NodeSnapshot, PlaygroundData } from './store.ts';
import { ViewTurns, type LiveView, type ViewPlace } from './viewTurns.ts';

type Telemetry = Parameters<Parameters<Coordinator['onTelemetry']>[0]>[0];

/**
 * What a run session reads from its cluster for the page: the snapshots of
 * one refresh, and the buffers that telemetry and client operations fill
 * between refreshes (the feed, the leader's progress, the clients' list).
 */
export class SessionViews {
  readonly clusterView = new ClusterViewTracker();
  readonly clientOps = new ClientOps();
  /** The servers the Isolate buttons last cut off together (ring/links.ts cutOffServers). */
  isolatedByButtons: readonly NodeId[] = [];
  private readonly feed = new FeedBuffer();
  private readonly leaderProgress = new LeaderProgress();
  private readonly viewTurns = new ViewTurns();

  addEvents(events: Telemetry): void {
    this.feed.addEvents(events);
    this.leaderProgress.add(events);
  }

  /** A new run: the feed, the leader's progress and the clients' list start empty. */
  clear(): void {
    this.feed.clear();
    this.leaderProgress.clear();
    this.clientOps.clear();
  }

  /** Says whether a slower view is on screen, so it redraws less often when not (viewTurns.ts). */
  setShown(view: LiveView, place: ViewPlace): void {
    this.viewTurns.setShown(view, place);
  }

  /** The page's data as the cluster now stands; `running`: the slower views take turns. */
  read(r: ClusterRuntime, s: PlaygroundData, running: boolean): Partial<PlaygroundData> {
    const c = r.coordinator;
    const due = this.viewTurns.take(performance.now(), running);
    const violations = c.violations();
    const view = this.clusterView.snapshot(c);
    const nodes = stableNodes(
      s.nodes,
      c.ids.map((id) => c.node(id)),
    );
    const views: Partial<PlaygroundData> = {};
    for (const v of due) Object.assign(views, this.liveViewData(v, c, s, nodes));
    return {
      now: c.now,
      nodes,
      leader: c.leader(),
      workers: r.workers(),
      inFlight: c.inFlight().length,
      view,
      ...c.lossRates(),
      isolated: cutOffServers(s.isolated, this.isolatedByButtons, c.ids, view.links),
      violations: violations.length === s.violations.length ? s.violations : violations,
      ...views,
      version: s.version + 1,
    };
  }

  /** The page's data as it was at `at` (re-run headless from the input log), for time travel. */
  past(c: Coordinator, s: PlaygroundData, at: number, presentMs: number): Partial<PlaygroundData> {
    const { timerResets, electionTimeoutMs, flights, links, drops, ...page } = pastData(
      c.options,
      c.inputLog(),
      at,
    );
    return {
      ...page,
      viewNodes: page.nodes,
      viewNow: page.now,
      view: { timerResets, electionTimeoutMs, flights, links, drops },
      isolated: cutOffServers(
        s.isolated,
        this.isolatedByButtons,
        page.nodes.map((n) => n.id),
        links,
      ),
      events: s.events.filter((e) => e.at <= at),
      clientOps: clientOpsAt(this.clientOps.snapshot(), page.history, at),
      playing: false,
      past: { atMs: at, presentMs },
      version: s.version + 1,
    };
  }

  /** What a slower view shows, read from the cluster now. */
  private liveViewData(
    v: LiveView,
    c: Coordinator,
    s: PlaygroundData,
    nodes: readonly NodeSnapshot[],
  ): Partial<PlaygroundData> {
    switch (v) {
      case 'logs':
        return { viewNodes: nodes, progress: this.leaderProgress.snapshot() };
      case 'state':
        return { users: Object.fromEntries(c.ids.map((id) => [id, c.users(id)])) };
      case 'history':
        return {
          viewNow: c.now,
          history: copyHistory(c.history(), s.history),
        };
      case 'clients':
        return { clientOps: this.clientOps.snapshot() };
      case 'feed':
        this.feed.addInputs(c.inputLog());
        return { events: this.feed.events() };
    }
  }
}
