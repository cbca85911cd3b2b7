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
import type { NodeEvent } from '../sim/events';
import type { NodeAction } from '../sim/host';
import type { Input } from '../sim/inputs';
import type { NodeView } from '../sim/mirror';
import type { Envelope, NetworkSnapshot } from '../sim/network';
import type { ClusterOptions, ResolvedOptions } from '../sim/options';
import { Carried, Later, type ProposeResult } from './carried';
import { LinkEnds } from './channels';
import type { Endpoint, MakeChannel, Spawn } from './endpoint';
import type { Expectation, FromWorker, NodeInput, ToWorker } from './protocol';
import { ServiceMirror } from './service-mirror';

interface Slot {
  readonly id: NodeId;
  endpoint: Endpoint | null;
  /** The node's own next due time, as its last report gave it. */
  dueReported: number;
  /** This incarnation's ends of its links. */
  links: LinkEnds;
  pending: { resolve: (m: FromWorker) => void } | null;
  /** Inputs for this node not sent yet: they go with its next command. */
  readonly carried: Carried;
  /** The network snapshot its worker has now: commands leave it out while it holds. */
  network: NetworkSnapshot | null;
  /** The node's applied per-user state, rebuilt from its events (the real one is in the worker). */
  readonly service: ServiceMirror;
  error: string | null;
  /** Why the node's disk may lack what it sent (a write failed): it is never restarted. */
  diskLost: string | null;
}

/** A client whose operations start once the coordinator has applied them. */
export type AsyncClient = Client<Promise<Op>>;

