import type { NodeId } from '../raft';
import type { ClusterCore } from '../sim/core';
import type { NodeEvent } from '../sim/events';
import type { Envelope, NetworkSnapshot } from '../sim/network';
import { Carried, type Later } from './carried';
import { LinkEnds } from './channels';
import type { Endpoint, MakeChannel, Spawn } from './endpoint';
import type { Expectation, FromWorker, NodeInput, ToWorker } from './protocol';
import { ServiceMirror } from './service-mirror';

/** One node's thread as the coordinator holds it, across its incarnations. */
export interface Slot {
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

/** Watches every batch of node events a worker reports (one node's), for the page's views. */
export type TelemetryListener = (events: readonly NodeEvent[]) => void;

/**
 * The nodes' threads and the ports between them: starting an incarnation,
 * a command and its reply, taking in what a worker reports, and a crash.
 * The coordinator decides when each of these happens.
 */
export class NodeThreads {
  readonly slots = new Map<NodeId, Slot>();
  readonly listeners = new Set<TelemetryListener>();
  private readonly inFlightByKey = new Map<string, Envelope>();

  constructor(
    private readonly core: ClusterCore<Later>,
    private readonly spawn: Spawn,
    private readonly makeChannel: MakeChannel,
    /** Names the disks of this page session: one database per session and node. */
    private readonly sessionId: string,
    /** A worker failed outside a command's reply (see Coordinator.failed). */
    private readonly failed: (slot: Slot, message: string) => void,
  ) {}

  /** Messages on the wire now, as the workers reported them. */
  inFlight(): Envelope[] {
    return [...this.inFlightByKey.values()];
  }

  /**
   * Starts node `id`'s current incarnation in a new thread, linked to every
   * live node; resolves once it has reported how it started.
   */
  start(id: NodeId): Promise<void> {
    const core = this.core;
    const incarnation = core.incarnationOf(id);
    const s = this.slots.get(id) ?? this.newSlot(id);
    s.dueReported = Infinity;
    s.links = new LinkEnds(id, incarnation);
    s.error = null;
    s.endpoint = this.spawn(id, incarnation, {
      message: (m) => this.onMessage(s, m),
      // A failure outside the node's own handling may end it with a write
      // uncommitted: its disk cannot be trusted, unless it had not started.
      error: (message) => {
        if (core.isAlive(id)) s.diskLost = message;
        this.failed(s, message);
      },
    });
    s.network = core.networkSnapshot();
    const reply = this.call(s, {
      kind: 'init',
      id,
      peers: core.peersOf(id),
      incarnation,
      options: core.options,
      network: s.network,
      diskName: this.diskName(id),
      nowMs: core.now,
    });
    this.connect(s);
    return reply.then((m) => this.absorb(s, m));
  }

  private newSlot(id: NodeId): Slot {
    const slot: Slot = {
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
    return slot;
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
  async drainFrom(id: NodeId): Promise<void> {
    const peers = [...this.slots.values()].filter((s) => s.endpoint && s.id !== id);
    const replies = await Promise.all(
      peers.map((s) => this.sync(s, s.links.expectation(Infinity))),
    );
    peers.forEach((s, k) => this.absorb(s, replies[k]));
  }

  /** Crash: the thread and all its memory are gone; what was sent to it is lost. */
  kill(slot: Slot, error: string | null): void {
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

  /** Terminates every thread. */
  stopAll(): void {
    for (const slot of this.slots.values()) {
      slot.endpoint?.terminate();
      slot.endpoint = null;
      slot.pending?.resolve({ kind: 'error', message: 'the cluster was stopped' });
      slot.pending = null;
      slot.carried.drop();
    }
  }

  call(slot: Slot, message: ToWorker): Promise<FromWorker> {
    const endpoint = slot.endpoint;
    if (!endpoint) return Promise.resolve({ kind: 'error', message: `S${slot.id} is down` });
    return new Promise((resolve) => {
      slot.pending = { resolve };
      endpoint.post(message);
    });
  }

  /**
   * Runs each of `slots` to `untilMs`, carried inputs first, in parallel.
   * Then takes in what they reported as the headless cluster sees it happen:
   * first what each input did, in the order the inputs applied, then each
   * node's window in the order of `slots`, whatever order the replies came
   * in (the clients react to answers in that order).
   */
  async run(slots: readonly Slot[], untilMs: number): Promise<void> {
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

  /** `input` as sent to `slot`'s worker: without its network if the worker holds that one. */
  private inputFor(slot: Slot, input: NodeInput): NodeInput {
    if (!input.network || input.network === slot.network)
      return { nowMs: input.nowMs, action: input.action };
    slot.network = input.network;
    return input;
  }

  /** Waits until `slot`'s node has received what `expect` says and its disk holds all it wrote. */
  sync(slot: Slot, expect: Expectation): Promise<FromWorker> {
    return this.call(slot, { kind: 'sync', expect });
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.kind === 'error') {
      if (m.diskLost) slot.diskLost = m.message;
      this.failed(slot, m.message);
      return;
    }
    const pending = slot.pending;
    slot.pending = null;
    pending?.resolve(m);
  }

  /** The next time a node has anything due: its own report, or a batch it has not had to wait for yet. */
  dueAt(slot: Slot): number {
    return slot.links.dueBefore(slot.dueReported);
  }

  /** Takes in a report; its events from `observed` on (what came before was taken in already). */
  absorb(slot: Slot, m: FromWorker | undefined, observed = 0): void {
    if (!m || m.kind === 'error') return;
    slot.dueReported = m.report.nextDueAt;
    slot.links.sent(m.report.batches);
    const events = m.report.telemetry;
    this.observe(slot, observed > 0 ? events.slice(observed) : events);
  }

  /** Feeds a node's events to the core, the in-flight messages and the page. */
  observe(slot: Slot, events: readonly NodeEvent[]): void {
    for (const e of events) {
      this.core.observe(e);
      slot.service.observe(e);
      if (e.kind === 'send') this.inFlightByKey.set(envelopeKey(e.envelope), e.envelope);
      else if (e.kind === 'deliver') this.inFlightByKey.delete(envelopeKey(e.envelope));
    }
    for (const listener of this.listeners) listener(events);
  }

  diskName(id: NodeId): string {
    return `raft-playground:${this.sessionId}:S${id}`;
  }

  slot(id: NodeId): Slot {
    const s = this.slots.get(id);
    if (!s)
      throw new RangeError(
        `There is no server S${id}; this cluster has S1..S${this.core.ids.length}.`,
      );
    return s;
  }
}

function envelopeKey(e: Envelope): string {
  return `${e.from}.${e.incarnation}.${e.seq}>${e.to}`;
}
