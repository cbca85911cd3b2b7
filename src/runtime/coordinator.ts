import {
  isConfigCommand,
  type ClusterConfig,
  type LogEntry,
  type MembershipChange,
  type NodeId,
  type Snapshot,
} from '../raft';
import { SafetyChecker } from '../check/safety';
import type { ClusterViolation, NodeView } from '../sim/cluster';
import { applyNetworkInput, membershipChange, validateInput, type Input } from '../sim/inputs';
import { NetworkState, type Envelope, type NetworkSnapshot } from '../sim/network';
import {
  MAX_NODES,
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
  restoreServiceState,
  type ServiceState,
  type UserView,
} from '../app';
import { ClientDriver, type HistoryOp, type Op } from '../sim/clients';
import { clientFor } from '../sim/cluster';
import type { ClientRequest } from '../sim/client-protocol';
import type { Disk } from '../sim/host';
import type { Endpoint, MakeChannel, Spawn } from './endpoint';
import type {
  Expectation,
  FromWorker,
  NodeInput,
  Telemetry,
  ToWorker,
  WindowReport,
} from './protocol';

type ProposeResult = { index: number; term: number } | null;

/** An input waiting to ride in its node's next command. */
interface Carried {
  readonly input: NodeInput;
  /** Inputs are numbered in the order they applied, across nodes. */
  readonly seq: number;
  readonly resolve: (result: ProposeResult) => void;
}

/** What perform() hands back for an input that applies later, with its node's next command. */
class Later {
  constructor(readonly result: Promise<ProposeResult>) {}
}

/**
 * One direction of a link between two node incarnations, counted in batches
 * (see worker-core.ts): what the sender reported sending, what the receiver
 * has been told to wait for, and the earliest delivery in each batch after
 * that. A window needs only the batches holding something due in it.
 */
interface Channel {
  readonly from: NodeId;
  readonly fromInc: number;
  /** Batches the sender reported. */
  sent: number;
  /** Batches the receiver has been told to wait for. */
  required: number;
  /** The earliest deliverAt in each batch after `required`, in order. */
  later: number[];
}

