import type { LogEntry, NodeId } from '../raft';
import { SafetyChecker } from '../check/safety';
import type { ClusterViolation, NodeView } from '../sim/cluster';
import { applyNetworkInput, validateInput, type Input } from '../sim/inputs';
import { NetworkState, type Envelope } from '../sim/network';
import {
  initialDisk,
  resolveOptions,
  type ClusterOptions,
  type ResolvedOptions,
} from '../sim/options';
import { combineTraceHash } from '../sim/trace';
import {
  applyCommand,
  createServiceState,
  listUsers,
  type ServiceState,
  type UserView,
} from '../app';
import { ClientDriver, type HistoryOp, type Op } from '../sim/clients';
import { clientFor } from '../sim/cluster';
import type { ClientRequest } from '../sim/client-protocol';
import type { Endpoint, MakeChannel, Spawn } from './endpoint';
import type { Expectation, FromWorker, Telemetry, ToWorker, WindowReport } from './protocol';

interface Slot {
  readonly id: NodeId;
  endpoint: Endpoint | null;
  incarnation: number;
  /** The node's own next due time, as its last report gave it. */
  dueReported: number;
  /** The earliest delivery of messages sent to it since it last ran. */
  pendingMin: number;
  /** Trace hash of each incarnation, by incarnation. */
  hashes: string[];
  pending: { resolve: (m: FromWorker) => void } | null;
  /** Mirror of the node for the views. */
  view: NodeView;
  /** Mirror of the node's applied per-user state, rebuilt from its applies. */
  service: ServiceState;
  error: string | null;
}

/** A client whose operations start once the coordinator has applied them. */
export interface AsyncClient {
  readonly name: string;
  login(password: string, options?: { via?: NodeId }): Promise<Op>;
  setState(state: string, options?: { via?: NodeId }): Promise<Op>;
  getState(user: string, options?: { stale?: boolean; via?: NodeId }): Promise<Op>;
}

/** Watches every batch of telemetry, for the page's views. */
export type TelemetryListener = (id: NodeId, telemetry: readonly Telemetry[]) => void;

/**
 * Owns virtual time and all faults for a cluster whose nodes run in their
 * own threads. It moves time in windows no longer than the minimum latency
 * (see protocol.ts), runs the due nodes of a window in parallel, and waits
 * for all of them before the next. Given the same options, seed and input
 * log it produces the same trace hash as the headless cluster.
 */
export class Coordinator {
  readonly ids: readonly NodeId[];
  readonly options: ResolvedOptions;
  private nowMs = 0;
  private readonly network: NetworkState;
  private readonly slots = new Map<NodeId, Slot>();
  /** Envelopes sent on each channel "from:fromInc>to:toInc", as the senders last reported. */
  private readonly sentOnChannel = new Map<string, number>();
  /** The incarnation of `to` that from's current port to `to` reaches, by "from>to". */
  private readonly channelTarget = new Map<string, number>();
  private readonly inputs: Input[] = [];
  private readonly checker: SafetyChecker;
  private readonly listeners = new Set<TelemetryListener>();
  private readonly inFlightByKey = new Map<string, Envelope>();
  private queue: Promise<void> = Promise.resolve();
  private readonly drivers: ClientDriver;
  /** Requests the clients made while firing, sent once firing is done. */
  private outgoing: { to: NodeId; request: ClientRequest; at: number }[] = [];
  private stopped = false;

  constructor(
    options: ClusterOptions,
    private readonly spawn: Spawn,
    private readonly makeChannel: MakeChannel,
    /** Names the disks of this page session: one database per session and node. */
    private readonly sessionId: string,
  ) {
    this.options = resolveOptions(options);
    this.ids = Array.from({ length: this.options.nodes }, (_, i) => i + 1);
    this.network = new NetworkState(this.options.latencyMs);
    this.network.dropRate = this.options.dropRate;
    this.network.duplicateRate = this.options.duplicateRate;
    this.checker = new SafetyChecker(this.ids);
    this.drivers = new ClientDriver(this.ids, this.options.latencyMs[0], (to, request, at) =>
      this.outgoing.push({ to, request, at }),
    );
    for (const id of this.ids) {
      this.slots.set(id, {
        id,
        endpoint: null,
        incarnation: 0,
        dueReported: Infinity,
        pendingMin: Infinity,
        hashes: [],
        pending: null,
        error: null,
        service: createServiceState(),
        view: {
          id,
          alive: false,
          role: 'follower',
          term: 0,
          votedFor: null,
          log: initialDisk(this.options, id).log,
          commitIndex: 0,
          lastApplied: 0,
        },
      });
    }
  }

