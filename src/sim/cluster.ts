import {
  listUsers,
  passwordHash,
  passwordProblem,
  ProblemError,
  type ServiceResponse,
  type UserView,
} from '../app';
import type { ClientReply, ClientRequest } from './client-protocol';
import { ClientDriver, type ClientOpInput, type HistoryOp, type Op } from './clients';
import type {
  ClusterConfig,
  LogEntry,
  MembershipChange,
  Message,
  NodeId,
  Role,
  Snapshot,
} from '../raft';
import { Hash64 } from '../check/hash';
import { SafetyChecker, type Violation } from '../check/safety';
import { NodeHost, type Disk, type HostObserver, type SoftState } from './host';
import {
  applyNetworkInput,
  membershipChange,
  validateInput,
  type Input,
  type InputAction,
} from './inputs';
import { NetworkState, type DropReason, type Envelope } from './network';
import {
  MAX_NODES,
  clockRate,
  raftTiming,
  resolveOptions,
  initialDisk,
  type ClusterOptions,
  type ResolvedOptions,
} from './options';
import { TraceRing, combineTraceHash, formatTraceEvent, type TraceEvent } from './trace';

export interface NodeView {
  id: NodeId;
  alive: boolean;
  role: Role;
  term: number;
  votedFor: NodeId | null;
  /** The entries after the snapshot: log[k] has index snapshotIndex + k + 1. */
  log: readonly LogEntry[];
  commitIndex: number;
  lastApplied: number;
  /** The last index a snapshot stands for (Raft §7), 0 when none; and its term. */
  snapshotIndex?: number;
  snapshotTerm?: number;
  /** The configuration this node's log puts in effect (dissertation §4.1). */
  config?: ClusterConfig;
}

export interface Stats {
  sent: number;
  delivered: number;
  dropped: number;
  /** Log entries carried by AppendEntries sent. */
  entriesSent: number;
  /** Messages sent, by name. */
  byType: Readonly<Record<string, number>>;
}

export interface ClusterViolation {
  property: string;
  at: number;
  detail: string;
  nodes: readonly NodeId[];
  index?: number;
}

/** A client of the per-user service (issue "Per-user state", §3); its name is its user. */
export interface Client {
  readonly name: string;
  login(password: string, options?: { via?: NodeId }): Op;
  setState(state: string, options?: { via?: NodeId }): Op;
  /** `via`: ask this server first (a stale read is answered by whichever server it reaches). */
  getState(user: string, options?: { stale?: boolean; via?: NodeId }): Op;
}

/** Makes the client API over `invoke`, checking the password here so it never reaches the log. */
export function clientFor<R>(
  name: string,
  invoke: (op: ClientOpInput) => R,
): {
  readonly name: string;
  login(password: string, options?: { via?: NodeId }): R;
  setState(state: string, options?: { via?: NodeId }): R;
  getState(user: string, options?: { stale?: boolean; via?: NodeId }): R;
} {
  const via = (options?: { via?: NodeId }) =>
    options?.via === undefined ? {} : { via: options.via };
  return {
    name,
    login: (password, options) => {
      const problem = passwordProblem(password);
      if (problem) throw new ProblemError(problem);
      return invoke({ kind: 'login', passwordHash: passwordHash(name, password), ...via(options) });
    },
    setState: (state, options) => invoke({ kind: 'setState', state, ...via(options) }),
    getState: (user, options) =>
      invoke({ kind: 'getState', user, stale: options?.stale ?? false, ...via(options) }),
  };
}

