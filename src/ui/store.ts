import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Coordinator } from '../runtime/coordinator.ts';
import type { Speed, WallClock } from '../runtime/speed.ts';
import type {
  ClusterOptions,
  ClusterViolation,
  Envelope,
  HistoryOp,
  Input,
  NodeId,
  NodeView,
} from '../sim/index.ts';
import type { ClientOpKind, ClientOpView } from './clientOps.ts';
import type { Text } from './i18n/index.ts';
import { EMPTY_CLUSTER_VIEW, type ClusterViewData } from './ring/clusterView.ts';
import type { StartRuntime } from './runtime.ts';
import { RunSession } from './session.ts';
import type { LiveView, ViewPlace } from './viewTurns.ts';
import type { FeedEvent, FollowerProgress, UsersByNode } from './views/index.ts';

/** A node as the page shows it: the coordinator's mirror, with its worker's error if it failed. */
export type NodeSnapshot = NodeView & { readonly error: string | null };

/** starting: the workers are loading; failed: they could not start; stopped: torn down. */
export type RunStatus = 'starting' | 'running' | 'failed' | 'stopped';

/** The last proposal the page made, and where it landed in the leader's log. */
export interface Proposal {
  readonly id: NodeId;
  readonly command: string;
  readonly index: number;
  readonly term: number;
}

/** What the inspector shows: a server (from the ring, a log row or entry) or a message. */
export type Selection =
  | { readonly kind: 'node'; readonly id: NodeId; readonly index?: number }
  | { readonly kind: 'message'; readonly envelope: Envelope }
  | null;

/** What the page shows: snapshots of the cluster, refreshed after each change. */
export interface PlaygroundData {
  readonly seed: number;
  readonly status: RunStatus;
  /** Virtual time of the cluster, in ms since the run began. */
  readonly now: number;
  readonly nodes: readonly NodeSnapshot[];
  /**
   * `nodes` as the logs show them and `now` as the history does: refreshed
   * with those views, in their turns while time runs (viewTurns.ts), so a
   * redraw of hundreds of log cells never lands in every animation frame.
   * So are the fields below that the slower views read.
   */
  readonly viewNodes: readonly NodeSnapshot[];
  readonly viewNow: number;
  readonly leader: NodeId | null;
  /** The user wants time to run (the Play/Pause button). */
  readonly playing: boolean;
  readonly speed: Speed;
  /** Bumped on every refresh from the cluster, so a test can wait for one. */
  readonly version: number;
  /** Worker threads alive. */
  readonly workers: number;
  /** Messages on the wire. */
  readonly inFlight: number;
  /** Servers the page calls cut off, as the network now stands (ring/links.ts cutOffServers). */
  readonly isolated: readonly NodeId[];
  readonly dropRate: number;
  readonly duplicateRate: number;
  readonly lastProposal: Proposal | null;
  /** Recent events for the feed (views/feedConvert.ts), oldest first, bounded (feedBuffer.ts). */
  readonly events: readonly FeedEvent[];
  /** The per-user state each server has applied (empty for a crashed one). */
  readonly users: UsersByNode;
  /** The leader's nextIndex and matchIndex per follower, as its messages show them. */
  readonly progress: Readonly<Record<NodeId, FollowerProgress>>;
  /** Safety properties the run broke; a new one pauses the run at that instant. */
  readonly violations: readonly ClusterViolation[];
  /** The clients' operations, Jepsen style, for the history view and the checker. */
  readonly history: readonly HistoryOp[];
  /** The operations this page started, newest last, with their progress. */
  readonly clientOps: readonly ClientOpView[];
  /** What the user clicked to inspect. */
  readonly selection: Selection;
  /** The server the pointer or the focus is on, marked in every view that shows it; null when none. */
  readonly hovered: NodeId | null;
  /** What went wrong with the last thing the user asked for, in words. */
  readonly problem: Text | null;
  /** The ring's messages, links, timers and losses (ring/clusterView.ts). */
  readonly view: ClusterViewData;
  /** Set while the page shows an earlier instant (time travel); null at the present. */
  readonly past: { readonly atMs: number; readonly presentMs: number } | null;
  /** What the last fork discarded, in words; null when none. */
  readonly forkNotice: Text | null;
  /** The run `playUntil` started: null when none; `pausedAtMs` is set once it paused. */
  readonly until: UntilState | null;
  /** Set when the page watches a live cluster (src/ui/live) instead of a simulation. */
  readonly live: { readonly url: string } | null;
}