interface Slot {
  readonly id: NodeId;
  endpoint: Endpoint | null;
  incarnation: number;
  /** The node's own next due time, as its last report gave it. */
  dueReported: number;
  /** Channels from this incarnation, by peer. */
  outbound: Map<NodeId, Channel>;
  /** Channels into this incarnation. */
  inbound: Channel[];
  /** Trace hash of each incarnation, by incarnation. */
  hashes: string[];
  pending: { resolve: (m: FromWorker) => void } | null;
  /** Inputs for this node not sent yet: they go with its next command. */
  carried: Carried[];
  /** The network snapshot its worker has now: commands leave it out while it holds. */
  network: NetworkSnapshot | null;
  /** Mirror of the node for the views. */
  view: NodeView;
  /** Mirror of the node's applied per-user state, rebuilt from its applies. */
  service: ServiceState;
  error: string | null;
  /** Why the node's disk may lack what it sent (a write failed): it is never restarted. */
  diskLost: string | null;
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
  /** Every server that exists: the first ones, then any added (§4.1), in order. Grows in place. */
  private readonly serverIds: NodeId[];
  /** The cluster's first voters; a server added later starts knowing none. */
  private readonly bootstrap: readonly NodeId[];
  readonly options: ResolvedOptions;
  private nowMs = 0;
  private readonly network: NetworkState;
  private readonly slots = new Map<NodeId, Slot>();
  /** The network's fault state as plain data, made once per change. */
  private networkCopy: NetworkSnapshot | null = null;
  private readonly inputs: Input[] = [];
  private readonly checker: SafetyChecker;
  private readonly listeners = new Set<TelemetryListener>();
  private readonly inFlightByKey = new Map<string, Envelope>();
  private queue: Promise<void> = Promise.resolve();
  /** Exclusive tasks queued or running. */
  private tasks = 0;
  /** advance() and runUntil() loops running: they carry inputs from window to window. */
  private loops = 0;
  /** Carried inputs so far, to number them. */
  private carriedSeq = 0;
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
    this.serverIds = Array.from({ length: this.options.nodes }, (_, i) => i + 1);
    this.bootstrap = this.serverIds.slice();
    this.network = new NetworkState(this.options.latencyMs);
    // As in the headless cluster: servers not yet added are down.
    for (let id = this.options.nodes + 1; id <= MAX_NODES; id++) this.network.setAlive(id, false);
    this.network.dropRate = this.options.dropRate;
    this.network.duplicateRate = this.options.duplicateRate;
    this.checker = new SafetyChecker(this.serverIds);
    // The live list: the clients pick servers among those added too, as headless.
    this.drivers = new ClientDriver(this.serverIds, this.options.latencyMs[0], (to, request, at) =>
      this.outgoing.push({ to, request, at }),
    );
    for (const id of this.serverIds) this.addSlot(id, initialDisk(this.options, id).log);
  }

  get now(): number {
    return this.nowMs;
  }

  get ids(): readonly NodeId[] {
    return this.serverIds;
  }

  private addSlot(id: NodeId, log: readonly LogEntry[]): void {
    this.slots.set(id, {
      id,
      endpoint: null,
      incarnation: 0,
      dueReported: Infinity,
      outbound: new Map(),
      inbound: [],
      hashes: [],
      pending: null,
      carried: [],
      network: null,
      error: null,
      diskLost: null,
      service: createServiceState(),
      view: {
        id,
        alive: false,
        role: 'follower',
        term: 0,
        votedFor: null,
        log,
        commitIndex: 0,
        lastApplied: 0,
        snapshotIndex: 0,
        snapshotTerm: 0,
      },
    });
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
      dropCarried(slot);
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

  /** The fraction of messages the network loses, and the fraction it delivers twice. */
  lossRates(): { readonly dropRate: number; readonly duplicateRate: number } {
    return { dropRate: this.network.dropRate, duplicateRate: this.network.duplicateRate };
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
    for (const slot of this.slots.values()) if (slot.endpoint) t = Math.min(t, this.dueAt(slot));
    return t;
  }

  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError(`advance() takes a duration of at least 0 ms; got ${ms}.`);
    const target = this.nowMs + ms;
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
    const limit = this.nowMs + maxMs;
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
        if (jump) this.nowMs = Math.max(this.nowMs, limitMs);
        return null;
      }
      // Clients act at their own instants, after the servers' events there.
      const end = singleInstant
        ? start
        : Math.min(
            start + latencyMin - 1,
            limitMs,
            this.drivers.nextDueAt(),
            this.carriedAt() + latencyMin - 1,
          );
      const runners = [...this.slots.values()].filter(
        (s) => s.endpoint && (this.dueAt(s) <= end || s.carried.length > 0),
      );
      await this.runAll(runners, end);
      this.nowMs = end;
      this.drivers.fire(end);
      this.carryClientRequests();
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

  /**
   * Starts a new server (the lowest free id) and has the leader add it: as a
   * learner first, a voter once it has caught up (dissertation §4.1).
   * Resolves with its id once the change is in the leader's log.
   */
  async addServer(): Promise<NodeId> {
    const id = Array.from({ length: MAX_NODES }, (_, i) => i + 1).find(
      (x) => !this.serverIds.includes(x),
    );
    if (id === undefined) throw new RangeError(`A cluster has at most ${MAX_NODES} servers.`);
    await this.apply({ at: this.nowMs, kind: 'addServer', id });
    return id;
  }

  /** Has the leader remove server `id`, which may be itself (§4.2.2). */
  async removeServer(id: NodeId): Promise<void> {
    await this.apply({ at: this.nowMs, kind: 'removeServer', id });
  }

  async apply(input: Input): Promise<{ index: number; term: number } | Op | null | void> {
    validateInput(this.ids, input);
    const outcome = await this.exclusive(async () => {
      const at = { ...input, at: this.nowMs } as Input;
      this.checkRestart(at);
      await this.checkMembershipChange(at);
      this.inputs.push(at);
      const result = await this.perform(at);
      this.checker.endOfInstant(this.nowMs);
      return result;
    });
    // A node's input applies with its next command: a window's, or its own
    // round trip if no window follows.
    return outcome instanceof Later ? outcome.result : outcome;
  }

  private async perform(
    input: Input,
  ): Promise<{ index: number; term: number } | Op | Later | null | void> {
    switch (input.kind) {
      case 'client': {
        const op = this.drivers.invoke(input.client, input.op, this.nowMs);
        this.carryClientRequests();
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
        return new Later(this.carry(slot, action, this.nowMs));
      }
      case 'crash': {
        await this.sendCarried();
        const slot = this.slot(input.id);
        // It stops with everything it wrote on disk, and everything it sent
        // delivered to the others (those messages are on the wire).
        const [, own] = await Promise.all([this.drainFrom(input.id), this.sync(slot, {})]);
        this.absorb(slot, own);
        this.kill(slot, null);
        return;
      }
      case 'addServer': {
        const id = input.id;
        this.serverIds.push(id);
        this.serverIds.sort((a, b) => a - b);
        this.addSlot(id, []);
        this.checker.addServer(id);
        const started = this.startNode(id);
        this.connectAll([id]);
        await started;
        return this.askLeader({ kind: 'addLearner', id });
      }
      case 'removeServer':
        // The removed server's worker runs on, as its host does headless
        // (a stopped one would differ from the headless trace): once its own
        // log leaves it out, it no longer stands for election (§4.2.2).
        return this.askLeader({ kind: 'remove', id: input.id });
      case 'restart': {
        const slot = this.slot(input.id);
        if (slot.endpoint) return;
        await this.sendCarried();
        slot.incarnation += 1;
        slot.error = null;
        this.network.setAlive(slot.id, true);
        this.networkCopy = null;
        this.checker.restart(slot.id);
        const started = this.startNode(slot.id);
        this.connectAll([slot.id]);
        await started;
        return;
      }
      default:
        applyNetworkInput(this.network, this.ids, input);
        this.networkCopy = null;
        return;
    }
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
   * Membership changes go through the leader: as the headless cluster does,
   * refuse one before logging it if the leader cannot take it now. The
   * leader's worker answers, with every input before this one applied.
   */
  private async checkMembershipChange(input: Input): Promise<void> {
    if (input.kind !== 'addServer' && input.kind !== 'removeServer') return;
    await this.sendCarried();
    const leader = this.leader();
    const change = membershipChange(input, leader);
    if (change === null || leader === null) return;
    const slot = this.slot(leader);
    const answer = await this.call(slot, { kind: 'check', change });
    if (answer.kind === 'error') throw new Error(`S${leader} failed: ${answer.message}`);
    this.absorb(slot, answer);
    if (answer.kind === 'checked' && answer.problem !== null) throw new RangeError(answer.problem);
  }

  /** Hands a membership change to the leader's next command (the leader of now, as headless). */
  private askLeader(change: MembershipChange): Later | null {
    const slot = this.slots.get(this.leader() ?? 0);
    if (!slot?.endpoint) return null;
    return new Later(this.carry(slot, { kind: 'membership', change }, this.nowMs));
  }

  /** Queues an input for `slot`'s next command; resolves with what it returned. */
  private carry(slot: Slot, action: NodeInput['action'], nowMs: number): Promise<ProposeResult> {
    return new Promise((resolve) =>
      slot.carried.push({
        input: { nowMs, network: this.networkSnapshot(), action },
        seq: this.carriedSeq++,
        resolve,
      }),
    );
  }

  /** The earliest time of any carried input, or Infinity. */
  private carriedAt(): number {
    let at = Infinity;
    for (const slot of this.carriers()) at = Math.min(at, slot.carried[0]!.input.nowMs);
    return at;
  }

  /** Live nodes with inputs waiting for their next command. */
  private carriers(): Slot[] {
    return [...this.slots.values()].filter((s) => s.endpoint && s.carried.length > 0);
  }

  /** Sends every carried input now, each node's in one command, without running time. */
  private async sendCarried(): Promise<void> {
    await this.runAll(this.carriers(), this.nowMs);
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
      const carried = slot.carried;
      slot.carried = [];
      // The worker applies the inputs, then loads the window's network.
      const inputs = carried.map((c) => this.inputFor(slot, c.input));
      const expect = this.expectation(slot, untilMs);
      const network = this.networkSnapshot();
      const command: ToWorker =
        network === slot.network
          ? { kind: 'run', untilMs, expect }
          : { kind: 'run', untilMs, expect, network: (slot.network = network) };
      const reply = this.call(slot, inputs.length > 0 ? { ...command, inputs } : command);
      return { slot, carried, reply };
    });
    const replies = await Promise.all(runs.map((r) => r.reply));
    const inputParts: { seq: number; slot: Slot; telemetry: readonly Telemetry[] }[] = [];
    runs.forEach(({ slot, carried }, k) => {
      const m = replies[k]!;
      if (m.kind !== 'done' || !m.inputEnds) return;
      carried.forEach((c, j) => {
        const from = j === 0 ? 0 : m.inputEnds![j - 1]!;
        const telemetry = m.report.telemetry.slice(from, m.inputEnds![j]);
        inputParts.push({ seq: c.seq, slot, telemetry });
      });
    });
    inputParts.sort((a, b) => a.seq - b.seq);
    for (const { slot, telemetry } of inputParts) this.observe(slot, telemetry);
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

  private networkSnapshot(): NetworkSnapshot {
    this.networkCopy ??= this.network.snapshot();
    return this.networkCopy;
  }

  // ---- threads and links

  private startNode(id: NodeId): Promise<void> {
    const slot = this.slot(id);
    slot.dueReported = Infinity;
    slot.outbound = new Map();
    slot.inbound = [];
    this.network.setAlive(id, true);
    this.networkCopy = null;
    slot.endpoint = this.spawn(id, slot.incarnation, {
      message: (m) => this.onMessage(slot, m),
      // A failure outside the node's own handling may end it with a write
      // uncommitted: its disk cannot be trusted, unless it had not started.
      error: (message) => {
        if (slot.hashes[slot.incarnation] !== undefined) slot.diskLost = message;
        void this.failed(slot, message);
      },
    });
    slot.network = this.networkSnapshot();
    const bootstrap = this.bootstrap.includes(id);
    const reply = this.call(slot, {
      kind: 'init',
      id,
      peers: bootstrap ? this.bootstrap : [],
      bootstrap,
      incarnation: slot.incarnation,
      options: this.options,
      network: slot.network,
      diskName: this.diskName(id),
      nowMs: this.nowMs,
    });
    return reply.then((m) => {
      if (m.kind === 'started') this.restored(slot, m.disk, m.config);
      this.absorb(slot, m);
    });
  }

  /** The mirror of a node that has just started: what it read from its disk. */
  private restored(slot: Slot, disk: Disk, config: ClusterConfig): void {
    const snapshot = disk.snapshot ?? null;
    slot.view = {
      ...slot.view,
      config,
      log: disk.log,
      snapshotIndex: snapshot?.index ?? 0,
      snapshotTerm: snapshot?.term ?? 0,
      lastApplied: snapshot?.index ?? 0,
    };
    slot.service = snapshot ? restoreSnapshot(slot.id, snapshot) : createServiceState();
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
        this.link(this.slot(a), this.slot(b));
        this.link(this.slot(b), this.slot(a));
      }
    }
  }

  /** Hands the requests clients made, in order, to their servers' next commands. */
  private carryClientRequests(): void {
    const batch = this.outgoing;
    this.outgoing = [];
    for (const { to, request, at } of batch) {
      const slot = this.slot(to);
      if (!slot.endpoint) continue; // a request to a crashed server is lost
      void this.carry(slot, { kind: 'client', request }, at);
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
      peers.map((s) => this.sync(s, this.expectation(s, Infinity))),
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
    for (const other of this.slots.values())
      other.inbound = other.inbound.filter((ch) => ch.from !== slot.id);
    slot.view = { ...slot.view, alive: false, role: 'follower', commitIndex: 0, lastApplied: 0 };
    slot.service = createServiceState();
    dropCarried(slot);
    this.network.setAlive(slot.id, false);
    this.networkCopy = null;
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
      if (m.diskLost) slot.diskLost = m.message;
      void this.failed(slot, m.message);
      return;
    }
    const pending = slot.pending;
    slot.pending = null;
    pending?.resolve(m);
  }

  /** A channel from `from`'s incarnation to `to`'s, as a new port pair links them. */
  private link(from: Slot, to: Slot): void {
    const ch: Channel = {
      from: from.id,
      fromInc: from.incarnation,
      sent: 0,
      required: 0,
      later: [],
    };
    from.outbound.set(to.id, ch);
    to.inbound.push(ch);
  }

  /**
   * The batches a node must have received before it runs to `untilMs`: on
   * each channel, up to the last one holding anything due by then (a port
   * delivers in order). From now on it is told to wait for them.
   */
  private expectation(slot: Slot, untilMs: number): Expectation {
    const expect: Record<NodeId, Record<number, number>> = {};
    for (const ch of slot.inbound) {
      let needed = 0;
      for (let k = 0; k < ch.later.length; k++) if (ch.later[k]! <= untilMs) needed = k + 1;
      if (needed > 0) {
        ch.required += needed;
        ch.later.splice(0, needed);
      }
      if (ch.required > 0) (expect[ch.from] ??= {})[ch.fromInc] = ch.required;
    }
    return expect;
  }

  /** The next time a node has anything due: its own report, or a batch it has not had to wait for yet. */
  private dueAt(slot: Slot): number {
    let t = slot.dueReported;
    for (const ch of slot.inbound) for (const at of ch.later) if (at < t) t = at;
    return t;
  }

  /** Takes in a report; its telemetry from `observed` on (what came before was taken in already). */
  private absorb(slot: Slot, m: FromWorker | undefined, observed = 0): void {
    if (!m || m.kind === 'error') return;
    const report: WindowReport = m.report;
    slot.dueReported = report.nextDueAt;
    slot.hashes[slot.incarnation] = report.traceHash;
    for (const key in report.batches) {
      const ch = slot.outbound.get(Number(key));
      if (!ch) continue;
      ch.sent++;
      ch.later.push(report.batches[Number(key)]!);
    }
    this.observe(slot, observed > 0 ? report.telemetry.slice(observed) : report.telemetry);
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
            ...(t.config && { config: t.config }),
          };
          this.checker.state(id, t.role, t.term, t.commitIndex, t.at, t.config?.voters);
          break;
        case 'persist': {
          const base = slot.view.snapshotIndex ?? 0;
          const log: LogEntry[] = slot.view.log.slice(0, Math.max(0, t.from - 1 - base));
          // A configuration takes effect as soon as it is appended (dissertation
          // §4.1): the page shows it now, not at the next change of role or term.
          let config = slot.view.config;
          for (const e of t.entries) {
            log.push(e);
            if (isConfigCommand(e.command))
              config = { voters: e.command.voters, learners: e.command.learners };
          }
          slot.view = { ...slot.view, log, ...(config && { config }) };
          this.checker.persist(id, t.from, t.entries, t.role, t.at);
          break;
        }
        case 'snapshot': {
          const s = t.snapshot;
          slot.view = {
            ...slot.view,
            log: slot.view.log.filter((e) => e.index > s.index),
            snapshotIndex: s.index,
            snapshotTerm: s.term,
            // Raft §7: an installed snapshot replaces the state machine.
            ...(t.install && { lastApplied: s.index }),
          };
          if (t.install) slot.service = restoreSnapshot(id, s);
          this.checker.snapshot(id, s.index, t.install, t.at);
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

/** The per-user state a snapshot holds; it came from the node, which could read it. */
function restoreSnapshot(id: NodeId, snapshot: Snapshot): ServiceState {
  const restored = restoreServiceState(snapshot.data);
  if (!restored.ok)
    throw new Error(`S${id}: a snapshot at ${snapshot.index} is unreadable: ${restored.error}`);
  return restored.state;
}

/** A node that stops takes its carried inputs with it: they resolve as if it were down. */
function dropCarried(slot: Slot): void {
  const carried = slot.carried;
  slot.carried = [];
  for (const c of carried) c.resolve(null);
}

function envelopeKey(e: Envelope): string {
  return `${e.from}.${e.incarnation}.${e.seq}>${e.to}`;
}