export interface Cluster {
  readonly now: number;
  readonly ids: readonly NodeId[];
  readonly options: ResolvedOptions;
  node(id: NodeId): NodeView;
  leader(): NodeId | null;
  advance(ms: number): void;
  runUntil(predicate: () => boolean, maxMs: number): boolean;
  /** Runs the next instant at which anything is due, up to `limitMs`; returns its time or null. */
  stepToNextEvent(limitMs?: number): number | null;
  propose(id: NodeId, command: unknown): { index: number; term: number } | null;
  crash(id: NodeId): void;
  restart(id: NodeId): void;
  timeoutNow(id: NodeId): void;
  /**
   * Starts a new server (the lowest free id) and has the leader add it: as a
   * learner first, a voter once it has caught up (dissertation §4.1). Returns its id.
   */
  addServer(): NodeId;
  /** Has the leader remove server `id`, which may be itself (§4.2.2). */
  removeServer(id: NodeId): void;
  /** Asks the leader `id` to hand leadership to `target` (§3.10); ignored if `id` does not lead. */
  transferLeadership(id: NodeId, target: NodeId): void;
  partition(groups: readonly (readonly NodeId[])[]): void;
  heal(): void;
  setLink(from: NodeId, to: NodeId, up: boolean): void;
  isLinkUp(from: NodeId, to: NodeId): boolean;
  setDropRate(rate: number): void;
  setDuplicateRate(rate: number): void;
  stats(): Stats;
  violations(): readonly ClusterViolation[];
  traceHash(): string;
  /** Recent trace events, oldest first, one line each in the fixed format. */
  traceLines(): string[];
  recentEvents(): TraceEvent[];
  /** Every input so far, in order, to replay the run. */
  inputLog(): readonly Input[];
  /**
   * Applies one input, stamped with the current instant (`at` must equal
   * `now`), and records it: what the named methods above do, for an input
   * held as data (a lesson's scripted step, a replayed log).
   */
  apply(input: Input): { index: number; term: number } | Op | null | void;
  /** Messages on the wire now. */
  inFlight(): Envelope[];
  /** A leader's view of a follower, or undefined. */
  progress(leader: NodeId, follower: NodeId): { nextIndex: number; matchIndex: number } | undefined;
  /** The client named `name` (made on first use). */
  client(name: string): Client;
  /** Every client operation so far, invoke and completion, for the linearizability checker. */
  history(): readonly HistoryOp[];
  /** The per-user state a live node has applied (empty for a crashed one). */
  users(id: NodeId): UserView[];
}

/** Extra knobs of the headless cluster beyond the options of a run. */
export interface ClusterHooks {
  /** Watches every node event (the page's telemetry, the app's clients). */
  observer?: HostObserver;
  /** How many recent trace events to keep; 0 keeps none (benchmarks). */
  recentEvents?: number;
}

/** The clients (and users) the `load` option writes as: load1, load2, ... */
export const LOAD_CLIENT = 'load';
const LOAD_CLIENTS = 10;

export function createCluster(options: ClusterOptions, hooks: ClusterHooks = {}): Cluster {
  return new HeadlessCluster(options, hooks);
}

/** Replays an input log from the start: the determinism contract's other half. */
export function replay(
  options: ClusterOptions,
  inputs: readonly Input[],
  untilMs?: number,
  hooks: ClusterHooks = {},
): Cluster {
  const cluster = new HeadlessCluster(options, hooks);
  for (const input of inputs) {
    if (untilMs !== undefined && input.at > untilMs) break;
    cluster.advance(input.at - cluster.now);
    cluster.apply(input);
  }
  if (untilMs !== undefined && untilMs > cluster.now) cluster.advance(untilMs - cluster.now);
  return cluster;
}

class HeadlessCluster implements Cluster {
  /** Every server that exists: the initial ones, then any added (§4.1). Grows in place. */
  private readonly serverIds: NodeId[];
  /** The cluster's bootstrap voters; a server added later starts knowing none. */
  private readonly bootstrap: readonly NodeId[];
  readonly options: ResolvedOptions;
  private nowMs = 0;
  private readonly network: NetworkState;
  private readonly hosts = new Map<NodeId, NodeHost>();
  private readonly disks = new Map<NodeId, Disk>();
  private readonly incarnations = new Map<NodeId, number>();
  /** Trace hashes of the node incarnations that have ended, per node. */
  private readonly endedHashes = new Map<NodeId, string[]>();
  private readonly liveHashes = new Map<NodeId, Hash64>();
  private readonly inputs: Input[] = [];
  private readonly checker: SafetyChecker;
  private readonly ring: TraceRing | null;
  private readonly observer: HostObserver;
  private readonly hooks: ClusterHooks;
  private readonly counts = { sent: 0, delivered: 0, dropped: 0, entriesSent: 0 };
  private readonly byType: Record<string, number> = {};
  private readonly drivers: ClientDriver;
  private nextLoadAtMs: number;
  private readonly loadOps: Op[] = [];
  private loadTicks = 0;

