import type { Disk, HostOptions, NodeAction } from './host-types';
import {
  RaftNode,
  type Message,
  type NodeId,
  type ClusterConfig,
  type MembershipChange,
  type Snapshot,
} from '../raft';
import {
  applyCommand,
  createServiceState,
  readState,
  restoreServiceState,
  snapshotServiceState,
  stampCommand,
  type ServiceState,
} from '../app';
import { isNoop } from '../raft';
import type { ClientReply, ClientRequest } from './client-protocol';
import type { NodeEvent, SoftState } from './events';
import { PendingRequests } from './requests';
import { Heap } from './heap';
import { LinkEnd, deliveryOrder, type DropReason, type Envelope } from './network';
import { Prng } from './prng';
import { rebindable } from './fork';

export type { Disk, HostOptions, NodeAction, RaftTiming } from './host-types';

/**
 * Runs one Raft node: its timers, its link ends, the order in which due
 * messages are delivered, its disk and its state machine. The headless
 * cluster and the browser Worker both run nodes through this class, so the
 * two produce the same events, and from them the same trace hash.
 */
export class NodeHost {
  readonly id: NodeId;
  readonly node: RaftNode;
  readonly disk: Disk;
  private readonly inbox = new Heap<Envelope>(deliveryOrder);
  private readonly links = new Map<NodeId, LinkEnd>();
  private readonly options: HostOptions;
  private readonly observe: (event: NodeEvent) => void;
  private soft: SoftState;
  /** The configuration last reported: a persist that changes it says so (dissertation §4.1). */
  private reportedConfig: ClusterConfig;
  private out: Envelope[] = [];
  /** nextDueAt(), kept up to date by every method that can change it: the scheduler asks often. */
  private dueAtMs = Infinity;
  /** The replicated per-user service, rebuilt from the log after a restart. */
  service: ServiceState = createServiceState();
  private readonly pending: PendingRequests;

  constructor(options: HostOptions, disk: Disk, nowMs: number) {
    this.options = options;
    this.id = options.id;
    this.disk = disk;
    this.observe = options.observe;
    // Closures over this run's state are rebindable, so a fork of the run gets its own (fork.ts).
    this.pending = new PendingRequests(
      options.id,
      rebindable(
        (host: NodeHost) => (reply: ClientReply, at: number) => host.reply(reply, at),
        this,
      ),
    );
    const timers = Prng.derive(options.seed, 'node', options.id, options.incarnation);
    this.node = new RaftNode(
      {
        ...options.raft,
        id: options.id,
        peers: options.peers,
        randomInt: rebindable((prng: Prng) => (lo: number, hi: number) => prng.int(lo, hi), timers),
      },
      { hardState: disk.hardState, log: disk.log, snapshot: disk.snapshot ?? null },
      nowMs * options.clockRate,
    );
    if (disk.snapshot) this.restoreService(disk.snapshot);
    this.soft = this.readSoft();
    this.reportedConfig = this.node.clusterConfig;
    this.refreshDueAt();
    const node = this.id;
    this.observe({
      kind: 'start',
      node,
      at: nowMs,
      incarnation: options.incarnation,
      config: this.reportedConfig,
      ...this.soft,
    });
  }

  /** The next virtual time at which this node has something to do. */
  nextDueAt(): number {
    return this.dueAtMs;
  }

  /** The node's clock at real time `nowMs`. */
  private local(nowMs: number): number {
    return nowMs * this.options.clockRate;
  }

  /** The first whole real ms at which the node's own clock reaches its next deadline. */
  private timerDueAt(): number {
    const deadline = this.node.nextDeadline();
    const rate = this.options.clockRate;
    if (rate === 1 || deadline === Infinity) return deadline;
    let t = Math.ceil(deadline / rate);
    if (t * rate < deadline) t++;
    return t;
  }

  /** Messages on their way to this node, in delivery order of the heap (not sorted). */
  inFlight(): readonly Envelope[] {
    return this.inbox.values();
  }

  /** Accepts a message that has reached this end of its link; it is delivered at deliverAt. */
  receive(envelope: Envelope): void {
    this.inbox.push(envelope);
    if (envelope.deliverAt < this.dueAtMs) this.dueAtMs = envelope.deliverAt;
  }

  /**
   * Runs one instant: delivers every message due by `nowMs` in (deliverAt,
   * from, incarnation, seq) order, then fires a due timer. Returns the
   * envelopes to put on the wire, all due strictly later.
   */
  runInstant(nowMs: number): Envelope[] {
    for (let head = this.inbox.peek(); head && head.deliverAt <= nowMs; head = this.inbox.peek()) {
      this.inbox.pop();
      if (!this.options.network.isUp(head.from, head.to)) {
        this.dropped(head.message, 'cut', false, nowMs);
        continue;
      }
      this.observe({ kind: 'deliver', node: this.id, at: nowMs, envelope: head });
      this.node.step(head.message, this.local(nowMs));
      this.handleReady(nowMs);
    }
    if (this.timerDueAt() <= nowMs) {
      this.node.tick(this.local(nowMs));
      this.handleReady(nowMs);
    }
    this.refreshDueAt();
    return this.takeOut();
  }