  get now(): number {
    return this.nowMs;
  }

  /** The disk names this session uses, to delete them on reset. */
  diskNames(): string[] {
    return this.ids.map((id) => this.diskName(id));
  }

  /** Starts every node's thread and links every pair. */
  async start(): Promise<void> {
    const started = this.ids.map((id) => this.startNode(id));
    this.connectAll(this.ids);
    await Promise.all(started);
    for (const id of this.ids) this.checker.persist(id, 1, this.slot(id).view.log, 'follower', 0);
  }

  /** Terminates every thread. The coordinator cannot be used afterwards. */
  stop(): void {
    this.stopped = true;
    for (const slot of this.slots.values()) {
      slot.endpoint?.terminate();
      slot.endpoint = null;
      slot.pending?.resolve({ kind: 'error', message: 'the cluster was stopped' });
      slot.pending = null;
    }
  }

  onTelemetry(listener: TelemetryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  node(id: NodeId): NodeView & { error: string | null } {
    const slot = this.slot(id);
    return { ...slot.view, error: slot.error };
  }

  leader(): NodeId | null {
    let best: NodeId | null = null;
    let bestTerm = -1;
    for (const slot of this.slots.values()) {
      if (slot.endpoint && slot.view.role === 'leader' && slot.view.term > bestTerm) {
        best = slot.id;
        bestTerm = slot.view.term;
      }
    }
    return best;
  }

  inFlight(): Envelope[] {
    return [...this.inFlightByKey.values()];
  }

  isLinkUp(from: NodeId, to: NodeId): boolean {
    return this.network.isUp(from, to);
  }

  violations(): readonly ClusterViolation[] {
    return this.checker
      .violations()
      .map((v) => ({ ...v, detail: `${v.detail} (at ${v.at} ms, seed ${this.options.seed})` }));
  }

  inputLog(): readonly Input[] {
    return this.inputs;
  }

  traceHash(): string {
    return combineTraceHash(
      this.inputs,
      this.ids.map((id) => this.slot(id).hashes),
    );
  }

  /** The next instant at which anything is due, or Infinity. */
  nextEventAt(): number {
    let t = this.drivers.nextDueAt();
    for (const slot of this.slots.values())
      if (slot.endpoint) t = Math.min(t, slot.dueReported, slot.pendingMin);
    return t;
  }

  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError(`advance() takes a duration of at least 0 ms; got ${ms}.`);
    const target = this.nowMs + ms;
    while ((await this.runWindow(target, false)) !== null);
    this.nowMs = Math.max(this.nowMs, target);
  }

  /** Runs windows until `predicate` holds after one, or `maxMs` pass. */
  async runUntil(predicate: () => boolean, maxMs: number): Promise<boolean> {
    const limit = this.nowMs + maxMs;
    if (predicate()) return true;
    while ((await this.runWindow(limit, false)) !== null) if (predicate()) return true;
    this.nowMs = limit;
    return false;
  }

  /** Runs exactly the next instant at which anything is due; returns it, or null if none by `limitMs`. */
  stepToNextEvent(limitMs = Infinity): Promise<number | null> {
    return this.runWindow(limitMs, true);
  }

  /**
   * Runs one window: from the next due instant, for at most the minimum
   * latency (or one instant), never past `limitMs`.
   */
  async runWindow(limitMs: number, singleInstant: boolean): Promise<number | null> {
    return this.exclusive(async () => {
      const start = this.nextEventAt();
      if (start > limitMs || start === Infinity || this.stopped) return null;
      // Clients act at their own instants, after the servers' events there.
      const end = singleInstant
        ? start
        : Math.min(start + this.options.latencyMs[0] - 1, limitMs, this.drivers.nextDueAt());
      const runners = [...this.slots.values()].filter(
        (s) => s.endpoint && Math.min(s.dueReported, s.pendingMin) <= end,
      );
      for (const s of runners) s.pendingMin = Infinity;
      const network = this.network.snapshot();
      const replies = await Promise.all(
        runners.map((s) =>
          this.call(s, { kind: 'run', untilMs: end, expect: this.expectation(s), network }),
        ),
      );
      runners.forEach((s, k) => this.absorb(s, replies[k]));
      this.nowMs = end;
      this.drivers.fire(end);
      await this.sendClientRequests();
      this.checker.endOfInstant(end);
      return end;
    });
  }

  /** A client of the per-user service; its name is its user. */
  client(name: string): AsyncClient {
    return clientFor(
      name,
      (op) => this.apply({ at: this.nowMs, kind: 'client', client: name, op }) as Promise<Op>,
    );
  }

