import { listUsers, type UserView } from '../app';
import type { NodeId } from '../raft';
import type { HistoryOp, Op } from './clients';
import {
  ClusterCore,
  clientFor,
  type Client,
  type ClusterViolation,
  type NodeRunner,
  type Stats,
} from './core';
import type { NodeEvent } from './events';
import { NodeHost, type Disk, type NodeAction } from './host';
import type { Input, InputAction } from './inputs';
import type { NodeView } from './mirror';
import type { Envelope } from './network';
import { hostConfig, initialDisk, type ClusterOptions, type ResolvedOptions } from './options';
import { TRACE_RING_EVENTS, type TraceEvent } from './trace';

export type { Client, ClusterViolation, NodeView, Stats };
export { lastIndexOf, termAt } from './mirror';

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
  /** Watches every node event (the page's time travel, benchmarks, tests). */
  observer?: (event: NodeEvent) => void;
  /** How many recent trace events to keep; 0 keeps none (benchmarks). */
  recentEvents?: number;
}

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

type ProposeResult = { index: number; term: number } | null;

/**
 * The headless scheduler over the cluster core: every node's host runs in
 * this thread, one instant at a time, and an input applies at once.
 */
class HeadlessCluster implements Cluster, NodeRunner<ProposeResult> {
  private readonly core: ClusterCore<ProposeResult>;
  private readonly hosts = new Map<NodeId, NodeHost>();
  /** The live hosts in id order, for the scheduler's hot loop (the map is for look-ups). */
  private running: NodeHost[] = [];
  /** The envelopes one instant puts on the wire, reused from instant to instant. */
  private readonly sent: Envelope[] = [];
  /** Each server's stable storage: it outlives a crash. */
  private readonly disks = new Map<NodeId, Disk>();

