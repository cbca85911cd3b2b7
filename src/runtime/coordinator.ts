import type { UserView } from '../app';
import type { NodeId } from '../raft';
import type { HistoryOp, Op } from '../sim/clients';
import {
  ClusterCore,
  clientFor,
  type Client,
  type ClusterViolation,
  type NodeRunner,
} from '../sim/core';
import type { NodeAction } from '../sim/host';
import type { Input } from '../sim/inputs';
import type { NodeView } from '../sim/mirror';
import type { Envelope } from '../sim/network';
import type { ClusterOptions, ResolvedOptions } from '../sim/options';
import { Later, type ProposeResult } from './carried';
import type { MakeChannel, Spawn } from './endpoint';
import type { NodeInput } from './protocol';
import { NodeThreads, type Slot, type TelemetryListener } from './threads';

export type { TelemetryListener };

/** Inputs after which the nodes must be quiet: carried inputs are sent first. */
const QUIET_BEFORE: ReadonlySet<Input['kind']> = new Set([
  'crash',
  'restart',
  'addServer',
  'removeServer',
]);

/**
 * The Worker scheduler over the cluster core (src/sim/core.ts): each node
 * runs in its own thread. It owns virtual time, moving it in windows no
 * longer than the minimum latency (see protocol.ts), runs the due nodes of
 * a window in parallel, and waits for all of them before the next. Given
 * the same options, seed and input log it produces the same trace hash as
 * the headless cluster.
 */
export class Coordinator implements NodeRunner<Later> {
  private readonly core: ClusterCore<Later>;
  private readonly threads: NodeThreads;
  private queue: Promise<void> = Promise.resolve();
  /** Exclusive tasks queued or running. */
  private tasks = 0;
  /** advance() and runUntil() loops running: they carry inputs from window to window. */
  private loops = 0;
  /** Carried inputs so far, to number them. */
  private carriedSeq = 0;
  /** Nodes starting and stopping for the input being applied: it ends once they have. */
  private work: Promise<void>[] = [];
  private stopped = false;

  constructor(
    options: ClusterOptions,
    spawn: Spawn,
    makeChannel: MakeChannel,
    /** Names the disks of this page session: one database per session and node. */
    sessionId: string,
  ) {
    this.core = new ClusterCore(options, this, 0);
    this.threads = new NodeThreads(this.core, spawn, makeChannel, sessionId, (slot, message) => {
      void this.failed(slot, message);
    });
  }

  get now(): number {
    return this.core.now;
  }
  get ids(): readonly NodeId[] {
    return this.core.ids;
  }
  get options(): ResolvedOptions {
    return this.core.options;
  }

  /** The disk names this session uses, to delete them on reset. */
  diskNames(): string[] {
    return this.ids.map((id) => this.threads.diskName(id));
  }

  /** Starts every node's thread and links every pair. */
  async start(): Promise<void> {
    for (const id of this.ids) this.startNode(id);
    await this.finishWork();
  }

  /** Terminates every thread. The coordinator cannot be used afterwards. */
  stop(): void {
    this.stopped = true;
    this.threads.stopAll();
  }

  onTelemetry(listener: TelemetryListener): () => void {
    this.threads.listeners.add(listener);
    return () => this.threads.listeners.delete(listener);
  }

  node(id: NodeId): NodeView & { error: string | null } {
    return { ...this.core.node(id), error: this.threads.slot(id).error };
  }
  leader(): NodeId | null {
    return this.core.leader();
  }
  inFlight(): Envelope[] {
    return this.threads.inFlight();
  }
  isLinkUp(from: NodeId, to: NodeId): boolean {
    return this.core.network.isUp(from, to);
  }
  /** The fraction of messages the network loses, and the fraction it delivers twice. */
  lossRates(): { readonly dropRate: number; readonly duplicateRate: number } {
    const { dropRate, duplicateRate } = this.core.network;
    return { dropRate, duplicateRate };
  }
  violations(): readonly ClusterViolation[] {
    return this.core.violations();
  }
  inputLog(): readonly Input[] {
    return this.core.inputLog();
  }
  traceHash(): string {
    return this.core.traceHash();
  }
  history(): readonly HistoryOp[] {
    return this.core.history();
  }
  /** The per-user state a live node has applied (empty for a crashed one). */
  users(id: NodeId): UserView[] {
    return this.threads.slot(id).service.users();
  }

