import type { Coordinator } from '../runtime/coordinator.ts';
import { Pacer, type Speed } from '../runtime/speed.ts';
import type { Input, NodeId, Op } from '../sim/index.ts';
import type { ClientOpKind } from './clientOps.ts';
import { errorText } from './errorText.ts';
import { formatVirtualMs, nodeName } from './labels.ts';
import { clampInstant, forkInputs, forkNotice } from './ring/fork.ts';
import { replayInto } from './ring/clusterView.ts';
import type { ClusterRuntime } from './runtime.ts';
import { SessionViews } from './sessionViews.ts';
import { stepOnce } from './step.ts';
import type { PlaygroundData, PlaygroundOptions, UntilPlan } from './store.ts';
import { propertyName } from './views/safety.ts';
import type { LiveView, ViewPlace } from './viewTurns.ts';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The store as a run session sees it: the page's data, read and written. */
export interface SessionStore {
  get(): PlaygroundData;
  set(update: Partial<PlaygroundData> | ((s: PlaygroundData) => Partial<PlaygroundData>)): void;
  /** The data of a run not yet started, that a reset brings back. */
  readonly initial: Partial<PlaygroundData>;
}

/**
 * One run of the playground, behind the store: the runtime (Workers, or
 * in-process nodes in tests), the queue that runs user actions one at a time
 * in the order given, the pacer that runs time, the goal of `playUntil`, and
 * forks of the timeline. It writes only snapshots into the store.
 */
export class RunSession {
  private runtime: ClusterRuntime | null = null;
  private pacer: Pacer | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Bumped by start and stop, so a start that finishes after a stop is undone. */
  private life = 0;
  private proposals = 0;
  private queue: Promise<void> = Promise.resolve();
  private detachView: (() => void) | null = null;
  /** Set by a fork or an opened run: the next start re-runs these inputs up to untilMs before it plays. */
  private replayOnStart: { inputs: readonly Input[]; untilMs: number } | null;
  private readonly views = new SessionViews();
  /** Violations seen so far: one more pauses the run. */
  private violationsSeen = 0;
  /** Time runs at options.firstLeaderSpeed until there is a leader (reset brings it back). */
  private warmingUp: boolean;
  /** The moment `playUntil` waits for; while set, time runs instant by instant. */
  private goal: {
    readonly holds: () => boolean;
    readonly deadlineMs: number;
    readonly tag: number;
  } | null = null;

  constructor(
    private readonly options: PlaygroundOptions,
    private readonly store: SessionStore,
  ) {
    this.replayOnStart = options.replay ?? null;
    this.warmingUp = options.firstLeaderSpeed !== undefined;
  }

  /** The running cluster's coordinator, or null. */
  get coordinator(): Coordinator | null {
    return this.runtime?.coordinator ?? null;
  }

  /** `running`: called by the pacer while time runs, so the slower views take turns (viewTurns.ts). */
  refresh(extra: Partial<PlaygroundData> = {}, running = false): void {
    const r = this.runtime;
    if (!r) return this.store.set(extra);
    this.store.set((s) => ({ ...this.views.read(r, s, running), ...extra }));
  }

  setViewShown(view: LiveView, place: ViewPlace): void {
    this.views.setShown(view, place);
  }

  /**
   * A new violation pauses the run where it happened (a teaching bug is
   * on). Under `playUntil` it is said but does not pause: the lesson pauses
   * where its story needs (Figure 8 with the bug pauses on its own
   * violation, and runs on past the Leader Completeness one).
   */
  private noteViolations(c: Coordinator): void {
    const count = c.violations().length;
    if (count <= this.violationsSeen) return;
    this.violationsSeen = count;
    const first = c.violations()[0];
    const at = formatVirtualMs(c.now);
    if (this.goal) {
      this.refresh({
        problem: (m) => m.lessons.ui.violated(first ? propertyName(m, first.property) : null, at),
      });
      return;
    }
    this.pacer?.pause();
    this.refresh({
      playing: false,
      problem: (m) => m.notices.paused(first ? propertyName(m, first.property) : null, at),
    });
  }

  private goalReached(c: Coordinator): boolean {
    return this.goal !== null && (this.goal.holds() || c.now >= this.goal.deadlineMs);
  }

  /** Pauses where the goal of `playUntil` was reached, and says so in `until`. */
  private reachGoal(c: Coordinator): void {
    if (!this.goal) return;
    const { holds, deadlineMs, tag } = this.goal;
    this.goal = null;
    this.pacer?.pause();
    this.refresh({
      playing: false,
      until: { tag, deadlineMs, pausedAtMs: c.now, reached: holds() },
    });
  }

  /**
   * Runs toward the goal for at most `ms`, one instant at a time (what
   * lessons/coordinator.test.ts checks against the headless engine).
   */
  private async advanceToGoal(c: Coordinator, ms: number): Promise<void> {
    const g = this.goal;
    if (!g) return;
    const target = Math.min(c.now + ms, g.deadlineMs);
    while (!this.goalReached(c) && c.now < target) {
      if ((await c.stepToNextEvent(target)) === null) await c.advance(target - c.now);
      this.noteViolations(c);
    }
    if (this.goalReached(c)) this.reachGoal(c);
  }