  constructor(options: ClusterOptions, hooks: ClusterHooks) {
    this.core = new ClusterCore(
      options,
      this,
      hooks.recentEvents ?? TRACE_RING_EVENTS,
      hooks.observer,
    );
    for (const id of this.core.ids) this.startNode(id);
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

  node(id: NodeId): NodeView {
    return this.core.node(id);
  }
  leader(): NodeId | null {
    return this.core.leader();
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance() takes a duration of at least 0 ms; got ${ms}.`);
    const target = this.core.now + ms;
    while (this.stepToNextEvent(target) !== null);
    this.core.now = target;
  }

  runUntil(predicate: () => boolean, maxMs: number): boolean {
    const limit = this.core.now + maxMs;
    if (predicate()) return true;
    while (this.stepToNextEvent(limit) !== null) if (predicate()) return true;
    this.core.now = limit;
    return false;
  }

  stepToNextEvent(limitMs = Infinity): number | null {
    const core = this.core;
    const running = this.running;
    let t = core.clientsDueAt();
    for (let k = 0; k < running.length; k++) t = Math.min(t, (running[k] as NodeHost).nextDueAt());
    if (t > limitMs || t === Infinity) return null;
    core.now = t;
    const out = this.sent;
    for (let k = 0; k < running.length; k++) {
      const host = running[k] as NodeHost;
      if (host.nextDueAt() <= t) for (const e of host.runInstant(t)) out.push(e);
    }
    if (out.length > 0) {
      this.route(out);
      out.length = 0;
    }
    core.fireClients(t);
    core.endOfInstant();
    return t;
  }

  client(name: string): Client {
    return clientFor(
      name,
      (op) => this.apply({ at: this.now, kind: 'client', client: name, op }) as Op,
    );
  }
  history(): readonly HistoryOp[] {
    return this.core.history();
  }
  users(id: NodeId): UserView[] {
    const host = this.hosts.get(id);
    return host ? listUsers(host.service) : [];
  }

  propose(id: NodeId, command: unknown): ProposeResult {
    return (this.apply({ at: this.now, kind: 'propose', id, command }) as ProposeResult) ?? null;
  }
  crash(id: NodeId): void {
    this.apply({ at: this.now, kind: 'crash', id });
  }
  restart(id: NodeId): void {
    this.apply({ at: this.now, kind: 'restart', id });
  }
  timeoutNow(id: NodeId): void {
    this.apply({ at: this.now, kind: 'timeoutNow', id });
  }
  transferLeadership(id: NodeId, target: NodeId): void {
    this.apply({ at: this.now, kind: 'transferLeadership', id, target });
  }
  addServer(): NodeId {
    const id = this.core.freeId();
    this.apply({ at: this.now, kind: 'addServer', id });
    return id;
  }
  removeServer(id: NodeId): void {
    this.apply({ at: this.now, kind: 'removeServer', id });
  }
  partition(groups: readonly (readonly NodeId[])[]): void {
    this.apply({ at: this.now, kind: 'partition', groups });
  }
  heal(): void {
    this.apply({ at: this.now, kind: 'heal' });
  }
  setLink(from: NodeId, to: NodeId, up: boolean): void {
    this.apply({ at: this.now, kind: 'setLink', from, to, up });
  }
  isLinkUp(from: NodeId, to: NodeId): boolean {
    return this.core.network.isUp(from, to);
  }
  setDropRate(rate: number): void {
    this.apply({ at: this.now, kind: 'setDropRate', rate });
  }
  setDuplicateRate(rate: number): void {
    this.apply({ at: this.now, kind: 'setDuplicateRate', rate });
  }

  /** Applies one input at the current instant and records it. Validation errors change nothing. */
  apply(input: Input): ProposeResult | Op | null | void {
    const core = this.core;
    if (input.at !== core.now)
      throw new Error(`input for ${input.at} ms applied at ${core.now} ms`);
    core.validate(input);
    const pending = core.pendingChange(input);
    if (pending) {
      const next = this.hosts.get(pending.leader)?.node.nextConfig(pending.change);
      if (typeof next === 'string') throw new RangeError(next);
    }
    const result = core.perform(input);
    core.endOfInstant();
    return result;
  }

  stats(): Stats {
    return this.core.stats();
  }
  violations(): readonly ClusterViolation[] {
    return this.core.violations();
  }
  traceHash(): string {
    return this.core.traceHash();
  }
  traceLines(): string[] {
    return this.core.traceLines();
  }
  recentEvents(): TraceEvent[] {
    return this.core.recentEvents();
  }
  inputLog(): readonly Input[] {
    return this.core.inputLog();
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

  // ---- the runner: hosts in this thread

  act(id: NodeId, action: NodeAction, atMs: number): ProposeResult {
    const host = this.hosts.get(id);
    if (!host) return null;
    const result = host.act(action, atMs);
    this.route(host.takeOut());
    return result;
  }

  startNode(id: NodeId): void {
    const core = this.core;
    let disk = this.disks.get(id);
    if (!disk) {
      // A bootstrap server starts from the options' initial state; one added later, empty.
      disk = core.peersOf(id).length > 0 ? initialDisk(core.options, id) : emptyDisk();
      this.disks.set(id, disk);
    }
    const config = hostConfig(core.options, id, core.incarnationOf(id), core.peersOf(id));
    const host = new NodeHost(
      { ...config, network: core.network, observe: core.observe },
      disk,
      core.now,
    );
    this.hosts.set(id, host);
    this.updateRunning();
  }

  stopNode(id: NodeId): void {
    this.hosts.get(id)?.crash(this.core.now);
    this.hosts.delete(id);
    this.updateRunning();
    this.core.stopped(id);
  }

  private updateRunning(): void {
    this.running = [...this.hosts.values()].sort((a, b) => a.id - b.id);
  }

  private route(out: readonly Envelope[]): void {
    for (const e of out) this.hosts.get(e.to)?.receive(e);
  }
}

function emptyDisk(): Disk {
  return { hardState: { currentTerm: 0, votedFor: null }, log: [] };
}

export type { InputAction };