  /**
   * Applies an input meant for this node at `nowMs`; returns where a
   * proposal (or a membership change) went in the log, or null.
   */
  act(action: NodeAction, nowMs: number): { index: number; term: number } | null {
    const result = this.actNow(action, nowMs);
    this.refreshDueAt();
    return result;
  }

  private actNow(action: NodeAction, nowMs: number): { index: number; term: number } | null {
    switch (action.kind) {
      case 'propose':
        return this.propose(action.command, nowMs);
      case 'membership': {
        const at = this.changeMembership(action.change, nowMs);
        return typeof at === 'string' ? null : at;
      }
      case 'client':
        this.clientRequest(action.request, nowMs);
        return null;
      case 'transferLeadership':
        this.transferLeadership(action.target, nowMs);
        return null;
      case 'timeoutNow':
        this.timeoutNow(nowMs);
        return null;
    }
  }

  /** Proposes a command if this node leads. */
  private propose(command: unknown, nowMs: number): { index: number; term: number } | null {
    const at = this.node.propose(command, this.local(nowMs));
    this.handleReady(nowMs);
    return at;
  }

  /**
   * Takes a client's request (dissertation §6.3, §6.4). A write is proposed
   * with the leader's time stamped in, and answered when applied; a
   * linearizable read goes through ReadIndex; a stale read is answered at
   * once from this server's state; anything else is redirected.
   */
  private clientRequest(request: ClientRequest, nowMs: number): void {
    this.observe({ kind: 'request', node: this.id, at: nowMs, request });
    const command = request.command;
    if (command.kind === 'getState') {
      if (request.stale) {
        this.reply(
          {
            requestId: request.requestId,
            from: this.id,
            kind: 'response',
            response: readState(this.service, command.user),
          },
          nowMs,
        );
      } else if (this.node.readIndex(request.requestId, this.local(nowMs))) {
        this.pending.reading(request);
        this.handleReady(nowMs);
      } else {
        this.redirect(request, nowMs);
      }
      return;
    }
    // The leader stamps the time by its own clock (dissertation §6.3).
    const at = this.node.propose(
      stampCommand(command, Math.floor(this.local(nowMs))),
      this.local(nowMs),
    );
    if (!at) {
      this.redirect(request, nowMs);
      return;
    }
    this.pending.wrote(request, at);
    this.handleReady(nowMs);
  }

  /** Starts a leadership transfer to `target`, if this node leads (§3.10). */
  private transferLeadership(target: NodeId, nowMs: number): void {
    this.node.transferLeadership(target, this.local(nowMs));
    this.handleReady(nowMs);
  }

  /** Makes the election timer fire now (a teaching control; as etcd's MsgTimeoutNow). */
  private timeoutNow(nowMs: number): void {
    if (this.node.role === 'leader') return;
    this.node.step({ type: 'ElectionTimeout' }, this.local(nowMs));
    this.handleReady(nowMs);
  }