  /**
   * Applies an input as the page's own controls would: a client's operation
   * made by a lesson or an opened run is listed in the clients panel too.
   */
  private readonly applyInput = async (c: Coordinator, input: Input): Promise<void> => {
    const result = await c.apply(input);
    if (input.kind !== 'client' || !result || !('progress' in result)) return;
    const { op } = input;
    const argument = op.kind === 'setState' ? op.state : op.kind === 'getState' ? op.user : '';
    const stale = op.kind === 'getState' && op.stale;
    this.views.clientOps.track(
      this.views.clientOps.start(input.client, op.kind, argument, stale, input.at),
      result,
    );
  };

  /**
   * Acting at an earlier instant forks a new future (RaftScope's habit):
   * a fresh run re-does the inputs up to that instant, the later ones are
   * discarded, and the page says so.
   */
  private forkIfInPast(): void {
    const past = this.store.get().past;
    const c = this.runtime?.coordinator;
    if (!past || !c) return;
    const { kept, discarded } = forkInputs(c.inputLog(), past.atMs);
    this.replayOnStart = { inputs: kept, untilMs: past.atMs };
    this.store.set({ past: null, playing: false });
    void this.reset();
    const notice = forkNotice(past.atMs, discarded.length);
    this.queue = this.queue.then(() => this.store.set({ forkNotice: notice }));
  }

  /** Runs `work` as a user action: after the ones before it, forking first if the page shows the past. */
  serial(work: (c: Coordinator) => Promise<void> | void, forkFirst = true): Promise<void> {
    if (forkFirst) this.forkIfInPast();
    const run = this.queue.then(async () => {
      const c = this.runtime?.coordinator;
      if (!c) return;
      try {
        await work(c);
      } catch (error) {
        this.refresh({ problem: errorText(error) });
      }
    });
    this.queue = run;
    return run;
  }

  /** A user action on the cluster, then a refresh that clears the last problem (or sets `work`'s data). */
  act(
    work: (
      c: Coordinator,
    ) => Promise<Partial<PlaygroundData> | void> | Partial<PlaygroundData> | void,
  ): Promise<void> {
    return this.serial(async (c) => {
      const data = await work(c);
      this.refresh({ problem: null, ...data });
    });
  }

  /** Stops the play loop and waits for its last advance, before an action that must not race it. */
  private async halt(): Promise<void> {
    this.pacer?.pause();
    await this.pacer?.idle();
  }

  /** Starts the workers; called once the page shows the playground. */
  async start(): Promise<void> {
    const { options, store } = this;
    const mine = ++this.life;
    store.set({ status: 'starting' });
    let started: ClusterRuntime;
    try {
      started = await options.startRuntime({
        ...options.cluster,
        nodes: options.nodeCount,
        seed: options.seed,
      });
    } catch (error) {
      if (mine === this.life)
        store.set({ status: 'failed', problem: (m) => m.notices.couldNotStart(describe(error)) });
      return;
    }
    if (mine !== this.life) {
      await started.stop();
      return;
    }
    this.runtime = started;
    this.unsubscribe = started.coordinator.onTelemetry((events) => this.views.addEvents(events));
    const c = started.coordinator;
    /** The first leader ends the warm-up: from here on, the speed the page shows. */
    const endWarmUp = (): void => {
      if (!this.warmingUp || c.leader() === null) return;
      this.warmingUp = false;
      this.pacer?.setSpeed(store.get().speed);
    };
    this.pacer = new Pacer(
      // Runs window by window and stops at the first that breaks a safety property;
      // toward a lesson's moment, instant by instant.
      async (ms) => {
        if (this.goal) return this.advanceToGoal(c, ms);
        if (await c.runUntil(() => c.violations().length > this.violationsSeen, ms))
          this.noteViolations(c);
      },
      () => {
        endWarmUp();
        this.refresh({}, true);
      },
      (error) => this.refresh({ playing: false, problem: errorText(error) }),
      this.warmingUp && options.firstLeaderSpeed !== undefined
        ? options.firstLeaderSpeed
        : store.get().speed,
      options.clock,
    );
    this.detachView = this.views.clusterView.attach(started.coordinator);
    let replayed: Partial<PlaygroundData> = {};
    if (this.replayOnStart) {
      const { inputs, untilMs } = this.replayOnStart;
      this.replayOnStart = null;
      try {
        await replayInto(started.coordinator, inputs, untilMs, this.applyInput);
      } catch (error) {
        replayed = { problem: (m) => m.share.replayFailed(describe(error)) };
      }
      if (mine !== this.life) return;
      // What the opened run broke already shows in the Safety panel: only a new violation pauses.
      this.violationsSeen = c.violations().length;
    }
    this.refresh({ status: 'running', ...replayed });
    if (store.get().playing) this.pacer.play();
  }