/**
 * What `playUntil` runs: a lesson step's actions, then time up to its
 * moment. The page's pause then falls on the very instant a headless run
 * pauses on (src/ui/lessons/README.md).
 */
export interface UntilPlan {
  /** Applied at the current instant, in order, into the input log as clicks are. */
  readonly inputs: readonly Input[];
  /** The moment to pause on, checked at the end of every instant. */
  readonly holds: () => boolean;
  /** Virtual ms: the run pauses here at the latest. */
  readonly deadlineMs: number;
  /** What the caller calls this run (a lesson's step), given back in `until`. */
  readonly tag: number;
}

export interface UntilState {
  readonly tag: number;
  readonly deadlineMs: number;
  /** The instant the run paused at; null while it runs (or waits for Play) toward it. */
  readonly pausedAtMs: number | null;
  /** `holds` held at the pause; false: the deadline came first. */
  readonly reached: boolean;
}

export interface PlaygroundActions {
  /** Starts the workers; called once the page shows the playground. */
  start: () => Promise<void>;
  /** Ends every worker and deletes the run's disks. */
  stop: () => Promise<void>;
  /** Stop, then start the same seed again from time 0 on fresh disks. */
  reset: () => Promise<void>;
  play: () => Promise<void>;
  pause: () => Promise<void>;
  /** Pause, then run to the next event (the "Step" button; see stepOnce). */
  step: () => Promise<void>;
  /** Changes how fast time runs; never changes the run itself. */
  setSpeed: (speed: Speed) => void;
  /** Proposes a new command on the leader. */
  propose: () => Promise<void>;
  /** Terminates the server's worker: a crash. */
  crash: (id: NodeId) => Promise<void>;
  /** Starts a new worker for the server, which reads its disk. */
  restart: (id: NodeId) => Promise<void>;
  /** Cuts the server off, together with the other isolated ones, from the rest. */
  isolate: (id: NodeId) => Promise<void>;
  /** Repairs every link. */
  heal: () => Promise<void>;
  setDropRate: (rate: number) => Promise<void>;
  setDuplicateRate: (rate: number) => Promise<void>;
  /** A client operation on the per-user service; a refusal shows in clientOps, not as a problem. */
  clientOp: (
    client: string,
    kind: ClientOpKind,
    argument: string,
    options?: { stale?: boolean },
  ) => Promise<void>;
  /** Shows a server or a message in the inspector; null closes it. */
  select: (selection: Selection) => void;
  /** Marks a server in every view while the pointer or the focus is on it (null: none). */
  hover: (id: NodeId | null) => void;
  /** Says where a slower view is, so it redraws less often off screen, not at all unrendered (viewTurns.ts). */
  setViewShown: (view: LiveView, place: ViewPlace) => void;
  /** The running cluster's coordinator, or null (for the test hook). */
  coordinator: () => Coordinator | null;
  /** Runs `work` on the cluster as a user action (serialized, forks in the past), then refreshes. */
  act: (work: (c: Coordinator) => Promise<void>) => Promise<void>;
  /** Shows the page as it was at `atMs` (re-run headless); at or after the present, returns to it. */
  travel: (atMs: number) => Promise<void>;
  /** Leaves the past view without changing the run. */
  toPresent: () => Promise<void>;
  dismissForkNotice: () => void;
  /**
   * Applies `plan(c)`'s inputs at the current instant (after the actions
   * before it), then plays until its moment and pauses exactly there: while
   * it waits, time runs one instant at a time at the chosen speed, because
   * a window (Coordinator.runUntil) may pass the moment by several ms and
   * the run would then differ from the headless one. Pause and Play suspend
   * and resume it; `until` says where it stands.
   */
  playUntil: (plan: (c: Coordinator) => UntilPlan) => Promise<void>;
}

