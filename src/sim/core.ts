import { passwordHash, passwordProblem, ProblemError } from '../app';
import type { MembershipChange, NodeId } from '../raft';
import { Hash64 } from '../check/hash';
import { SafetyChecker } from '../check/safety';
import { ClientDriver, type ClientOpInput, type HistoryOp, type Op } from './clients';
import type { ClientRequest } from './client-protocol';
import { hashEvent, type NodeEvent } from './events';
import { rebindable } from './fork';
import type { NodeAction } from './host';
import { applyNetworkInput, membershipChange, validateInput, type Input } from './inputs';
import { NodeMirror, type NodeView } from './mirror';
import { NetworkState, type NetworkSnapshot } from './network';
import {
  MAX_NODES,
  initialDisk,
  resolveOptions,
  type ClusterOptions,
  type ResolvedOptions,
} from './options';
import { TraceRing, combineTraceHash, formatTraceEvent, type TraceEvent } from './trace';

export interface Stats {
  sent: number;
  delivered: number;
  dropped: number;
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

/**
 * A client of the per-user service (issue "Per-user state", §3); its name is
 * its user. `R` is what starting an operation gives: the operation itself
 * headless, a promise of it where the cluster takes inputs asynchronously.
 */
export interface Client<R = Op> {
  readonly name: string;
  login(password: string, options?: { via?: NodeId }): R;
  setState(state: string, options?: { via?: NodeId }): R;
  /** `via`: ask this server first (a stale read is answered by whichever server it reaches). */
  getState(user: string, options?: { stale?: boolean; via?: NodeId }): R;
}

/** Makes the client API over `invoke`, checking the password here so it never reaches the log. */
export function clientFor<R>(name: string, invoke: (op: ClientOpInput) => R): Client<R> {
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

/**
 * What a scheduler does for the core: it runs each node somewhere (in this
 * thread, in a Worker) and decides when. `R` is what handing a node an
 * action gives back: its result, or a promise of it.
 */
export interface NodeRunner<R> {
  /** Hands `action` to live node `id`, at `atMs`. */
  act(id: NodeId, action: NodeAction, atMs: number): R;
  /** Starts node `id`'s current incarnation from its disk. */
  startNode(id: NodeId): void;
  /** Crashes live node `id`; calls the core's `stopped(id)` once it is down. */
  stopNode(id: NodeId): void;
}

/** The clients (and users) the `load` option writes as: load1, load2, ... */
const LOAD_CLIENT = 'load';
/** How many clients take turns to make the `load` option's writes. */
const LOAD_CLIENTS = 10;

interface Server {
  readonly mirror: NodeMirror;
  /** Each incarnation's trace hash, in order; the last is the live one's. */
  readonly hashes: Hash64[];
  incarnation: number;
}

/**
 * One cluster, whatever runs its nodes: its servers, network and faults,
 * the input log and its dispatch, the clients (and the `load` option's
 * steady load), the safety checker, the trace, and a mirror of every node,
 * all fed by the one stream of node events (events.ts). The headless
 * cluster (cluster.ts) and the Worker coordinator (src/runtime) are two
 * schedulers over it: each decides only when its nodes run and where.
 */
export class ClusterCore<R> {
  readonly options: ResolvedOptions;
  readonly network: NetworkState;
  /** Virtual time, in ms: the scheduler moves it. */
  now = 0;
  /** Every server that exists: the initial ones, then any added (§4.1). Grows in place. */
  private readonly serverIds: NodeId[];
  /** The cluster's bootstrap voters; a server added later starts knowing none. */
  private readonly bootstrap: readonly NodeId[];
  /** By server id. */
  private readonly servers: (Server | undefined)[] = [];
  private readonly inputs: Input[] = [];
  private readonly checker: SafetyChecker;
  private readonly ring: TraceRing | null;
  private readonly counts = { sent: 0, delivered: 0, dropped: 0 };
  private readonly byType: Record<string, number> = {};
  private readonly drivers: ClientDriver;
  /** The network's fault state as plain data, made once per change. */
  private networkCopy: NetworkSnapshot | null = null;
  private nextLoadAtMs: number;
  private readonly loadOps: Op[] = [];
  private loadTicks = 0;

  constructor(
    options: ClusterOptions,
    private readonly runner: NodeRunner<R>,
    /** How many recent trace events to keep; 0 keeps none. */
    recentEvents: number,
    /** Watches every node event, after the core has taken it in. */
    private readonly watcher?: (event: NodeEvent) => void,
  ) {
    const o = (this.options = resolveOptions(options));
    this.serverIds = Array.from({ length: o.nodes }, (_, i) => i + 1);
    this.bootstrap = this.serverIds.slice();
    this.network = new NetworkState(o.latencyMs);
    // Servers not yet added are down: what is sent to them is lost.
    for (let id = o.nodes + 1; id <= MAX_NODES; id++) this.network.setAlive(id, false);
    this.network.dropRate = o.dropRate;
    this.network.duplicateRate = o.duplicateRate;
    this.checker = new SafetyChecker(this.serverIds);
    this.ring = recentEvents === 0 ? null : new TraceRing(recentEvents);
    this.nextLoadAtMs = o.load.writesPerS > 0 ? 0 : Infinity;
    // The live list: clients pick servers among those added too.
    this.drivers = new ClientDriver(
      this.serverIds,
      o.latencyMs[0],
      rebindable(
        (core: ClusterCore<R>) => (to: NodeId, request: ClientRequest, at: number) => {
          // A request to a crashed server is lost.
          if (core.isAlive(to)) core.runner.act(to, { kind: 'client', request }, at);
        },
        this,
      ),
    );
    for (const id of this.serverIds) {
      const disk = initialDisk(o, id);
      const { currentTerm, votedFor } = disk.hardState;
      this.addServerRecord(id, { term: currentTerm, votedFor, log: disk.log });
      this.checker.persist(id, 1, disk.log, 'follower', 0);
      this.checker.state(id, 'follower', currentTerm, 0, 0);
    }
  }

  get ids(): readonly NodeId[] {
    return this.serverIds;
  }

  /** The peers a server starts knowing: the bootstrap voters, or none for one added later (§4.1). */
  peersOf(id: NodeId): readonly NodeId[] {
    return this.bootstrap.includes(id) ? this.bootstrap : [];
  }

  incarnationOf(id: NodeId): number {
    return this.server(id).incarnation;
  }

  isAlive(id: NodeId): boolean {
    return this.servers[id]?.mirror.alive ?? false;
  }

  node(id: NodeId): NodeView {
    return this.server(id).mirror.view();
  }

  /** The live leader of the highest term, or null. */
  leader(): NodeId | null {
    let best: NodeId | null = null;
    let bestTerm = -1;
    for (const id of this.serverIds) {
      const { alive, role, term } = this.server(id).mirror;
      if (alive && role === 'leader' && term > bestTerm) {
        best = id;
        bestTerm = term;
      }
    }
    return best;
  }

  /** The lowest server id not in use, for addServer. */
  freeId(): NodeId {
    for (let id = 1; id <= MAX_NODES; id++) if (!this.servers[id]) return id;
    throw new RangeError(`A cluster has at most ${MAX_NODES} servers.`);
  }

  /** The network's fault state as plain data; the same object until it changes. */
  networkSnapshot(): NetworkSnapshot {
    this.networkCopy ??= this.network.snapshot();
    return this.networkCopy;
  }

  // ---- inputs

  /** Throws a message a student understands if `input` cannot apply now; changes nothing. */
  validate(input: Input): void {
    validateInput(this.serverIds, input);
  }

  /**
   * Membership changes go through the leader: the change an addServer or
   * removeServer input asks of it (null for any other input), which the
   * scheduler has the leader check before the input is logged.
   */
  pendingChange(input: Input): { leader: NodeId; change: MembershipChange } | null {
    const leader = this.leader();
    const change = membershipChange(input, leader);
    return change === null || leader === null ? null : { leader, change };
  }

  /**
   * Records `input` (stamped with the current instant) and applies it: to
   * the network, the clients, or a node through the runner.
   */
  perform(input: Input): R | Op | null | void {
    this.inputs.push(input);
    this.ring?.push({ kind: 'input', input });
    const t = this.now;
    switch (input.kind) {
      case 'client':
        return this.drivers.invoke(input.client, input.op, t);
      case 'propose':
        return this.act(input.id, { kind: 'propose', command: input.command });
      case 'timeoutNow':
        return this.act(input.id, { kind: 'timeoutNow' });
      case 'transferLeadership':
        return this.act(input.id, { kind: 'transferLeadership', target: input.target });
      case 'crash':
        if (this.isAlive(input.id)) this.runner.stopNode(input.id);
        return;
      case 'restart':
        if (this.isAlive(input.id)) return;
        this.server(input.id).incarnation++;
        this.setAlive(input.id, true);
        this.checker.restart(input.id);
        this.runner.startNode(input.id);
        return;
      case 'addServer': {
        const id = input.id;
        this.serverIds.push(id);
        this.serverIds.sort((a, b) => a - b);
        this.addServerRecord(id, { term: 0, votedFor: null, log: [] });
        this.setAlive(id, true);
        this.checker.addServer(id);
        this.runner.startNode(id);
        return this.askLeader({ kind: 'addLearner', id });
      }
      case 'removeServer':
        return this.askLeader({ kind: 'remove', id: input.id });
      default:
        applyNetworkInput(this.network, this.serverIds, input);
        this.networkCopy = null;
        return;
    }
  }

  /** Live node `id` has stopped (a crash, or its thread failed): its memory is gone. */
  stopped(id: NodeId): void {
    this.server(id).mirror.crashed();
    this.setAlive(id, false);
    this.checker.crash(id);
  }

  /** The end of an instant: properties that hold between instants are checked. */
  endOfInstant(): void {
    this.checker.endOfInstant(this.now);
  }

  // ---- the stream

  /** Takes in one node event: the one door through which everything a node does comes. */
  readonly observe = rebindable((core: ClusterCore<R>) => (e: NodeEvent) => core.take(e), this);

  private take(e: NodeEvent): void {
    const id = e.node;
    const s = this.server(id);
    if (e.kind === 'start') s.hashes.push(new Hash64(id));
    const hash = s.hashes.at(-1);
    if (hash) hashEvent(hash, e);
    s.mirror.observe(e);
    this.ring?.push(e);
    const checker = this.checker;
    switch (e.kind) {
      case 'send':
        if (!e.envelope.duplicate) this.countSent(e.envelope.message.type);
        break;
      case 'drop':
        this.counts.dropped++;
        if (e.atSender) this.countSent(e.type);
        break;
      case 'deliver':
        this.counts.delivered++;
        break;
      case 'start':
        checker.state(id, e.role, e.term, e.commitIndex, e.at);
        break;
      case 'state':
        checker.state(id, e.role, e.term, e.commitIndex, e.at, e.config.voters);
        break;
      case 'persist':
        checker.persist(id, e.from, e.entries, e.role, e.at);
        break;
      case 'snapshot':
        checker.snapshot(id, e.snapshot.index, e.install, e.at);
        break;
      case 'apply':
        checker.apply(id, e.entry, e.at);
        break;
      case 'reply':
        this.drivers.onReply(e.reply, e.at);
        break;
      default:
        break;
    }
    this.watcher?.(e);
  }

  // ---- clients

  /** The next instant at which a client acts (the steady load included), or Infinity. */
  clientsDueAt(): number {
    return Math.min(this.drivers.nextDueAt(), this.nextLoadAtMs);
  }

  /** Clients act at `t`, after the servers' events of the instant, as inputs do. */
  fireClients(t: number): void {
    this.drivers.fire(t);
    if (t >= this.nextLoadAtMs) this.steadyLoad(t);
  }

  history(): readonly HistoryOp[] {
    return this.drivers.history();
  }

  // ---- what a run reports

  stats(): Stats {
    return { ...this.counts, byType: { ...this.byType } };
  }

  violations(): readonly ClusterViolation[] {
    return this.checker.violations().map((v) => ({
      ...v,
      detail: `${v.detail} (at ${v.at} ms, seed ${this.options.seed})`,
    }));
  }

  traceHash(): string {
    return combineTraceHash(
      this.inputs,
      this.serverIds.map((id) => this.server(id).hashes.map((h) => h.hex())),
    );
  }

  inputLog(): readonly Input[] {
    return this.inputs;
  }

  recentEvents(): TraceEvent[] {
    return this.ring?.recent() ?? [];
  }

  /** Recent trace events, oldest first, one line each in the fixed format. */
  traceLines(): string[] {
    return this.recentEvents().map(formatTraceEvent);
  }

  // ---- internals

  private act(id: NodeId, action: NodeAction): R | null {
    return this.isAlive(id) ? this.runner.act(id, action, this.now) : null;
  }

  /** Hands a membership change to the leader of now. */
  private askLeader(change: MembershipChange): R | null {
    const leader = this.leader();
    return leader === null ? null : this.act(leader, { kind: 'membership', change });
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

  private countSent(type: string): void {
    this.counts.sent++;
    this.byType[type] = (this.byType[type] ?? 0) + 1;
  }

  private setAlive(id: NodeId, alive: boolean): void {
    this.network.setAlive(id, alive);
    this.networkCopy = null;
  }

  private addServerRecord(id: NodeId, disk: ConstructorParameters<typeof NodeMirror>[1]): void {
    this.servers[id] = { mirror: new NodeMirror(id, disk), hashes: [], incarnation: 0 };
  }

  private server(id: NodeId): Server {
    const s = this.servers[id];
    if (!s)
      throw new RangeError(
        `There is no server S${id}; this cluster has S1..S${this.serverIds.length}.`,
      );
    return s;
  }
}
