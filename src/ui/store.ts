import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Coordinator } from '../runtime/coordinator.ts';
import { Pacer, type Speed, type WallClock } from '../runtime/speed.ts';
import type {
  ClusterOptions,
  ClusterViolation,
  Envelope,
  HistoryOp,
  NodeId,
  NodeView,
  Op,
} from '../sim/index.ts';
import { ClientOps, type ClientOpKind, type ClientOpView } from './clientOps.ts';
import { FeedBuffer } from './feedBuffer.ts';
import { errorText } from './errorText.ts';
import type { Text } from './i18n/index.ts';
import { formatVirtualMs, nodeName } from './labels.ts';
import { LeaderProgress } from './leaderProgress.ts';
import { copyHistory } from './historyCopy.ts';
import { stableNodes } from './stableNodes.ts';
import type { ClusterRuntime, StartRuntime } from './runtime.ts';
import { stepOnce } from './step.ts';
import { ViewTurns, type LiveView, type ViewPlace } from './viewTurns.ts';
import {
  ClusterViewTracker,
  EMPTY_CLUSTER_VIEW,
  pastData,
  replayInto,
  type ClusterViewData,
} from './ring/clusterView.ts';
import { clampInstant, forkInputs, forkNotice } from './ring/fork.ts';
import { cutOffServers } from './ring/links.ts';
import type { Input } from '../sim/index.ts';
import type { FeedEvent, FollowerProgress, UsersByNode } from './views/index.ts';
import { propertyName } from './views/safety.ts';

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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A fresh store for one playground. The cluster (Workers, or in-process
 * nodes in tests) lives outside the state; the state holds only immutable
 * snapshots of it, so selectors can compare by reference. User actions run
 * one at a time, in the order given.
 */