export type PlaygroundState = PlaygroundData & PlaygroundActions;
export type PlaygroundStore = StoreApi<PlaygroundState>;

export interface PlaygroundOptions {
  seed: number;
  nodeCount: number;
  playing: boolean;
  speed: Speed;
  startRuntime: StartRuntime;
  /** The pacer's wall clock; the browser's by default. */
  clock?: WallClock;
  /** Timing, faults, Raft switches and initial state for the cluster; defaults when absent. */
  cluster?: Omit<ClusterOptions, 'nodes' | 'seed'>;
  /**
   * Until the first leader is elected, time runs at this speed, then at
   * `speed`: the page opens with a leader already there, and runs slowly
   * enough to follow from then on. A speed the user picks ends it at once.
   */
  firstLeaderSpeed?: Speed;
  /**
   * Opens a saved or shared run (share/runSpec.ts): the first start re-does
   * these inputs at their instants up to `untilMs`, then shows that instant.
   */
  replay?: { readonly inputs: readonly Input[]; readonly untilMs: number };
}

/** The data of a run not yet started: what a store opens with and a reset brings back. */
export function initialData(
  options: Pick<PlaygroundOptions, 'seed' | 'cluster'>,
): Omit<PlaygroundData, 'playing' | 'speed' | 'version'> {
  return {
    seed: options.seed,
    status: 'starting',
    now: 0,
    nodes: [],
    viewNodes: [],
    viewNow: 0,
    leader: null,
    workers: 0,
    inFlight: 0,
    isolated: [],
    dropRate: options.cluster?.dropRate ?? 0,
    duplicateRate: options.cluster?.duplicateRate ?? 0,
    lastProposal: null,
    events: [],
    users: {},
    progress: {},
    violations: [],
    history: [],
    clientOps: [],
    selection: null,
    hovered: null,
    problem: null,
    view: EMPTY_CLUSTER_VIEW,
    past: null,
    forkNotice: null,
    until: null,
    live: null,
  };
}

/**
 * A fresh store for one playground: the page's data and thin actions. The
 * run itself (the cluster, Workers or in-process nodes in tests, the action
 * queue, the pacing, lesson goals and forks) is a RunSession beside it
 * (session.ts); the state holds only immutable snapshots of the cluster, so
 * selectors can compare by reference. User actions run one at a time, in
 * the order given.
 */
export function createPlaygroundStore(options: PlaygroundOptions): PlaygroundStore {
  return createStore<PlaygroundState>()((set, get) => {
    const initial = initialData(options);
    const session = new RunSession(options, { get, set, initial });

    return {
      ...initial,
      playing: options.playing,
      speed: options.speed,
      version: 0,

      start: () => session.start(),
      stop: () => session.stop(),
      reset: () => session.reset(),
      play: () => session.play(),
      pause: () => session.pause(),
      step: () => session.step(),
      setSpeed: (speed) => session.setSpeed(speed),
      propose: () => session.propose(),
      crash: (id) => session.act((c) => c.crash(id)),
      restart: (id) => session.act((c) => c.restart(id)),
      isolate: (id) => session.isolate(id),
      heal: () => session.heal(),
      setDropRate: (rate) => session.act((c) => c.setDropRate(rate)),
      setDuplicateRate: (rate) => session.act((c) => c.setDuplicateRate(rate)),
      clientOp: (client, kind, argument, opOptions = {}) =>
        session.clientOp(client, kind, argument, opOptions.stale ?? false),
      select: (selection) => set({ selection }),
      hover: (hovered) => set({ hovered }),
      setViewShown: (view, place) => session.setViewShown(view, place),
      coordinator: () => session.coordinator,
      act: (work) => session.act(work),
      travel: (atMs) => session.travel(atMs),
      toPresent: () => session.toPresent(),
      dismissForkNotice: () => set({ forkNotice: null }),
      playUntil: (plan) => session.playUntil(plan),
    };
  });
}