  constructor(options: ClusterOptions, hooks: ClusterHooks) {
    this.options = resolveOptions(options);
    this.hooks = hooks;
    const o = this.options;
    this.serverIds = Array.from({ length: o.nodes }, (_, i) => i + 1);
    this.bootstrap = this.serverIds.slice();
    this.network = new NetworkState(o.latencyMs);
    // Servers not yet added are down: what is sent to them is lost.
    for (let id = o.nodes + 1; id <= MAX_NODES; id++) this.network.setAlive(id, false);
    this.network.dropRate = o.dropRate;
    this.network.duplicateRate = o.duplicateRate;
    this.checker = new SafetyChecker(this.ids);
    const ringSize = hooks.recentEvents ?? undefined;
    this.ring = ringSize === 0 ? null : new TraceRing(ringSize);
    this.observer = this.makeObserver(hooks.observer);
    this.nextLoadAtMs = o.load.writesPerS > 0 ? 0 : Infinity;
    this.drivers = new ClientDriver(this.ids, o.latencyMs[0], (to, request, at) => {
      const host = this.hosts.get(to);
      if (!host) return; // a request to a crashed server is lost
      host.clientRequest(request, at);
      this.route(host.takeOut());
    });
    for (const id of this.ids) {
      const disk = initialDisk(o, id);
      this.disks.set(id, disk);
      this.checker.persist(id, 1, disk.log, 'follower', 0);
      this.checker.state(id, 'follower', disk.hardState.currentTerm, 0, 0);
      this.endedHashes.set(id, []);
      this.incarnations.set(id, 0);
      this.startHost(id);
    }
  }

  get now(): number {
    return this.nowMs;
  }

  get ids(): readonly NodeId[] {
    return this.serverIds;
  }

  node(id: NodeId): NodeView {
    const disk = this.disk(id);
    const host = this.hosts.get(id);
    if (!host) {
      return {
        id,
        alive: false,
        role: 'follower',
        term: disk.hardState.currentTerm,
        votedFor: disk.hardState.votedFor,
        log: disk.log.slice(),
        commitIndex: 0,
        lastApplied: 0,
        snapshotIndex: disk.snapshot?.index ?? 0,
        snapshotTerm: disk.snapshot?.term ?? 0,
      };
    }
    const n = host.node;
    return {
      id,
      alive: true,
      role: n.role,
      term: n.currentTerm,
      votedFor: n.votedFor,
      log: n.log.all(),
      commitIndex: n.commitIndex,
      lastApplied: n.lastApplied,
      snapshotIndex: n.log.snapshotIndex,
      snapshotTerm: n.log.snapshotTerm,
      config: n.clusterConfig,
    };
  }

