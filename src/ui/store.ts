import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Coordinator } from '../runtime/coordinator.ts';
import { Pacer, type Speed, type WallClock } from '../runtime/speed.ts';
import type { NodeId, NodeView, Role } from '../sim/index.ts';
import { feedEvents, RECENT_EVENTS_MAX, type FeedEvent } from './feed.ts';
import { nodeName } from './labels.ts';
import { Recent } from './recent.ts';
import type { ClusterRuntime, StartRuntime } from './runtime.ts';
import { stepOnce } from './step.ts';

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

/** What the page shows: snapshots of the cluster, refreshed after each change. */
export interface PlaygroundData {
  readonly seed: number;
  readonly status: RunStatus;
  /** Virtual time of the cluster, in ms since the run began. */
  readonly now: number;
  readonly nodes: readonly NodeSnapshot[];
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
  /** Servers cut off from the rest (one side of a partition). */
  readonly isolated: readonly NodeId[];
  readonly dropRate: number;
  readonly duplicateRate: number;
  readonly lastProposal: Proposal | null;
  /** Recent events in plain language, oldest first (at most RECENT_EVENTS_MAX). */
  readonly events: readonly FeedEvent[];
  /** What went wrong with the last thing the user asked for, in words. */
  readonly problem: string | null;
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
  /** The running cluster's coordinator, or null (for the test hook). */
  coordinator: () => Coordinator | null;
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
  const recent = new Recent<FeedEvent>(RECENT_EVENTS_MAX);
  /** Events since the last refresh: nodes run a window in parallel and report in any order. */
  let unsorted: FeedEvent[] = [];
  const lastRole = new Map<NodeId, { role: Role; term: number }>();

  return createStore<PlaygroundState>()((set, get) => {
    const refresh = (extra: Partial<PlaygroundData> = {}): void => {
      const r = runtime;
      if (!r) return set(extra);
      const c = r.coordinator;
      if (unsorted.length > 0) {
        for (const e of unsorted.sort((a, b) => a.at - b.at)) recent.push(e);
        unsorted = [];
      }
      set((s) => ({
        now: c.now,
        nodes: c.ids.map((id) => c.node(id)),
        leader: c.leader(),
        workers: r.workers(),
        inFlight: c.inFlight().length,
        events: recent.toArray(),
        version: s.version + 1,
        ...extra,
      }));
    };

    const note = (text: string): void => {
      unsorted.push({ at: runtime?.coordinator.now ?? 0, text });
    };

    /** Runs a user action after the ones before it; a failure is shown, not thrown. */
    const serial = (work: (c: Coordinator) => Promise<void> | void): Promise<void> => {
      const run = queue.then(async () => {
        const c = runtime?.coordinator;
        if (!c) return;
        try {
          await work(c);
        } catch (error) {
          refresh({ problem: describe(error) });
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
      leader: null,
      workers: 0,
      inFlight: 0,
      isolated: [],
      dropRate: 0,
      duplicateRate: 0,
      lastProposal: null,
      events: [],
      problem: null,
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
          started = await options.startRuntime({ nodes: options.nodeCount, seed: options.seed });
        } catch (error) {
          if (mine === life)
            set({ status: 'failed', problem: `The servers could not start: ${describe(error)}` });
          return;
        }
        if (mine !== life) {
          await started.stop();
          return;
        }
        runtime = started;
        unsubscribe = started.coordinator.onTelemetry((id, telemetry) => {
          for (const e of feedEvents(id, telemetry, lastRole)) unsorted.push(e);
        });
        pacer = new Pacer(
          (ms) => started.coordinator.advance(ms),
          () => refresh(),
          (error) => refresh({ playing: false, problem: describe(error) }),
          get().speed,
          options.clock,
        );
        refresh({ status: 'running' });
        if (get().playing) pacer.play();
      },

      stop: async () => {
        life++;
        pacer?.dispose();
        unsubscribe?.();
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
          recent.clear();
          unsorted = [];
          lastRole.clear();
          proposals = 0;
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
          refresh({ playing: false });
        });
      },

      step: () => {
        pacer?.pause();
        return serial(async (c) => {
          await halt();
          await stepOnce(c);
          refresh({ playing: false, problem: null });
        });
      },

      setSpeed: (speed) => {
        pacer?.setSpeed(speed);
        set({ speed });
      },

      propose: () =>
        serial(async (c) => {
          const leader = c.leader();
          if (leader === null)
            throw new Error(
              'There is no leader yet, so there is nobody to propose to. Let the cluster elect one first.',
            );
          const command = `x${++proposals}`;
          const at = await c.propose(leader, command);
          if (!at)
            throw new Error(
              `${nodeName(leader)} stopped being the leader before it got the proposal; try again.`,
            );
          refresh({ lastProposal: { id: leader, command, ...at }, problem: null });
        }),

      crash: (id) =>
        serial(async (c) => {
          await c.crash(id);
          note(`${nodeName(id)} crashed: its worker was terminated`);
          refresh({ problem: null });
        }),

      restart: (id) =>
        serial(async (c) => {
          await c.restart(id);
          note(`${nodeName(id)} restarted from its disk`);
          refresh({ problem: null });
        }),

      isolate: (id) =>
        serial(async (c) => {
          const isolated = [...new Set([...get().isolated, id])].sort((a, b) => a - b);
          const rest = c.ids.filter((x) => !isolated.includes(x));
          await c.partition([isolated, rest].filter((group) => group.length > 0));
          note(`${isolated.map(nodeName).join(', ')} cut off from the rest`);
          refresh({ isolated, problem: null });
        }),

      heal: () =>
        serial(async (c) => {
          await c.heal();
          note('every link repaired');
          refresh({ isolated: [], problem: null });
        }),

      setDropRate: (rate) =>
        serial(async (c) => {
          await c.setDropRate(rate);
          refresh({ dropRate: rate, problem: null });
        }),

      setDuplicateRate: (rate) =>
        serial(async (c) => {
          await c.setDuplicateRate(rate);
          refresh({ duplicateRate: rate, problem: null });
        }),

      coordinator: () => runtime?.coordinator ?? null,
    };
  });
}