  /** The next instant at which anything is due, or Infinity. */
  nextEventAt(): number {
    let t = this.core.clientsDueAt();
    for (const slot of this.threads.slots.values())
      if (slot.endpoint) t = Math.min(t, this.threads.dueAt(slot));
    return t;
  }

  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError(`advance() takes a duration of at least 0 ms; got ${ms}.`);
    const target = this.now + ms;
    this.loops++;
    try {
      while ((await this.window(target, false, true)) !== null);
    } finally {
      this.loops--;
    }
    await this.settle();
  }

  /** Runs windows until `predicate` holds after one, or `maxMs` pass. */
  async runUntil(predicate: () => boolean, maxMs: number): Promise<boolean> {
    const limit = this.now + maxMs;
    if (predicate()) return true;
    this.loops++;
    try {
      while ((await this.window(limit, false, true)) !== null) if (predicate()) return true;
      return false;
    } finally {
      this.loops--;
      await this.settle();
    }
  }

  /** Runs exactly the next instant at which anything is due; returns it, or null if none by `limitMs`. */
  stepToNextEvent(limitMs = Infinity): Promise<number | null> {
    return this.runWindow(limitMs, true);
  }

  /**
   * Runs one window: from the next due instant, for at most the minimum
   * latency (or one instant), never past `limitMs`.
   */
  runWindow(limitMs: number, singleInstant: boolean): Promise<number | null> {
    return this.window(limitMs, singleInstant, false);
  }

  /** As runWindow; if nothing is due by `limitMs` and `jump`, time moves to it (in the same turn). */
  private window(limitMs: number, singleInstant: boolean, jump: boolean): Promise<number | null> {
    return this.exclusive(async () => {
      const core = this.core;
      const latencyMin = this.options.latencyMs[0];
      // Inputs carried into this window apply at their own time, at its
      // start; what they make happen is due after them: the node's own
      // timers one instant later at the earliest, what it sends one minimum
      // latency later, which must fall after the window (nobody counts on
      // it yet). A single step, or a window that cannot end before that,
      // sends them on their own first.
      let start = Math.min(this.nextEventAt(), this.carriedAt() + 1);
      if (singleInstant || this.carriedAt() + latencyMin - 1 < start) {
        await this.sendCarried();
        start = this.nextEventAt();
      }
      if (start > limitMs || start === Infinity || this.stopped) {
        if (jump) core.now = Math.max(core.now, limitMs);
        return null;
      }
      // Clients act at their own instants, after the servers' events there.
      const end = singleInstant
        ? start
        : Math.min(
            start + latencyMin - 1,
            limitMs,
            core.clientsDueAt(),
            this.carriedAt() + latencyMin - 1,
          );
      const runners = [...this.threads.slots.values()].filter(
        (s) => s.endpoint && (this.threads.dueAt(s) <= end || !s.carried.empty),
      );
      await this.threads.run(runners, end);
      core.now = end;
      core.fireClients(end);
      core.endOfInstant();
      return end;
    });
  }

  /** A client of the per-user service; its name is its user; an operation starts once applied. */
  client(name: string): Client<Promise<Op>> {
    return clientFor(
      name,
      (op) => this.apply({ at: this.now, kind: 'client', client: name, op }) as Promise<Op>,
    );
  }

  // ---- inputs: each is validated, recorded with the current time, then applied

  async propose(id: NodeId, command: unknown): Promise<ProposeResult> {
    return (
      ((await this.apply({ at: this.now, kind: 'propose', id, command })) as ProposeResult) ?? null
    );
  }
  async timeoutNow(id: NodeId): Promise<void> {
    await this.apply({ at: this.now, kind: 'timeoutNow', id });
  }
  async transferLeadership(id: NodeId, target: NodeId): Promise<void> {
    await this.apply({ at: this.now, kind: 'transferLeadership', id, target });
  }
  async crash(id: NodeId): Promise<void> {
    await this.apply({ at: this.now, kind: 'crash', id });
  }
  async restart(id: NodeId): Promise<void> {
    await this.apply({ at: this.now, kind: 'restart', id });
  }
  async partition(groups: readonly (readonly NodeId[])[]): Promise<void> {
    await this.apply({ at: this.now, kind: 'partition', groups });
  }
  async heal(): Promise<void> {
    await this.apply({ at: this.now, kind: 'heal' });
  }
  async setLink(from: NodeId, to: NodeId, up: boolean): Promise<void> {
    await this.apply({ at: this.now, kind: 'setLink', from, to, up });
  }
  async setDropRate(rate: number): Promise<void> {
    await this.apply({ at: this.now, kind: 'setDropRate', rate });
  }
  async setDuplicateRate(rate: number): Promise<void> {
    await this.apply({ at: this.now, kind: 'setDuplicateRate', rate });
  }

  /**
   * Starts a new server (the lowest free id) and has the leader add it: as a
   * learner first, a voter once it has caught up (dissertation §4.1).
   * Resolves with its id once the change is in the leader's log.
   */
  async addServer(): Promise<NodeId> {
    const id = this.core.freeId();
    await this.apply({ at: this.now, kind: 'addServer', id });
    return id;
  }

  /** Has the leader remove server `id`, which may be itself (§4.2.2). */
  async removeServer(id: NodeId): Promise<void> {
    await this.apply({ at: this.now, kind: 'removeServer', id });
  }

  async apply(input: Input): Promise<ProposeResult | Op | null | void> {
    this.core.validate(input);
    const outcome = await this.exclusive(async () => {
      const at = { ...input, at: this.now } as Input;
      this.checkRestart(at);
      if (QUIET_BEFORE.has(at.kind)) await this.sendCarried();
      await this.checkMembershipChange(at);
      const result = this.core.perform(at);
      await this.finishWork();
      this.core.endOfInstant();
      return result;
    });
    // A node's input applies with its next command: a window's, or its own
    // round trip if no window follows.
    return outcome instanceof Later ? outcome.result : outcome;
  }

  /** A node whose disk lost writes it had sent messages about stays down (see worker-core.ts). */
  private checkRestart(input: Input): void {
    if (input.kind !== 'restart') return;
    const lost = this.threads.slot(input.id).diskLost;
    if (lost === null) return;
    throw new RangeError(
      `S${input.id} cannot be restarted: its disk failed (${lost}) after it had sent messages ` +
        'relying on what it wrote. Raft needs a server to remember its term, vote and log; ' +
        'reset the run to start again.',
    );
  }

  /**
   * Membership changes go through the leader: refuse one before logging it
   * if the leader cannot take it now. The leader's worker answers, with
   * every input before this one applied.
   */
  private async checkMembershipChange(input: Input): Promise<void> {
    const pending = this.core.pendingChange(input);
    if (!pending) return;
    const slot = this.threads.slot(pending.leader);
    const answer = await this.threads.call(slot, { kind: 'check', change: pending.change });
    if (answer.kind === 'error') throw new Error(`S${slot.id} failed: ${answer.message}`);
    this.threads.absorb(slot, answer);
    if (answer.kind === 'checked' && answer.problem !== null) throw new RangeError(answer.problem);
  }

  // ---- the runner: nodes in Workers

  /** Queues an input for `id`'s next command; its result comes with that command's reply. */
  act(id: NodeId, action: NodeAction, atMs: number): Later {
    const input: NodeInput = { nowMs: atMs, network: this.core.networkSnapshot(), action };
    return new Later(this.threads.slot(id).carried.add(input, this.carriedSeq++));
  }

  startNode(id: NodeId): void {
    this.work.push(this.threads.start(id));
  }

  /**
   * A crash stops the node with everything it wrote on disk, and everything
   * it sent delivered to the others (those messages are on the wire).
   */
  stopNode(id: NodeId): void {
    const threads = this.threads;
    const slot = threads.slot(id);
    this.work.push(
      Promise.all([threads.drainFrom(id), threads.sync(slot, {})]).then(([, own]) => {
        threads.absorb(slot, own);
        threads.kill(slot, null);
      }),
    );
  }

  /** A worker that throws is shown as a crashed node with its error; the rest carry on. */
  private async failed(slot: Slot, message: string): Promise<void> {
    const pending = slot.pending;
    slot.pending = null;
    slot.error = message;
    pending?.resolve({ kind: 'error', message });
    await this.exclusive(async () => {
      await this.threads.drainFrom(slot.id);
      this.threads.kill(slot, message);
    });
  }

  /** Waits for the nodes that the input being applied starts and stops. */
  private async finishWork(): Promise<void> {
    while (this.work.length > 0) await Promise.all(this.work.splice(0));
  }

  /** The earliest time of any carried input, or Infinity. */
  private carriedAt(): number {
    let at = Infinity;
    for (const slot of this.carriers()) at = Math.min(at, slot.carried.firstAt());
    return at;
  }

  /** Live nodes with inputs waiting for their next command. */
  private carriers(): Slot[] {
    return [...this.threads.slots.values()].filter((s) => s.endpoint && !s.carried.empty);
  }

  /** Sends every carried input now, each node's in one command, without running time. */
  private async sendCarried(): Promise<void> {
    await this.threads.run(this.carriers(), this.now);
  }

  /**
   * Windows and inputs never overlap: the coordinator does one thing at a
   * time, in the order asked. An input asked for during a window applies
   * when the window ends, at the time it ends.
   *
   * A node's input rides in its next window's command. When the queue runs
   * dry outside an advance() or runUntil() loop, no window is coming, so
   * carried inputs are sent on their own: an awaited proposal always
   * resolves, and at rest the trace holds every input.
   */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.tasks++;
    const result = this.queue.then(async () => {
      try {
        return await work();
      } finally {
        this.tasks--;
        if (this.tasks === 0 && this.loops === 0) await this.sendCarried();
      }
    });
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Lets the queue run dry: carried inputs are sent unless more work follows. */
  private settle(): Promise<void> {
    return this.exclusive(() => Promise.resolve());
  }
}