  /** Envelopes produced by act() since the last instant. */
  takeOut(): Envelope[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** The node stops: every message on its way to it is lost with its memory. */
  crash(nowMs: number): void {
    for (let e = this.inbox.pop(); e; e = this.inbox.pop())
      this.dropped(e.message, 'crash', false, nowMs);
    this.dueAtMs = Infinity;
  }

  private handleReady(nowMs: number): void {
    const ready = this.node.takeReady();
    // 1. Persist before sending (Raft Figure 2): the disk holds the vote and
    // the entries before any message that relies on them leaves.
    if (ready.hardState) this.disk.hardState = ready.hardState;
    if (ready.snapshot) {
      const { install, ...snapshot } = ready.snapshot;
      this.disk.snapshot = snapshot;
      this.disk.log = this.disk.log.filter((e) => e.index > snapshot.index);
      this.observe({ kind: 'snapshot', node: this.id, at: nowMs, snapshot, install });
      // Raft §7: a snapshot from the leader replaces the state machine.
      if (install) this.restoreService(snapshot);
    }
    if (ready.entries) {
      const { from, entries } = ready.entries;
      // Only shortened when it must: setting an array's length is a slow call even to its own length.
      const keep = Math.max(0, from - 1 - (this.disk.snapshot?.index ?? 0));
      if (this.disk.log.length > keep) this.disk.log.length = keep;
      for (const e of entries) this.disk.log.push(e);
      const config = this.node.clusterConfig;
      const changed = config !== this.reportedConfig;
      this.reportedConfig = config;
      this.observe({
        kind: 'persist',
        node: this.id,
        at: nowMs,
        from,
        entries,
        role: this.node.role,
        lastTerm: this.node.log.lastTerm(),
        ...(changed && { config }),
      });
    }
    // Reported after the log is on disk, so a commit names stored entries.
    if (this.softChanged()) {
      const soft = (this.soft = this.readSoft());
      this.reportedConfig = this.node.clusterConfig;
      this.observe({
        kind: 'state',
        node: this.id,
        at: nowMs,
        ...soft,
        config: this.reportedConfig,
      });
    }
    // 2. Send.
    const out = this.out;
    for (const message of ready.messages) {
      const sent = out.length;
      const dropped = this.link(message.to).send(message, nowMs, out);
      if (dropped) this.dropped(message, dropped, true, nowMs);
      for (let k = sent; k < out.length; k++)
        this.observe({ kind: 'send', node: this.id, at: nowMs, envelope: out[k] as Envelope });
    }
    // 3. Apply, and answer the clients whose writes these are.
    for (const entry of ready.committed) {
      const result = isNoop(entry.command)
        ? null
        : applyCommand(this.service, entry.command, entry.index);
      this.observe({ kind: 'apply', node: this.id, at: nowMs, entry, result });
      if (result) this.pending.applied(entry, result, nowMs);
    }
    // 4. Reads (dissertation §6.4): confirmed ones are served once applied up to their index.
    this.pending.readsDone(ready.failedReads, ready.readStates, (r) => this.redirect(r, nowMs));
    this.pending.serve(this.node.lastApplied, this.service, nowMs);
    if (this.soft.role !== 'leader') this.pending.abandonWrites(nowMs);
    this.maybeCompact(nowMs);
  }

  /** After anything that may have moved a timer or taken a message in: see nextDueAt(). */
  private refreshDueAt(): void {
    const head = this.inbox.peek();
    this.dueAtMs = Math.min(head ? head.deliverAt : Infinity, this.timerDueAt());
  }

  /** Log compaction (Raft §7): snapshot the service once the log since the last one is long enough. */
  private maybeCompact(nowMs: number): void {
    const every = this.options.snapshotEvery;
    const applied = this.node.lastApplied;
    if (!(every > 0) || applied - this.node.log.snapshotIndex < every) return;
    this.node.compact(applied, snapshotServiceState(this.service));
    this.handleReady(nowMs); // persists the snapshot; applied - snapshotIndex is now 0
  }

  private restoreService(snapshot: Snapshot): void {
    const restored = restoreServiceState(snapshot.data);
    if (!restored.ok)
      throw new Error(
        `S${this.id}: a snapshot at ${snapshot.index} is unreadable: ${restored.error}`,
      );
    this.service = restored.state;
  }

  private redirect(request: ClientRequest, nowMs: number): void {
    const hint = this.node.leaderId === this.id ? null : this.node.leaderId;
    this.reply(
      { requestId: request.requestId, from: this.id, kind: 'redirect', leaderHint: hint },
      nowMs,
    );
  }

  private reply(reply: ClientReply, nowMs: number): void {
    this.observe({ kind: 'reply', node: this.id, at: nowMs, reply });
  }

  /**
   * The link end to `peer`, made on first use: members change (§4.1), and a
   * link's stream is derived by name, so when it is made does not matter.
   */
  private link(peer: NodeId): LinkEnd {
    let link = this.links.get(peer);
    if (!link) {
      const o = this.options;
      link = new LinkEnd(
        o.id,
        peer,
        o.incarnation,
        Prng.derive(o.seed, 'link', o.id, peer, o.incarnation),
        o.network,
      );
      this.links.set(peer, link);
    }
    return link;
  }

  /** Asks this node, if it leads, to change the cluster's membership (dissertation §4.1). */
  private changeMembership(
    change: MembershipChange,
    nowMs: number,
  ): { index: number; term: number } | string {
    const result = this.node.changeMembership(change, this.local(nowMs));
    this.handleReady(nowMs);
    return result;
  }

  private dropped(
    message: Message,
    reason: DropReason | 'crash',
    atSender: boolean,
    nowMs: number,
  ): void {
    const { from, to, type } = message;
    this.observe({ kind: 'drop', node: this.id, at: nowMs, from, to, type, reason, atSender });
  }

  /** Whether the node's volatile state differs from the last reported, without making a copy. */
  private softChanged(): boolean {
    const n = this.node;
    const s = this.soft;
    return (
      n.role !== s.role ||
      n.currentTerm !== s.term ||
      n.votedFor !== s.votedFor ||
      n.commitIndex !== s.commitIndex ||
      n.leaderId !== s.leaderId
    );
  }

  private readSoft(): SoftState {
    const n = this.node;
    return {
      role: n.role,
      term: n.currentTerm,
      votedFor: n.votedFor,
      commitIndex: n.commitIndex,
      leaderId: n.leaderId,
    };
  }
}
