import type { Coordinator } from '../../runtime/coordinator.ts';
import {
  Timeline,
  type Cluster,
  type ClusterOptions,
  type Envelope,
  type Input,
  type NodeEvent,
  type NodeId,
} from '../../sim/index.ts';
import { linkStates, type LinkState } from './links.ts';
import { ElectionTimers } from './timer.ts';

/** A message lost on the wire, drawn fading out where it was lost. */
export interface DropMark {
  /** Unique within the page's life: a stable key, so each fade plays once. */
  readonly key: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly type: string;
  /** Lost at the sender's end of the link (a cut, a loss) or at the receiver's (down, crashed). */
  readonly atSender: boolean;
  readonly at: number;
}

/** How long a lost message stays on the ring, in virtual ms (its fade plays once, in wall time). */
export const DROP_SHOW_VIRTUAL_MS = 400;
/** Most lost messages drawn at once. */
export const DROPS_SHOWN_MAX = 24;

/** What the ring draws besides the servers: messages, links, timers, losses. */
export interface ClusterViewData {
  readonly flights: readonly Envelope[];
  readonly links: readonly LinkState[];
  /** When each server's election timer was last reset (see timer.ts). */
  readonly timerResets: ReadonlyMap<NodeId, number>;
  readonly electionTimeoutMs: readonly [number, number];
  readonly drops: readonly DropMark[];
}

export const EMPTY_CLUSTER_VIEW: ClusterViewData = {
  flights: [],
  links: [],
  timerResets: new Map(),
  electionTimeoutMs: [150, 300],
  drops: [],
};

/** Follows a run's node events for the ring: timers and losses. One per run. */
export class ClusterViewTracker {
  private readonly timers = new ElectionTimers();
  private drops: DropMark[] = [];
  private keys = 0;
  /** The last links handed out: kept while nothing changes, so the ring's memoized links skip a redraw. */
  private links: readonly LinkState[] = [];

  /** Starts following `c`; returns the way to stop. */
  attach(c: Coordinator): () => void {
    this.timers.clear();
    this.drops = [];
    return c.onTelemetry((events) => this.observe(events));
  }

  observe(events: readonly NodeEvent[]): void {
    for (const t of events) {
      this.timers.observe(t);
      if (t.kind !== 'drop') continue;
      this.drops.push({
        key: ++this.keys,
        from: t.from,
        to: t.to,
        type: t.type,
        atSender: t.atSender,
        at: t.at,
      });
    }
    if (this.drops.length > DROPS_SHOWN_MAX) this.drops = this.drops.slice(-DROPS_SHOWN_MAX);
  }

  private sameOrNew(links: readonly LinkState[]): readonly LinkState[] {
    const old = this.links;
    const same =
      old.length === links.length &&
      links.every((l, k) => {
        const o = old[k];
        return o && o.a === l.a && o.b === l.b && o.aToB === l.aToB && o.bToA === l.bToA;
      });
    if (!same) this.links = links;
    return this.links;
  }

  /** The view of `c` now. */
  snapshot(c: Coordinator): ClusterViewData {
    const now = c.now;
    return {
      flights: c.inFlight(),
      links: this.sameOrNew(linkStates(c.ids, (a, b) => c.isLinkUp(a, b))),
      timerResets: this.timers.snapshot(),
      electionTimeoutMs: c.options.electionTimeoutMs,
      drops: this.drops.filter((d) => d.at <= now && d.at > now - DROP_SHOW_VIRTUAL_MS),
    };
  }
}

/** The whole page's data at an earlier instant, from a headless re-run of the inputs up to it. */
export interface PastData extends ClusterViewData {
  readonly now: number;
  readonly nodes: ReturnType<Coordinator['node']>[];
  readonly leader: NodeId | null;
  readonly inFlight: number;
  readonly users: Record<NodeId, ReturnType<Cluster['users']>>;
  readonly history: ReturnType<Cluster['history']>;
  readonly violations: ReturnType<Cluster['violations']>;
  /** The leader's nextIndex and matchIndex per follower (empty without a leader). */
  readonly progress: Record<NodeId, { nextIndex: number; matchIndex: number }>;
}

/** What the past view folds from a run's events: election timers and recent losses. */
class PastWatch {
  readonly timers = new ElectionTimers();
  /** The latest losses; their keys count every loss of the run, so they stay stable. */
  drops: DropMark[] = [];
  private keys = 0;

  observe(e: NodeEvent): void {
    this.timers.observe(e);
    if (e.kind !== 'drop') return;
    const { from, to, type, atSender, at } = e;
    this.drops.push({ key: -++this.keys, from, to, type, atSender, at });
    if (this.drops.length > 2 * DROPS_SHOWN_MAX) this.drops = this.drops.slice(-DROPS_SHOWN_MAX);
  }
}

/** The checkpoints of the run last travelled in, kept while its options stay the same. */
let travelled: { readonly options: string; readonly timeline: Timeline<PastWatch> } | null = null;

function timelineOf(options: ClusterOptions, inputs: readonly Input[]): Timeline<PastWatch> {
  const key = JSON.stringify(options);
  if (travelled?.options !== key)
    travelled = { options: key, timeline: new Timeline(options, () => new PastWatch()) };
  travelled.timeline.sync(inputs);
  return travelled.timeline;
}

/**
 * Time travel on the determinism contract: the page at instant `atMs` of
 * the run with these options and input log, exactly as a headless replay
 * from time 0 gives it (the same trace as the Worker runtime), but replayed
 * only from the nearest checkpoint before it (src/sim/timeline.ts); the
 * first visit makes the checkpoints on its way.
 */
export function pastData(
  options: ClusterOptions,
  inputs: readonly Input[],
  atMs: number,
): PastData {
  const { cluster, watch } = timelineOf(options, inputs).at(atMs);
  const timers = watch.timers;
  const drops = watch.drops.filter((d) => d.at > atMs - DROP_SHOW_VIRTUAL_MS);
  const ids = cluster.ids;
  const leader = cluster.leader();
  const progress: PastData['progress'] = {};
  for (const id of ids) {
    const p = leader === null || id === leader ? undefined : cluster.progress(leader, id);
    if (p) progress[id] = { nextIndex: p.nextIndex, matchIndex: p.matchIndex };
  }
  return {
    now: cluster.now,
    nodes: ids.map((id) => ({ ...cluster.node(id), error: null })),
    leader,
    inFlight: cluster.inFlight().length,
    flights: cluster.inFlight(),
    links: linkStates(ids, (a, b) => cluster.isLinkUp(a, b)),
    timerResets: timers.snapshot(),
    electionTimeoutMs: cluster.options.electionTimeoutMs,
    drops: drops.slice(-DROPS_SHOWN_MAX),
    users: Object.fromEntries(ids.map((id) => [id, cluster.users(id)])),
    history: cluster.history().map((h) => ({ ...h })),
    violations: cluster.violations(),
    progress,
  };
}

/**
 * Feeds a fresh runtime the inputs of a forked run, at their instants, as
 * fast as it goes, then runs on to `untilMs`: the new future starts from
 * exactly the state the old run had there. `apply` applies each input (the
 * store also lists the client operations among them).
 */
export async function replayInto(
  c: Coordinator,
  inputs: readonly Input[],
  untilMs: number,
  apply: (c: Coordinator, input: Input) => Promise<unknown>,
): Promise<void> {
  for (const input of inputs) {
    if (input.at > c.now) await c.advance(input.at - c.now);
    await apply(c, input);
  }
  if (untilMs > c.now) await c.advance(untilMs - c.now);
}