/** Watches every batch of node events a worker reports (one node's), for the page's views. */
export type TelemetryListener = (events: readonly NodeEvent[]) => void;

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
  private readonly slots = new Map<NodeId, Slot>();
  private readonly listeners = new Set<TelemetryListener>();
  private readonly inFlightByKey = new Map<string, Envelope>();
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
    private readonly spawn: Spawn,
    private readonly makeChannel: MakeChannel,
    /** Names the disks of this page session: one database per session and node. */
    private readonly sessionId: string,
  ) {
    this.core = new ClusterCore(options, this, 0);
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
    return this.ids.map((id) => this.diskName(id));
  }

  /** Starts every node's thread and links every pair. */
  async start(): Promise<void> {
    for (const id of this.ids) this.startNode(id);
    await this.finishWork();
  }

  /** Terminates every thread. The coordinator cannot be used afterwards. */
  stop(): void {
    this.stopped = true;
    for (const slot of this.slots.values()) {
      slot.endpoint?.terminate();
      slot.endpoint = null;
      slot.pending?.resolve({ kind: 'error', message: 'the cluster was stopped' });
      slot.pending = null;
      slot.carried.drop();
    }
  }

  onTelemetry(listener: TelemetryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  node(id: NodeId): NodeView & { error: string | null } {
    return { ...this.core.node(id), error: this.slot(id).error };
  }
  leader(): NodeId | null {
    return this.core.leader();
  }
  inFlight(): Envelope[] {
    return [...this.inFlightByKey.values()];
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
    return this.slot(id).service.users();
  }

  /** The next instant at which anything is due, or Infinity. */
  nextEventAt(): number {
    let t = this.core.clientsDueAt();
    for (const slot of this.slots.values()) if (slot.endpoint) t = Math.min(t, this.dueAt(slot));
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
      const runners = [...this.slots.values()].filter(
        (s) => s.endpoint && (this.dueAt(s) <= end || !s.carried.empty),
      );
      await this.runAll(runners, end);
      core.now = end;
      core.fireClients(end);
      core.endOfInstant();
      return end;
    });
  }

  /** A client of the per-user service; its name is its user. */
  client(name: string): AsyncClient {
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
    const lost = this.slot(input.id).diskLost;
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
    const slot = this.slot(pending.leader);
    const answer = await this.call(slot, { kind: 'check', change: pending.change });
    if (answer.kind === 'error') throw new Error(`S${slot.id} failed: ${answer.message}`);
    this.absorb(slot, answer);
    if (answer.kind === 'checked' && answer.problem !== null) throw new RangeError(answer.problem);
  }

  // ---- the runner: nodes in Workers

  /** Queues an input for `id`'s next command; its result comes with that command's reply. */
  act(id: NodeId, action: NodeAction, atMs: number): Later {
    const input: NodeInput = { nowMs: atMs, network: this.core.networkSnapshot(), action };
    return new Later(this.slot(id).carried.add(input, this.carriedSeq++));
  }

  /**
   * A crash stops the node with everything it wrote on disk, and everything
   * it sent delivered to the others (those messages are on the wire).
   */
  stopNode(id: NodeId): void {
    const slot = this.slot(id);
    this.work.push(
      Promise.all([this.drainFrom(id), this.sync(slot, {})]).then(([, own]) => {
        this.absorb(slot, own);
        this.kill(slot, null);
      }),
    );
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
    return [...this.slots.values()].filter((s) => s.endpoint && !s.carried.empty);
  }

  /** Sends every carried input now, each node's in one command, without running time. */
  private async sendCarried(): Promise<void> {
    await this.runAll(this.carriers(), this.now);
  }

  /**
   * Runs each of `slots` to `untilMs`, carried inputs first, in parallel.
   * Then takes in what they reported as the headless cluster sees it happen:
   * first what each input did, in the order the inputs applied, then each
   * node's window in the order of `slots`, whatever order the replies came
   * in (the clients react to answers in that order).
   */
  private async runAll(slots: readonly Slot[], untilMs: number): Promise<void> {
    const runs = slots.map((slot) => {
      const carried = slot.carried.take();
      // The worker applies the inputs, then loads the window's network.
      const inputs = carried.map((c) => this.inputFor(slot, c.input));
      const expect = slot.links.expectation(untilMs);
      const network = this.core.networkSnapshot();
      const command: ToWorker =
        network === slot.network
          ? { kind: 'run', untilMs, expect }
          : { kind: 'run', untilMs, expect, network: (slot.network = network) };
      const reply = this.call(slot, inputs.length > 0 ? { ...command, inputs } : command);
      return { slot, carried, reply };
    });
    const replies = await Promise.all(runs.map((r) => r.reply));
    const inputParts: { seq: number; slot: Slot; events: readonly NodeEvent[] }[] = [];
    runs.forEach(({ slot, carried }, k) => {
      const m = replies[k]!;
      if (m.kind !== 'done' || !m.inputEnds) return;
      carried.forEach((c, j) => {
        const from = j === 0 ? 0 : m.inputEnds![j - 1]!;
        const events = m.report.telemetry.slice(from, m.inputEnds![j]);
        inputParts.push({ seq: c.seq, slot, events });
      });
    });
    inputParts.sort((a, b) => a.seq - b.seq);
    for (const { slot, events } of inputParts) this.observe(slot, events);
    runs.forEach(({ slot, carried }, k) => {
      const m = replies[k]!;
      this.absorb(slot, m, m.kind === 'done' ? (m.inputEnds?.at(-1) ?? 0) : 0);
      carried.forEach((c, j) => c.resolve(m.kind === 'done' ? (m.results?.[j] ?? null) : null));
    });
  }

  /** Waits until `slot`'s node has received what `expect` says and its disk holds all it wrote. */
  private sync(slot: Slot, expect: Expectation): Promise<FromWorker> {
    return this.call(slot, { kind: 'sync', expect });
  }

  /** `input` as sent to `slot`'s worker: without its network if the worker holds that one. */
  private inputFor(slot: Slot, input: NodeInput): NodeInput {
    if (!input.network || input.network === slot.network)
      return { nowMs: input.nowMs, action: input.action };
    slot.network = input.network;
    return input;
  }

  // ---- threads and links

  /** Starts node `id`'s current incarnation in a new thread, linked to every live node. */
  startNode(id: NodeId): void {
    const core = this.core;
    let slot = this.slots.get(id);
    if (!slot) {
      slot = {
        id,
        endpoint: null,
        dueReported: Infinity,
        links: new LinkEnds(id, 0),
        pending: null,
        carried: new Carried(),
        network: null,
        service: new ServiceMirror(),
        error: null,
        diskLost: null,
      };
      this.slots.set(id, slot);
    }
    const s = slot;
    const incarnation = core.incarnationOf(id);
    s.dueReported = Infinity;
    s.links = new LinkEnds(id, incarnation);
    s.error = null;
    s.endpoint = this.spawn(id, incarnation, {
      message: (m) => this.onMessage(s, m),
      // A failure outside the node's own handling may end it with a write
      // uncommitted: its disk cannot be trusted, unless it had not started.
      error: (message) => {
        if (core.isAlive(id)) s.diskLost = message;
        void this.failed(s, message);
      },
    });
    s.network = core.networkSnapshot();
    const reply = this.call(s, {
      kind: 'init',
      id,
      peers: core.peersOf(id),
      incarnation,
      options: this.options,
      network: s.network,
      diskName: this.diskName(id),
      nowMs: this.now,
    });
    this.connect(s);
    this.work.push(reply.then((m) => this.absorb(s, m)));
  }

  /** Gives a node's new incarnation a channel to every other live node. */
  private connect(a: Slot): void {
    for (const b of this.slots.values()) {
      if (a === b || !b.endpoint) continue;
      const { port1, port2 } = this.makeChannel();
      a.endpoint?.post({ kind: 'connect', peer: b.id, port: port1 }, [port1]);
      b.endpoint.post({ kind: 'connect', peer: a.id, port: port2 }, [port2]);
      a.links.linkTo(b.links);
      b.links.linkTo(a.links);
    }
  }

  /**
   * Before a node's thread ends, every other node takes in what it already
   * sent (those messages are on the wire and still arrive), so nobody waits
   * for envelopes from a port that closed with the thread.
   */
  private async drainFrom(id: NodeId): Promise<void> {
    const peers = [...this.slots.values()].filter((s) => s.endpoint && s.id !== id);
    const replies = await Promise.all(
      peers.map((s) => this.sync(s, s.links.expectation(Infinity))),
    );
    peers.forEach((s, k) => this.absorb(s, replies[k]));
  }

  /** Crash: the thread and all its memory are gone; what was sent to it is lost. */
  private kill(slot: Slot, error: string | null): void {
    if (!slot.endpoint) return;
    slot.endpoint.terminate();
    slot.endpoint = null;
    slot.error = error;
    slot.dueReported = Infinity;
    // The others have taken in all it sent (drainFrom): nobody waits for more.
    for (const other of this.slots.values()) other.links.forget(slot.id);
    slot.service.crashed();
    slot.carried.drop();
    this.core.stopped(slot.id);
    for (const [key, e] of this.inFlightByKey) if (e.to === slot.id) this.inFlightByKey.delete(key);
    slot.pending?.resolve({ kind: 'error', message: error ?? 'crashed' });
    slot.pending = null;
  }

  /** A worker that throws is shown as a crashed node with its error; the rest carry on. */
  private async failed(slot: Slot, message: string): Promise<void> {
    const pending = slot.pending;
    slot.pending = null;
    slot.error = message;
    pending?.resolve({ kind: 'error', message });
    await this.exclusive(async () => {
      await this.drainFrom(slot.id);
      this.kill(slot, message);
    });
  }

  private call(slot: Slot, message: ToWorker): Promise<FromWorker> {
    const endpoint = slot.endpoint;
    if (!endpoint) return Promise.resolve({ kind: 'error', message: `S${slot.id} is down` });
    return new Promise((resolve) => {
      slot.pending = { resolve };
      endpoint.post(message);
    });
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.kind === 'error') {
      if (m.diskLost) slot.diskLost = m.message;
      void this.failed(slot, m.message);
      return;
    }
    const pending = slot.pending;
    slot.pending = null;
    pending?.resolve(m);
  }

  /** The next time a node has anything due: its own report, or a batch it has not had to wait for yet. */
  private dueAt(slot: Slot): number {
    return slot.links.dueBefore(slot.dueReported);
  }

  /** Takes in a report; its events from `observed` on (what came before was taken in already). */
  private absorb(slot: Slot, m: FromWorker | undefined, observed = 0): void {
    if (!m || m.kind === 'error') return;
    slot.dueReported = m.report.nextDueAt;
    slot.links.sent(m.report.batches);
    const events = m.report.telemetry;
    this.observe(slot, observed > 0 ? events.slice(observed) : events);
  }

  /** Feeds a node's events to the core, the in-flight messages and the page. */
  private observe(slot: Slot, events: readonly NodeEvent[]): void {
    for (const e of events) {
      this.core.observe(e);
      slot.service.observe(e);
      if (e.kind === 'send') this.inFlightByKey.set(envelopeKey(e.envelope), e.envelope);
      else if (e.kind === 'deliver') this.inFlightByKey.delete(envelopeKey(e.envelope));
    }
    for (const listener of this.listeners) listener(events);
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

  private diskName(id: NodeId): string {
    return `raft-playground:${this.sessionId}:S${id}`;
  }

  private slot(id: NodeId): Slot {
    const s = this.slots.get(id);
    if (!s)
      throw new RangeError(`There is no server S${id}; this cluster has S1..S${this.ids.length}.`);
    return s;
  }
}

function envelopeKey(e: Envelope): string {
  return `${e.from}.${e.incarnation}.${e.seq}>${e.to}`;
}