  history(): readonly HistoryOp[] {
    return this.drivers.history();
  }

  /** The per-user state a live node has applied (empty for a crashed one). */
  users(id: NodeId): UserView[] {
    return listUsers(this.slot(id).service);
  }

  // ---- inputs: each is validated, recorded with the current time, then applied

  async propose(id: NodeId, command: unknown): Promise<{ index: number; term: number } | null> {
    return (
      ((await this.apply({ at: this.nowMs, kind: 'propose', id, command })) as {
        index: number;
        term: number;
      } | null) ?? null
    );
  }
  async timeoutNow(id: NodeId): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'timeoutNow', id });
  }
  async transferLeadership(id: NodeId, target: NodeId): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'transferLeadership', id, target });
  }
  async crash(id: NodeId): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'crash', id });
  }
  async restart(id: NodeId): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'restart', id });
  }
  async partition(groups: readonly (readonly NodeId[])[]): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'partition', groups });
  }
  async heal(): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'heal' });
  }
  async setLink(from: NodeId, to: NodeId, up: boolean): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'setLink', from, to, up });
  }
  async setDropRate(rate: number): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'setDropRate', rate });
  }
  async setDuplicateRate(rate: number): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'setDuplicateRate', rate });
  }

  async apply(input: Input): Promise<{ index: number; term: number } | Op | null | void> {
    validateInput(this.ids, input);
    if (input.kind === 'addServer' || input.kind === 'removeServer') {
      throw new RangeError('Adding and removing servers runs in the headless simulator only, for now.');
    }
    return this.exclusive(async () => {
      const at = { ...input, at: this.nowMs } as Input;
      this.inputs.push(at);
      const result = await this.perform(at);
      this.checker.endOfInstant(this.nowMs);
      return result;
    });
  }

  private async perform(input: Input): Promise<{ index: number; term: number } | Op | null | void> {
    switch (input.kind) {
      case 'client': {
        const op = this.drivers.invoke(input.client, input.op, this.nowMs);
        await this.sendClientRequests();
        return op;
      }
      case 'propose':
      case 'timeoutNow':
      case 'transferLeadership': {
        const slot = this.slot(input.id);
        if (!slot.endpoint) return null;
        const action =
          input.kind === 'propose'
            ? { kind: 'propose' as const, command: input.command }
            : input.kind === 'transferLeadership'
              ? { kind: 'transferLeadership' as const, target: input.target }
              : { kind: 'timeoutNow' as const };
        const reply = await this.call(slot, {
          kind: 'input',
          nowMs: this.nowMs,
          action,
          expect: this.expectation(slot),
          network: this.network.snapshot(),
        });
        this.absorb(slot, reply);
        return reply.kind === 'done' ? (reply.result ?? null) : null;
      }
      case 'crash':
        await this.drainFrom(input.id);
        this.kill(this.slot(input.id), null);
        return;
      case 'restart': {
        const slot = this.slot(input.id);
        if (slot.endpoint) return;
        slot.incarnation += 1;
        slot.error = null;
        this.network.setAlive(slot.id, true);
        this.checker.restart(slot.id);
        const started = this.startNode(slot.id);
        this.connectAll([slot.id]);
        await started;
        return;
      }
      default:
        applyNetworkInput(this.network, this.ids, input);
        return;
    }
  }

  // ---- threads and links

  private startNode(id: NodeId): Promise<void> {
    const slot = this.slot(id);
    slot.dueReported = Infinity;
    slot.pendingMin = Infinity;
    this.network.setAlive(id, true);
    slot.endpoint = this.spawn(id, slot.incarnation, {
      message: (m) => this.onMessage(slot, m),
      error: (message) => void this.failed(slot, message),
    });
    const reply = this.call(slot, {
      kind: 'init',
      id,
      peers: this.ids,
      incarnation: slot.incarnation,
      options: this.options,
      network: this.network.snapshot(),
      diskName: this.diskName(id),
      nowMs: this.nowMs,
    });
    return reply.then((m) => this.absorb(slot, m));
  }

  /** Gives each of `fresh` a new channel to every other live node. */
  private connectAll(fresh: readonly NodeId[]): void {
    const done = new Set<string>();
    for (const a of fresh) {
      for (const b of this.ids) {
        const key = a < b ? `${a}-${b}` : `${b}-${a}`;
        if (a === b || done.has(key) || !this.slot(b).endpoint) continue;
        done.add(key);
        const { port1, port2 } = this.makeChannel();
        this.slot(a).endpoint?.post({ kind: 'connect', peer: b, port: port1 }, [port1]);
        this.slot(b).endpoint?.post({ kind: 'connect', peer: a, port: port2 }, [port2]);
        this.channelTarget.set(`${a}>${b}`, this.slot(b).incarnation);
        this.channelTarget.set(`${b}>${a}`, this.slot(a).incarnation);
      }
    }
  }

  /** Delivers the requests clients made, in order, each to its server's thread. */
  private async sendClientRequests(): Promise<void> {
    while (this.outgoing.length > 0) {
      const batch = this.outgoing;
      this.outgoing = [];
      for (const { to, request, at } of batch) {
        const slot = this.slot(to);
        if (!slot.endpoint) continue; // a request to a crashed server is lost
        const reply = await this.call(slot, {
          kind: 'input',
          nowMs: at,
          action: { kind: 'client', request },
          expect: this.expectation(slot),
          network: this.network.snapshot(),
        });
        this.absorb(slot, reply);
      }
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
      peers.map((s) => this.call(s, { kind: 'sync', expect: this.expectation(s) })),
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
    slot.pendingMin = Infinity;
    slot.view = { ...slot.view, alive: false, role: 'follower', commitIndex: 0, lastApplied: 0 };
    slot.service = createServiceState();
    this.network.setAlive(slot.id, false);
    this.checker.crash(slot.id);
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
      void this.failed(slot, m.message);
      return;
    }
    const pending = slot.pending;
    slot.pending = null;
    pending?.resolve(m);
  }

  /** What a node must have received before it runs: every envelope sent to its incarnation so far. */
  private expectation(slot: Slot): Expectation {
    const expect: Record<NodeId, Record<number, number>> = {};
    const suffix = `>${slot.id}:${slot.incarnation}`;
    for (const [key, count] of this.sentOnChannel) {
      if (!key.endsWith(suffix) || count === 0) continue;
      const [from, fromInc] = key.slice(0, key.indexOf('>')).split(':').map(Number) as [
        number,
        number,
      ];
      (expect[from] ??= {})[fromInc] = count;
    }
    return expect;
  }

  private absorb(slot: Slot, m: FromWorker | undefined): void {
    if (!m || m.kind === 'error') return;
    const report: WindowReport = m.report;
    slot.dueReported = report.nextDueAt;
    slot.hashes[slot.incarnation] = report.traceHash;
    for (const [to, total] of Object.entries(report.sentTotal)) {
      const toInc = this.channelTarget.get(`${slot.id}>${to}`) ?? 0;
      this.sentOnChannel.set(`${slot.id}:${slot.incarnation}>${to}:${toInc}`, total);
    }
    for (const [to, at] of Object.entries(report.earliestSent)) {
      const target = this.slot(Number(to));
      target.pendingMin = Math.min(target.pendingMin, at);
    }
    this.observe(slot, report.telemetry);
  }

  /** Updates the mirror and the safety checker from a node's telemetry. */
  private observe(slot: Slot, telemetry: readonly Telemetry[]): void {
    const id = slot.id;
    for (const t of telemetry) {
      switch (t.k) {
        case 'send':
          this.inFlightByKey.set(envelopeKey(t.e), t.e);
          break;
        case 'deliver':
          this.inFlightByKey.delete(envelopeKey(t.e));
          break;
        case 'drop':
          break;
        case 'state':
          slot.view = {
            ...slot.view,
            alive: true,
            role: t.role,
            term: t.term,
            votedFor: t.votedFor,
            commitIndex: t.commitIndex,
          };
          this.checker.state(id, t.role, t.term, t.commitIndex, t.at);
          break;
        case 'persist': {
          const log: LogEntry[] = slot.view.log.slice(0, t.from - 1);
          for (const e of t.entries) log.push(e);
          slot.view = { ...slot.view, log };
          this.checker.persist(id, t.from, t.entries, t.role, t.at);
          break;
        }
        case 'apply':
          slot.view = { ...slot.view, lastApplied: t.entry.index };
          this.checker.apply(id, t.entry, t.at);
          if (t.result) applyCommand(slot.service, t.entry.command, t.entry.index);
          break;
        case 'reply':
          this.drivers.onReply(t.reply, t.at);
          break;
        case 'request':
          break;
      }
    }
    for (const listener of this.listeners) listener(id, telemetry);
  }

  /**
   * Windows and inputs never overlap: the coordinator does one thing at a
   * time, in the order asked. An input asked for during a window applies
   * when the window ends, at the time it ends.
   */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
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