  leader(): NodeId | null {
    let best: NodeId | null = null;
    let bestTerm = -1;
    for (const [id, host] of this.hosts) {
      if (host.node.role === 'leader' && host.node.currentTerm > bestTerm) {
        best = id;
        bestTerm = host.node.currentTerm;
      }
    }
    return best;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance() takes a duration of at least 0 ms; got ${ms}.`);
    const target = this.nowMs + ms;
    while (this.stepToNextEvent(target) !== null);
    this.nowMs = target;
  }

  runUntil(predicate: () => boolean, maxMs: number): boolean {
    const limit = this.nowMs + maxMs;
    if (predicate()) return true;
    while (this.stepToNextEvent(limit) !== null) if (predicate()) return true;
    this.nowMs = limit;
    return false;
  }

  stepToNextEvent(limitMs = Infinity): number | null {
    let t = Math.min(this.drivers.nextDueAt(), this.nextLoadAtMs);
    for (const host of this.hosts.values()) t = Math.min(t, host.nextDueAt());
    if (t > limitMs || t === Infinity) return null;
    this.nowMs = t;
    const out: Envelope[] = [];
    for (const id of this.ids) {
      const host = this.hosts.get(id);
      if (host && host.nextDueAt() <= t) for (const e of host.runInstant(t)) out.push(e);
    }
    this.route(out);
    // Clients act after the servers' events of the instant, as inputs do.
    this.drivers.fire(t);
    if (t >= this.nextLoadAtMs) this.steadyLoad(t);
    this.checker.endOfInstant(t);
    return t;
  }

  /**
   * The steady load of the `load` option: LOAD_CLIENTS clients writing in
   * turn at a fixed total rate, part of the run itself (not of its input
   * log), so a long run's memory does not grow with it. When the client
   * whose turn it is still waits for an answer, the tick is skipped.
   */
  private steadyLoad(t: number): void {
    const rate = this.options.load.writesPerS;
    this.nextLoadAtMs = t + Math.max(1, Math.round(1000 / rate));
    const k = this.loadTicks++ % LOAD_CLIENTS;
    const name = `${LOAD_CLIENT}${k + 1}`;
    const last = this.loadOps[k];
    if (last && !last.done) return;
    this.loadOps[k] = last
      ? this.drivers.invoke(name, { kind: 'setState', state: `w${this.loadTicks}` }, t)
      : this.drivers.invoke(name, { kind: 'login', passwordHash: passwordHash(name, name) }, t);
  }

  client(name: string): Client {
    return clientFor(
      name,
      (op) => this.apply({ at: this.nowMs, kind: 'client', client: name, op }) as Op,
    );
  }

  history(): readonly HistoryOp[] {
    return this.drivers.history();
  }

  users(id: NodeId): UserView[] {
    const host = this.hosts.get(id);
    return host ? listUsers(host.service) : [];
  }

  propose(id: NodeId, command: unknown): { index: number; term: number } | null {
    return (
      (this.apply({ at: this.nowMs, kind: 'propose', id, command }) as {
        index: number;
        term: number;
      } | null) ?? null
    );
  }
  crash(id: NodeId): void {
    this.apply({ at: this.nowMs, kind: 'crash', id });
  }
  restart(id: NodeId): void {
    this.apply({ at: this.nowMs, kind: 'restart', id });
  }
  timeoutNow(id: NodeId): void {
    this.apply({ at: this.nowMs, kind: 'timeoutNow', id });
  }
  transferLeadership(id: NodeId, target: NodeId): void {
    this.apply({ at: this.nowMs, kind: 'transferLeadership', id, target });
  }
  partition(groups: readonly (readonly NodeId[])[]): void {
    this.apply({ at: this.nowMs, kind: 'partition', groups });
  }
  heal(): void {
    this.apply({ at: this.nowMs, kind: 'heal' });
  }
  setLink(from: NodeId, to: NodeId, up: boolean): void {
    this.apply({ at: this.nowMs, kind: 'setLink', from, to, up });
  }
  isLinkUp(from: NodeId, to: NodeId): boolean {
    return this.network.isUp(from, to);
  }
  setDropRate(rate: number): void {
    this.apply({ at: this.nowMs, kind: 'setDropRate', rate });
  }
  setDuplicateRate(rate: number): void {
    this.apply({ at: this.nowMs, kind: 'setDuplicateRate', rate });
  }

  /** Applies one input at the current instant and records it. Validation errors change nothing. */
  apply(input: Input): { index: number; term: number } | Op | null | void {
    if (input.at !== this.nowMs)
      throw new Error(`input for ${input.at} ms applied at ${this.nowMs} ms`);
    validateInput(this.ids, input);
    this.checkMembershipChange(input);
    this.inputs.push(input);
    this.ring?.push({ kind: 'input', input });
    const result = this.perform(input);
    this.checker.endOfInstant(this.nowMs);
    return result;
  }

  stats(): Stats {
    return { ...this.counts, byType: { ...this.byType } };
  }

  violations(): readonly ClusterViolation[] {
    return this.checker.violations().map((v: Violation) => ({
      ...v,
      detail: `${v.detail} (at ${v.at} ms, seed ${this.options.seed})`,
    }));
  }

  traceHash(): string {
    return combineTraceHash(
      this.inputs,
      this.ids.map((id) => {
        const live = this.liveHashes.get(id);
        return [...(this.endedHashes.get(id) ?? []), ...(live ? [live.hex()] : [])];
      }),
    );
  }

  traceLines(): string[] {
    return this.recentEvents().map(formatTraceEvent);
  }

  recentEvents(): TraceEvent[] {
    return this.ring?.recent() ?? [];
  }

  inputLog(): readonly Input[] {
    return this.inputs;
  }

  inFlight(): Envelope[] {
    const all: Envelope[] = [];
    for (const host of this.hosts.values()) all.push(...host.inFlight());
    return all;
  }

  progress(
    leader: NodeId,
    follower: NodeId,
  ): { nextIndex: number; matchIndex: number } | undefined {
    return this.hosts.get(leader)?.node.progress(follower);
  }

  // ---- internals

  private perform(input: Input): { index: number; term: number } | Op | null | void {
    const t = this.nowMs;
    switch (input.kind) {
      case 'client':
        return this.drivers.invoke(input.client, input.op, t);
      case 'propose': {
        const host = this.hosts.get(input.id);
        if (!host) return null;
        const at = host.propose(input.command, t);
        this.route(host.takeOut());
        return at;
      }
      case 'timeoutNow': {
        const host = this.hosts.get(input.id);
        if (!host) return;
        host.timeoutNow(t);
        this.route(host.takeOut());
        return;
      }
      case 'transferLeadership': {
        const host = this.hosts.get(input.id);
        if (!host) return;
        host.transferLeadership(input.target, t);
        this.route(host.takeOut());
        return;
      }
      case 'crash': {
        const host = this.hosts.get(input.id);
        if (!host) return;
        host.crash(t);
        this.hosts.delete(input.id);
        this.network.setAlive(input.id, false);
        this.checker.crash(input.id);
        const live = this.liveHashes.get(input.id);
        if (live) this.endedHashes.get(input.id)?.push(live.hex());
        this.liveHashes.delete(input.id);
        return;
      }
      case 'restart': {
        if (this.hosts.has(input.id)) return;
        this.incarnations.set(input.id, (this.incarnations.get(input.id) ?? 0) + 1);
        this.network.setAlive(input.id, true);
        this.checker.restart(input.id);
        this.startHost(input.id);
        return;
      }
      case 'addServer': {
        const id = input.id;
        this.serverIds.push(id);
        this.serverIds.sort((a, b) => a - b);
        this.disks.set(id, { hardState: { currentTerm: 0, votedFor: null }, log: [] });
        this.endedHashes.set(id, []);
        this.incarnations.set(id, 0);
        this.network.setAlive(id, true);
        this.checker.addServer(id);
        this.startHost(id);
        return this.askLeader({ kind: 'addLearner', id });
      }
      case 'removeServer':
        return this.askLeader({ kind: 'remove', id: input.id });
      default:
        applyNetworkInput(this.network, this.ids, input);
        return;
    }
  }

  private startHost(id: NodeId): void {
    const o = this.options;
    const hash = new Hash64(id);
    this.liveHashes.set(id, hash);
    const host = new NodeHost(
      {
        id,
        peers: this.bootstrap.includes(id) ? this.bootstrap : [],
        seed: o.seed,
        incarnation: this.incarnations.get(id) ?? 0,
        raft: raftTiming(o),
        clockRate: clockRate(o, id),
        snapshotEvery: o.snapshotEvery,
        network: this.network,
        observer: this.observer,
      },
      this.disk(id),
      this.nowMs,
      hash,
    );
    this.hosts.set(id, host);
  }

  /** Membership changes go through the leader: refuse before logging if it cannot take one now. */
  private checkMembershipChange(input: Input): void {
    const leader = this.leader();
    const change = membershipChange(input, leader);
    if (change === null) return;
    const next = this.hosts.get(leader ?? 0)?.node.nextConfig(change);
    if (typeof next === 'string') throw new RangeError(next);
  }

  private askLeader(change: MembershipChange): { index: number; term: number } | null {
    const host = this.hosts.get(this.leader() ?? 0);
    if (!host) return null;
    const result = host.changeMembership(change, this.nowMs);
    this.route(host.takeOut());
    return typeof result === 'string' ? null : result;
  }

  addServer(): NodeId {
    const id = Array.from({ length: MAX_NODES }, (_, i) => i + 1).find(
      (x) => !this.serverIds.includes(x),
    );
    if (id === undefined) throw new RangeError(`A cluster has at most ${MAX_NODES} servers.`);
    this.apply({ at: this.nowMs, kind: 'addServer', id });
    return id;
  }

  removeServer(id: NodeId): void {
    this.apply({ at: this.nowMs, kind: 'removeServer', id });
  }

  private route(out: readonly Envelope[]): void {
    for (const e of out) {
      const to = this.hosts.get(e.to);
      if (to) to.receive(e);
    }
  }

  private disk(id: NodeId): Disk {
    const d = this.disks.get(id);
    if (!d)
      throw new RangeError(`There is no server S${id}; this cluster has S1..S${this.ids.length}.`);
    return d;
  }

  private makeObserver(outer: HostObserver | undefined): HostObserver {
    const ring = this.ring;
    const counts = this.counts;
    const byType = this.byType;
    const checker = this.checker;
    const countSent = (m: Message): void => {
      counts.sent++;
      byType[m.type] = (byType[m.type] ?? 0) + 1;
      if (m.type === 'AppendEntries') counts.entriesSent += m.entries.length;
    };
    return {
      send: (envelope: Envelope) => {
        if (!envelope.duplicate) countSent(envelope.message);
        ring?.push({ kind: 'send', envelope });
        outer?.send?.(envelope);
      },
      drop: (message: Message, reason: DropReason | 'crash', atSender: boolean, at: number) => {
        counts.dropped++;
        if (atSender) countSent(message);
        ring?.push({ kind: 'drop', at, from: message.from, to: message.to, message, reason });
        outer?.drop?.(message, reason, atSender, at);
      },
      deliver: (envelope: Envelope, at: number) => {
        counts.delivered++;
        ring?.push({ kind: 'deliver', at, envelope });
        outer?.deliver?.(envelope, at);
      },
      state: (id: NodeId, state: SoftState, at: number) => {
        checker.state(
          id,
          state.role,
          state.term,
          state.commitIndex,
          at,
          this.hosts.get(id)?.node.clusterConfig.voters,
        );
        ring?.push({ kind: 'state', at, id, state });
        outer?.state?.(id, state, at);
      },
      snapshot: (id: NodeId, snapshot: Snapshot, install: boolean, at: number) => {
        checker.snapshot(id, snapshot.index, install, at);
        outer?.snapshot?.(id, snapshot, install, at);
      },
      persist: (id: NodeId, from: number, entries: readonly LogEntry[], role: Role, at: number) => {
        checker.persist(id, from, entries, role, at);
        ring?.push({
          kind: 'persist',
          at,
          id,
          from,
          count: entries.length,
          lastTerm: entries.at(-1)?.term ?? 0,
        });
        outer?.persist?.(id, from, entries, role, at);
      },
      reply: (id: NodeId, reply: ClientReply, at: number) => {
        this.drivers.onReply(reply, at);
        outer?.reply?.(id, reply, at);
      },
      request: (id: NodeId, request: ClientRequest, at: number) =>
        outer?.request?.(id, request, at),
      apply: (id: NodeId, entry: LogEntry, result: ServiceResponse | null, at: number) => {
        checker.apply(id, entry, at);
        ring?.push({ kind: 'apply', at, id, entry });
        outer?.apply?.(id, entry, result, at);
      },
    };
  }
}

export type { InputAction };

/**
 * The term of the entry at `index` in a node's view: undefined if the node
 * holds no such entry, null if a snapshot stands for it (it is committed).
 */
export function termAt(n: NodeView, index: number): number | null | undefined {
  const base = n.snapshotIndex ?? 0;
  if (index === base && base > 0) return n.snapshotTerm ?? null;
  if (index < base) return null;
  return n.log[index - base - 1]?.term;
}

/** The index of the last entry a node holds, counting what its snapshot stands for. */
export function lastIndexOf(n: NodeView): number {
  return (n.snapshotIndex ?? 0) + n.log.length;
}