export function createPlaygroundStore(options: PlaygroundOptions): PlaygroundStore {
  let runtime: ClusterRuntime | null = null;
  let pacer: Pacer | null = null;
  let unsubscribe: (() => void) | null = null;
  /** Bumped by start and stop, so a start that finishes after a stop is undone. */
  let life = 0;
  let proposals = 0;
  let queue: Promise<void> = Promise.resolve();
  const clusterView = new ClusterViewTracker();
  let detachView: (() => void) | null = null;
  /** Set by a fork or an opened run: the next start re-runs these inputs up to untilMs before it plays. */
  let replayOnStart: { inputs: readonly Input[]; untilMs: number } | null = options.replay ?? null;
  const feed = new FeedBuffer();
  const leaderProgress = new LeaderProgress();
  const clientOps = new ClientOps();
  const viewTurns = new ViewTurns();
  /**
   * Applies an input as the page's own controls would: a client's operation
   * made by a lesson or an opened run is listed in the clients panel too.
   */
  const applyInput = async (c: Coordinator, input: Input): Promise<void> => {
    const result = await c.apply(input);
    if (input.kind !== 'client' || !result || !('progress' in result)) return;
    const { op } = input;
    const argument = op.kind === 'setState' ? op.state : op.kind === 'getState' ? op.user : '';
    const stale = op.kind === 'getState' && op.stale;
    clientOps.track(clientOps.start(input.client, op.kind, argument, stale, input.at), result);
  };
  /** The servers the Isolate buttons last cut off together (ring/links.ts cutOffServers). */
  let isolatedByButtons: readonly NodeId[] = [];
  /** Violations seen so far: one more pauses the run. */
  let violationsSeen = 0;
  /** Time runs at options.firstLeaderSpeed until there is a leader (reset brings it back). */
  let warmingUp = options.firstLeaderSpeed !== undefined;
  /** The moment `playUntil` waits for; while set, time runs instant by instant. */
  let goal: {
    readonly holds: () => boolean;
    readonly deadlineMs: number;
    readonly tag: number;
  } | null = null;

  return createStore<PlaygroundState>()((set, get) => {
    /** `running`: called by the pacer while time runs, so the slower views take turns (viewTurns.ts). */
    const refresh = (extra: Partial<PlaygroundData> = {}, running = false): void => {
      const r = runtime;
      if (!r) return set(extra);
      const c = r.coordinator;
      const due = viewTurns.take(performance.now(), running);
      const violations = c.violations();
      set((s) => {
        const view = clusterView.snapshot(c);
        const nodes = stableNodes(
          s.nodes,
          c.ids.map((id) => c.node(id)),
        );
        const views: Partial<PlaygroundData> = {};
        for (const v of due) Object.assign(views, liveViewData(v, c, s, nodes));
        return {
          now: c.now,
          nodes,
          leader: c.leader(),
          workers: r.workers(),
          inFlight: c.inFlight().length,
          view,
          ...c.lossRates(),
          isolated: cutOffServers(s.isolated, isolatedByButtons, c.ids, view.links),
          violations: violations.length === s.violations.length ? s.violations : violations,
          ...views,
          version: s.version + 1,
          ...extra,
        };
      });
    };

    /** What a slower view shows, read from the cluster now. */
    const liveViewData = (
      v: LiveView,
      c: Coordinator,
      s: PlaygroundData,
      nodes: readonly NodeSnapshot[],
    ): Partial<PlaygroundData> => {
      switch (v) {
        case 'logs':
          return { viewNodes: nodes, progress: leaderProgress.snapshot() };
        case 'state':
          return { users: Object.fromEntries(c.ids.map((id) => [id, c.users(id)])) };
        case 'history':
          return {
            viewNow: c.now,
            history: copyHistory(c.history(), s.history),
          };
        case 'clients':
          return { clientOps: clientOps.snapshot() };
        case 'feed':
          feed.addInputs(c.inputLog());
          return { events: feed.events() };
      }
    };

    /** A new violation pauses the run where it happened (a teaching bug is on). */
    const pauseOnViolation = (c: Coordinator): void => {
      const count = c.violations().length;
      if (count <= violationsSeen) return;
      violationsSeen = count;
      pacer?.pause();
      const first = c.violations()[0];
      const at = c.now;
      refresh({
        playing: false,
        problem: (m) =>
          m.notices.paused(first ? propertyName(m, first.property) : null, formatVirtualMs(at)),
      });
    };

    /**
     * Under `playUntil`, a new violation is said but does not pause: the
     * lesson pauses where its story needs (Figure 8 with the bug pauses on
     * its own violation, and runs on past the Leader Completeness one).
     */
    const noteViolations = (c: Coordinator): void => {
      const count = c.violations().length;
      if (count <= violationsSeen) return;
      violationsSeen = count;
      const first = c.violations()[0];
      const at = c.now;
      refresh({
        problem: (m) =>
          m.lessons.ui.violated(
            first ? propertyName(m, first.property) : null,
            formatVirtualMs(at),
          ),
      });
    };

    const goalReached = (c: Coordinator): boolean =>
      goal !== null && (goal.holds() || c.now >= goal.deadlineMs);

    /** Pauses where the goal of `playUntil` was reached, and says so in `until`. */
    const reachGoal = (c: Coordinator): void => {
      if (!goal) return;
      const { holds, deadlineMs, tag } = goal;
      goal = null;
      pacer?.pause();
      refresh({ playing: false, until: { tag, deadlineMs, pausedAtMs: c.now, reached: holds() } });
    };

    /**
     * Runs toward the goal for at most `ms`, one instant at a time (what
     * lessons/coordinator.test.ts checks against the headless engine).
     */
    const advanceToGoal = async (c: Coordinator, ms: number): Promise<void> => {
      const g = goal;
      if (!g) return;
      const target = Math.min(c.now + ms, g.deadlineMs);
      while (!goalReached(c) && c.now < target) {
        if ((await c.stepToNextEvent(target)) === null) await c.advance(target - c.now);
        noteViolations(c);
      }
      if (goalReached(c)) reachGoal(c);
    };

    /**
     * Acting at an earlier instant forks a new future (RaftScope's habit):
     * a fresh run re-does the inputs up to that instant, the later ones are
     * discarded, and the page says so.
     */
    const forkIfInPast = (): void => {
      const past = get().past;
      const c = runtime?.coordinator;
      if (!past || !c) return;
      const { kept, discarded } = forkInputs(c.inputLog(), past.atMs);
      replayOnStart = { inputs: kept, untilMs: past.atMs };
      set({ past: null, playing: false });
      void get().reset();
      const notice = forkNotice(past.atMs, discarded.length);
      queue = queue.then(() => set({ forkNotice: notice }));
    };

    const serial = (
      work: (c: Coordinator) => Promise<void> | void,
      forkFirst = true,
    ): Promise<void> => {
      if (forkFirst) forkIfInPast();
      const run = queue.then(async () => {
        const c = runtime?.coordinator;
        if (!c) return;
        try {
          await work(c);
        } catch (error) {
          refresh({ problem: errorText(error) });
        }
      });
      queue = run;
      return run;
    };

    /** Stops the play loop and waits for its last advance, before an action that must not race it. */
    const halt = async (): Promise<void> => {
      pacer?.pause();
      await pacer?.idle();
    };

    const initial: Omit<PlaygroundData, 'playing' | 'speed' | 'version'> = {
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
    };

    return {
      ...initial,
      playing: options.playing,
      speed: options.speed,
      version: 0,

      start: async () => {
        const mine = ++life;
        set({ status: 'starting' });
        let started: ClusterRuntime;
        try {
          started = await options.startRuntime({
            ...options.cluster,
            nodes: options.nodeCount,
            seed: options.seed,
          });
        } catch (error) {
          if (mine === life)
            set({ status: 'failed', problem: (m) => m.notices.couldNotStart(describe(error)) });
          return;
        }
        if (mine !== life) {
          await started.stop();
          return;
        }
        runtime = started;
        unsubscribe = started.coordinator.onTelemetry((events) => {
          feed.addEvents(events);
          leaderProgress.add(events);
        });
        const c = started.coordinator;
        /** The first leader ends the warm-up: from here on, the speed the page shows. */
        const endWarmUp = (): void => {
          if (!warmingUp || c.leader() === null) return;
          warmingUp = false;
          pacer?.setSpeed(get().speed);
        };
        pacer = new Pacer(
          // Runs window by window and stops at the first that breaks a safety property;
          // toward a lesson's moment, instant by instant.
          async (ms) => {
            if (goal) return advanceToGoal(c, ms);
            if (await c.runUntil(() => c.violations().length > violationsSeen, ms))
              pauseOnViolation(c);
          },
          () => {
            endWarmUp();
            refresh({}, true);
          },
          (error) => refresh({ playing: false, problem: errorText(error) }),
          warmingUp && options.firstLeaderSpeed !== undefined
            ? options.firstLeaderSpeed
            : get().speed,
          options.clock,
        );
        detachView = clusterView.attach(started.coordinator);
        let replayed: Partial<PlaygroundData> = {};
        if (replayOnStart) {
          const { inputs, untilMs } = replayOnStart;
          replayOnStart = null;
          try {
            await replayInto(started.coordinator, inputs, untilMs, applyInput);
          } catch (error) {
            replayed = { problem: (m) => m.share.replayFailed(describe(error)) };
          }
          if (mine !== life) return;
          // What the opened run broke already shows in the Safety panel: only a new violation pauses.
          violationsSeen = c.violations().length;
        }
        refresh({ status: 'running', ...replayed });
        if (get().playing) pacer.play();
      },

      stop: async () => {
        life++;
        goal = null;
        pacer?.dispose();
        unsubscribe?.();
        detachView?.();
        detachView = null;
        const r = runtime;
        runtime = null;
        pacer = null;
        unsubscribe = null;
        set({ status: 'stopped', workers: 0 });
        await r?.stop();
      },

      reset: () => {
        const run = queue.then(async () => {
          await get().stop();
          feed.clear();
          leaderProgress.clear();
          clientOps.clear();
          violationsSeen = 0;
          proposals = 0;
          warmingUp = options.firstLeaderSpeed !== undefined;
          set(initial);
          await get().start();
        });
        queue = run;
        return run;
      },

      play: () =>
        serial(() => {
          pacer?.play();
          set({ playing: true, problem: null });
        }),

      pause: () => {
        pacer?.pause();
        return serial(async () => {
          await halt();
          if (get().past) set({ playing: false });
          else refresh({ playing: false });
        }, false);
      },

      step: () => {
        pacer?.pause();
        return serial(async (c) => {
          await halt();
          await stepOnce(c);
          refresh({ playing: false, problem: null });
          if (goal) {
            noteViolations(c);
            if (goalReached(c)) reachGoal(c);
          } else pauseOnViolation(c);
        });
      },

      setSpeed: (speed) => {
        warmingUp = false;
        pacer?.setSpeed(speed);
        set({ speed });
      },

      propose: () =>
        serial(async (c) => {
          const leader = c.leader();
          if (leader === null) return refresh({ problem: (m) => m.notices.noLeader });
          const command = `x${++proposals}`;
          const at = await c.propose(leader, command);
          if (!at) return refresh({ problem: (m) => m.notices.lostLeadership(nodeName(leader)) });
          refresh({ lastProposal: { id: leader, command, ...at }, problem: null });
        }),

      crash: (id) =>
        serial(async (c) => {
          await c.crash(id);
          refresh({ problem: null });
        }),

      restart: (id) =>
        serial(async (c) => {
          await c.restart(id);
          refresh({ problem: null });
        }),

      isolate: (id) =>
        serial(async (c) => {
          const isolated = [...new Set([...get().isolated, id])].sort((a, b) => a - b);
          const rest = c.ids.filter((x) => !isolated.includes(x));
          await c.partition([isolated, rest].filter((group) => group.length > 0));
          isolatedByButtons = isolated;
          refresh({ problem: null });
        }),

      heal: () =>
        serial(async (c) => {
          await c.heal();
          isolatedByButtons = [];
          refresh({ problem: null });
        }),

      setDropRate: (rate) =>
        serial(async (c) => {
          await c.setDropRate(rate);
          refresh({ problem: null });
        }),

      setDuplicateRate: (rate) =>
        serial(async (c) => {
          await c.setDuplicateRate(rate);
          refresh({ problem: null });
        }),

      clientOp: (client, kind, argument, opOptions = {}) =>
        serial(async (c) => {
          const view = clientOps.start(client, kind, argument, opOptions.stale ?? false, c.now);
          let op: Op;
          try {
            const api = c.client(client);
            op =
              kind === 'login'
                ? await api.login(argument)
                : kind === 'setState'
                  ? await api.setState(argument)
                  : await api.getState(argument, { stale: opOptions.stale ?? false });
          } catch (error) {
            // Refused before it was sent: the service's rules, in its words.
            clientOps.refuse(view, errorText(error));
            refresh({ problem: null });
            return;
          }
          clientOps.track(view, op);
          refresh({ problem: null });
        }),

      select: (selection) => set({ selection }),

      hover: (hovered) => set({ hovered }),

      setViewShown: (view, place) => viewTurns.setShown(view, place),

      coordinator: () => runtime?.coordinator ?? null,

      act: (work) =>
        serial(async (c) => {
          await work(c);
          refresh({ problem: null });
        }),

      travel: (atMs) => {
        pacer?.pause();
        return serial(async (c) => {
          await halt();
          const presentMs = get().past?.presentMs ?? c.now;
          const at = clampInstant(atMs, presentMs);
          if (at >= presentMs) return refresh({ playing: false, past: null });
          const { timerResets, electionTimeoutMs, flights, links, drops, ...page } = pastData(
            c.options,
            c.inputLog(),
            at,
          );
          set((s) => ({
            ...page,
            viewNodes: page.nodes,
            viewNow: page.now,
            view: { timerResets, electionTimeoutMs, flights, links, drops },
            isolated: cutOffServers(
              s.isolated,
              isolatedByButtons,
              page.nodes.map((n) => n.id),
              links,
            ),
            events: s.events.filter((e) => e.at <= at),
            playing: false,
            past: { atMs: at, presentMs },
            version: s.version + 1,
          }));
        }, false);
      },

      toPresent: () => serial(() => refresh({ past: null }), false),

      dismissForkNotice: () => set({ forkNotice: null }),

      playUntil: (plan) => {
        pacer?.pause();
        return serial(async (c) => {
          await halt();
          const { inputs, holds, deadlineMs, tag } = plan(c);
          // Said before the inputs apply (a restart takes a while): the run is on its way.
          set({ until: { tag, deadlineMs, pausedAtMs: null, reached: false } });
          for (const input of inputs) await applyInput(c, input);
          goal = { holds, deadlineMs, tag };
          refresh({ problem: null });
          if (goalReached(c)) return reachGoal(c);
          pacer?.play();
          set({ playing: true });
        });
      },
    };
  });
}