  /** Ends every worker and deletes the run's disks. */
  async stop(): Promise<void> {
    this.life++;
    this.goal = null;
    this.pacer?.dispose();
    this.unsubscribe?.();
    this.detachView?.();
    this.detachView = null;
    const r = this.runtime;
    this.runtime = null;
    this.pacer = null;
    this.unsubscribe = null;
    this.store.set({ status: 'stopped', workers: 0 });
    await r?.stop();
  }

  /** Stop, then start the same seed again from time 0 on fresh disks. */
  reset(): Promise<void> {
    const run = this.queue.then(async () => {
      await this.stop();
      this.views.clear();
      this.violationsSeen = 0;
      this.proposals = 0;
      this.warmingUp = this.options.firstLeaderSpeed !== undefined;
      this.store.set(this.store.initial);
      await this.start();
    });
    this.queue = run;
    return run;
  }

  play(): Promise<void> {
    return this.serial(() => {
      this.pacer?.play();
      this.store.set({ playing: true, problem: null });
    });
  }

  pause(): Promise<void> {
    this.pacer?.pause();
    return this.serial(async () => {
      await this.halt();
      if (this.store.get().past) this.store.set({ playing: false });
      else this.refresh({ playing: false });
    }, false);
  }

  /** Pause, then run to the next event (the "Step" button; see stepOnce). */
  step(): Promise<void> {
    this.pacer?.pause();
    return this.serial(async (c) => {
      await this.halt();
      await stepOnce(c);
      this.refresh({ playing: false, problem: null });
      this.noteViolations(c);
      if (this.goalReached(c)) this.reachGoal(c);
    });
  }

  /** Changes how fast time runs; never changes the run itself. */
  setSpeed(speed: Speed): void {
    this.warmingUp = false;
    this.pacer?.setSpeed(speed);
    this.store.set({ speed });
  }

  /** Proposes a new command on the leader. */
  propose(): Promise<void> {
    return this.act(async (c) => {
      const leader = c.leader();
      if (leader === null) return { problem: (m) => m.notices.noLeader };
      const command = `x${++this.proposals}`;
      const at = await c.propose(leader, command);
      if (!at) return { problem: (m) => m.notices.lostLeadership(nodeName(leader)) };
      return { lastProposal: { id: leader, command, ...at } };
    });
  }

  /** Cuts the server off, together with the other isolated ones, from the rest. */
  isolate(id: NodeId): Promise<void> {
    return this.act(async (c) => {
      const isolated = [...new Set([...this.store.get().isolated, id])].sort((a, b) => a - b);
      const rest = c.ids.filter((x) => !isolated.includes(x));
      await c.partition([isolated, rest].filter((group) => group.length > 0));
      this.views.isolatedByButtons = isolated;
    });
  }

  /** Repairs every link. */
  heal(): Promise<void> {
    return this.act(async (c) => {
      await c.heal();
      this.views.isolatedByButtons = [];
    });
  }

  /** A client operation on the per-user service; a refusal shows in clientOps, not as a problem. */
  clientOp(client: string, kind: ClientOpKind, argument: string, stale: boolean): Promise<void> {
    const ops = this.views.clientOps;
    return this.act(async (c) => {
      const view = ops.start(client, kind, argument, stale, c.now);
      let op: Op;
      try {
        const api = c.client(client);
        op =
          kind === 'login'
            ? await api.login(argument)
            : kind === 'setState'
              ? await api.setState(argument)
              : await api.getState(argument, { stale });
      } catch (error) {
        // Refused before it was sent: the service's rules, in its words.
        ops.refuse(view, errorText(error));
        return;
      }
      ops.track(view, op);
    });
  }

  /** Shows the page as it was at `atMs` (re-run headless); at or after the present, returns to it. */
  travel(atMs: number): Promise<void> {
    this.pacer?.pause();
    return this.serial(async (c) => {
      await this.halt();
      const presentMs = this.store.get().past?.presentMs ?? c.now;
      const at = clampInstant(atMs, presentMs);
      if (at >= presentMs) return this.refresh({ playing: false, past: null });
      this.store.set((st) => this.views.past(c, st, at, presentMs));
    }, false);
  }

  /** Leaves the past view without changing the run. */
  toPresent(): Promise<void> {
    return this.serial(() => this.refresh({ past: null }), false);
  }

  /** See PlaygroundActions.playUntil. */
  playUntil(plan: (c: Coordinator) => UntilPlan): Promise<void> {
    this.pacer?.pause();
    return this.serial(async (c) => {
      await this.halt();
      const { inputs, holds, deadlineMs, tag } = plan(c);
      // Said before the inputs apply (a restart takes a while): the run is on its way.
      this.store.set({ until: { tag, deadlineMs, pausedAtMs: null, reached: false } });
      for (const input of inputs) await this.applyInput(c, input);
      this.goal = { holds, deadlineMs, tag };
      this.refresh({ problem: null });
      if (this.goalReached(c)) return this.reachGoal(c);
      this.pacer?.play();
      this.store.set({ playing: true });
    });
  }
}
