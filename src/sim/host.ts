import {
  RaftNode,
  type HardState,
  type LogEntry,
  type Message,
  type MessageType,
  type NodeId,
  type RaftConfig,
  type MembershipChange,
  type Role,
  type Snapshot,
} from '../raft';
import {
  applyCommand,
  createServiceState,
  readState,
  restoreServiceState,
  snapshotServiceState,
  stampCommand,
  type ServiceResponse,
  type ServiceState,
} from '../app';
import { isNoop } from '../raft';
import { Hash64 } from '../check/hash';
import type { ClientReply, ClientRequest } from './client-protocol';
import { Heap } from './heap';
import {
  LinkEnd,
  deliveryOrder,
  type DropReason,
  type Envelope,
  type NetworkState,
} from './network';
import { Prng } from './prng';

/** A node's stable storage: what survives a crash (Raft Figure 2, "Persistent state"). */
export interface Disk {
  hardState: HardState;
  /** The entries after the snapshot (all of them when there is none). */
  log: LogEntry[];
  snapshot?: Snapshot | null;
}

/** The volatile state a host reports after each step that changed it. */
export interface SoftState {
  readonly role: Role;
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly commitIndex: number;
  readonly leaderId: NodeId | null;
}

/** Everything a node does that the outside may watch: checkers, traces, the page. */
export interface HostObserver {
  send?(envelope: Envelope): void;
  /** A message lost at the sender's end (`atSender`) or the receiver's. */
  drop?(
    message: Message,
    reason: DropReason | 'crash',
    atSender: boolean,
    atMs: number,
    envelope?: Envelope,
  ): void;
  deliver?(envelope: Envelope, atMs: number): void;
  state?(id: NodeId, state: SoftState, atMs: number): void;
  /** `role` is the node's role once the step is done: a leader that stepped down is a follower. */
  persist?(id: NodeId, from: number, entries: readonly LogEntry[], role: Role, atMs: number): void;
  apply?(id: NodeId, entry: LogEntry, result: ServiceResponse | null, atMs: number): void;
  request?(id: NodeId, request: ClientRequest, atMs: number): void;
  /** A snapshot was stored: taken here, or (install) received from the leader. */
  snapshot?(id: NodeId, snapshot: Snapshot, install: boolean, atMs: number): void;
  reply?(id: NodeId, reply: ClientReply, atMs: number): void;
}

export type RaftTiming = Omit<RaftConfig, 'id' | 'peers' | 'randomInt'>;

export interface HostOptions {
  readonly id: NodeId;
  readonly peers: readonly NodeId[];
  readonly seed: number;
  /** 0 for the first start, then 1, 2, ... for each restart. */
  readonly incarnation: number;
  readonly raft: RaftTiming;
  readonly network: NetworkState;
  readonly observer: HostObserver;
  /**
   * How fast this node's clock runs against real (virtual) time: 1 is exact.
   * The node sees only its own clock; messages and the host run on real time.
   */
  readonly clockRate: number;
  /** Take a snapshot every this many applied entries (Raft §7); 0: never. */
  readonly snapshotEvery: number;
}

const MESSAGE_CODE: Record<MessageType, number> = {
  RequestVote: 1,
  RequestVoteResponse: 2,
  AppendEntries: 3,
  AppendEntriesResponse: 4,
  TimeoutNow: 5,
  InstallSnapshot: 6,
};
const DROP_CODE: Record<DropReason, number> = { cut: 1, loss: 2, down: 3 };
const ROLE_CODE: Record<Role, number> = { follower: 1, candidate: 2, leader: 3, precandidate: 4 };
const enum Ev {
  Send = 1,
  Drop = 2,
  Deliver = 3,
  State = 4,
  Persist = 5,
  Apply = 6,
  Start = 7,
  Request = 8,
  Reply = 9,
  Snapshot = 10,
}
const REPLY_CODE: Record<ClientReply['kind'], number> = { response: 1, redirect: 2, unknown: 3 };

/**
 * Runs one Raft node: its timers, its link ends, the order in which due
 * messages are delivered, its disk and its state machine. The headless
 * cluster and the browser Worker both run nodes through this class, so the
 * two produce the same events and the same trace hash.
 *
 * The trace hash of a node covers, in order, every event the node took part
 * in; it is fed numbers, not formatted lines, to keep the hot path cheap.
 */
export class NodeHost {
  readonly id: NodeId;
  readonly node: RaftNode;
  readonly disk: Disk;
  private readonly inbox = new Heap<Envelope>(deliveryOrder);
  private readonly links = new Map<NodeId, LinkEnd>();
  private readonly options: HostOptions;
  private readonly hash: Hash64;
  private soft: SoftState;
  private out: Envelope[] = [];
  /** The replicated per-user service, rebuilt from the log after a restart. */
  service: ServiceState = createServiceState();
  /** Writes this node proposed as leader, by log index, awaiting their apply. */
  private readonly pendingWrites = new Map<number, { request: ClientRequest; term: number }>();
  /** Linearizable reads awaiting their ReadIndex round, by requestId. */
  private readonly pendingReads = new Map<number, ClientRequest>();
  /** Reads confirmed at a readIndex, awaiting lastApplied >= index. */
  private readyReads: { index: number; request: ClientRequest; lease: boolean }[] = [];

  constructor(options: HostOptions, disk: Disk, nowMs: number, traceHash: Hash64) {
    this.options = options;
    this.id = options.id;
    this.disk = disk;
    this.hash = traceHash;
    const timers = Prng.derive(options.seed, 'node', options.id, options.incarnation);
    this.node = new RaftNode(
      {
        ...options.raft,
        id: options.id,
        peers: options.peers,
        randomInt: (lo, hi) => timers.int(lo, hi),
      },
      { hardState: disk.hardState, log: disk.log, snapshot: disk.snapshot ?? null },
      nowMs * options.clockRate,
    );
    if (disk.snapshot) this.restoreService(disk.snapshot);
    this.soft = this.readSoft();
    this.hash.add(Ev.Start).add(nowMs).add(options.incarnation);
    this.options.observer.state?.(this.id, this.soft, nowMs);
  }

  /** The next virtual time at which this node has something to do. */
  nextDueAt(): number {
    const head = this.inbox.peek();
    return Math.min(head ? head.deliverAt : Infinity, this.timerDueAt());
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
        this.dropped(head.from, head.message, 'cut', false, nowMs, head);
        continue;
      }
      this.hash.add(Ev.Deliver).add(nowMs).add(head.from).add(head.incarnation).add(head.seq);
      this.options.observer.deliver?.(head, nowMs);
      this.node.step(head.message, this.local(nowMs));
      this.handleReady(nowMs);
    }
    if (this.timerDueAt() <= nowMs) {
      this.node.tick(this.local(nowMs));
      this.handleReady(nowMs);
    }
    return this.takeOut();
  }

  /** Proposes a command if this node leads. */
  propose(command: unknown, nowMs: number): { index: number; term: number } | null {
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
  clientRequest(request: ClientRequest, nowMs: number): void {
    this.hash.add(Ev.Request).add(nowMs).add(request.requestId);
    this.options.observer.request?.(this.id, request, nowMs);
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
        this.pendingReads.set(request.requestId, request);
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
    this.pendingWrites.set(at.index, { request, term: at.term });
    this.handleReady(nowMs);
  }

  /** Starts a leadership transfer to `target`, if this node leads (§3.10). */
  transferLeadership(target: NodeId, nowMs: number): boolean {
    const accepted = this.node.transferLeadership(target, this.local(nowMs));
    this.handleReady(nowMs);
    return accepted;
  }

  /** Makes the election timer fire now (a teaching control; as etcd's MsgTimeoutNow). */
  timeoutNow(nowMs: number): void {
    if (this.node.role === 'leader') return;
    this.node.step({ type: 'ElectionTimeout' }, this.local(nowMs));
    this.handleReady(nowMs);
  }

  /** Envelopes produced by propose() or timeoutNow() since the last instant. */
  takeOut(): Envelope[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** The node stops: every message on its way to it is lost with its memory. */
  crash(nowMs: number): void {
    // Not hashed: in the browser the thread is gone before it could record them.
    for (let e = this.inbox.pop(); e; e = this.inbox.pop())
      this.options.observer.drop?.(e.message, 'crash', false, nowMs, e);
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
      this.hash
        .add(Ev.Snapshot)
        .add(nowMs)
        .add(snapshot.index)
        .add(snapshot.term)
        .add(install ? 1 : 0);
      this.options.observer.snapshot?.(this.id, snapshot, install, nowMs);
      // Raft §7: a snapshot from the leader replaces the state machine.
      if (install) this.restoreService(snapshot);
    }
    if (ready.entries) {
      const { from, entries } = ready.entries;
      this.disk.log.length = Math.max(0, from - 1 - (this.disk.snapshot?.index ?? 0));
      for (const e of entries) this.disk.log.push(e);
      this.hash
        .add(Ev.Persist)
        .add(nowMs)
        .add(from)
        .add(entries.length)
        .add(this.node.log.lastTerm());
      this.options.observer.persist?.(this.id, from, entries, this.node.role, nowMs);
    }
    // Reported after the log is on disk, so a commit names stored entries.
    const soft = this.readSoft();
    if (!sameSoft(soft, this.soft)) {
      this.soft = soft;
      this.hash
        .add(Ev.State)
        .add(nowMs)
        .add(ROLE_CODE[soft.role])
        .add(soft.term)
        .add(soft.votedFor ?? 0)
        .add(soft.commitIndex);
      this.options.observer.state?.(this.id, soft, nowMs);
    }
    // 2. Send.
    for (const message of ready.messages) {
      const outcome = this.link(message.to).send(message, nowMs);
      if (outcome.dropped) {
        this.dropped(message.to, message, outcome.dropped, true, nowMs);
        continue;
      }
      for (const e of outcome.envelopes) {
        this.hash
          .add(Ev.Send)
          .add(nowMs)
          .add(e.to)
          .add(MESSAGE_CODE[message.type])
          .add(message.term)
          .add(e.deliverAt);
        this.options.observer.send?.(e);
        this.out.push(e);
      }
    }
    // 3. Apply, and answer the clients whose writes these are.
    for (const entry of ready.committed) {
      const result = isNoop(entry.command)
        ? null
        : applyCommand(this.service, entry.command, entry.index);
      this.hash.add(Ev.Apply).add(nowMs).add(entry.index).add(entry.term);
      this.options.observer.apply?.(this.id, entry, result, nowMs);
      const pending = this.pendingWrites.get(entry.index);
      if (!pending || !result) continue;
      this.pendingWrites.delete(entry.index);
      const requestId = pending.request.requestId;
      if (entry.term === pending.term)
        this.reply({ requestId, from: this.id, kind: 'response', response: result }, nowMs);
      else
        this.reply(
          {
            requestId,
            from: this.id,
            kind: 'unknown',
            reason: `another leader's entry replaced it at index ${entry.index}`,
          },
          nowMs,
        );
    }
    // 4. Reads (dissertation §6.4): confirmed ones are served once applied up to their index.
    for (const ctx of ready.failedReads) {
      const request = this.pendingReads.get(ctx);
      this.pendingReads.delete(ctx);
      if (request) this.redirect(request, nowMs);
    }
    for (const { ctx, index, lease } of ready.readStates) {
      const request = this.pendingReads.get(ctx);
      this.pendingReads.delete(ctx);
      if (request) this.readyReads.push({ index, request, lease: lease === true });
    }
    if (this.readyReads.length > 0) this.serveReads(nowMs);
    if (soft.role !== 'leader' && this.pendingWrites.size > 0) this.abandonWrites(nowMs);
    this.maybeCompact(nowMs);
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

  private serveReads(nowMs: number): void {
    const waiting: typeof this.readyReads = [];
    for (const r of this.readyReads) {
      if (r.index > this.node.lastApplied) {
        waiting.push(r);
        continue;
      }
      const command = r.request.command;
      if (command.kind !== 'getState') continue;
      this.reply(
        {
          requestId: r.request.requestId,
          from: this.id,
          kind: 'response',
          response: readState(this.service, command.user),
          ...(r.lease && { lease: true as const }),
        },
        nowMs,
      );
    }
    this.readyReads = waiting;
  }

  /** A leader that steps down cannot know whether its pending writes will commit. */
  private abandonWrites(nowMs: number): void {
    for (const { request } of this.pendingWrites.values()) {
      this.reply(
        {
          requestId: request.requestId,
          from: this.id,
          kind: 'unknown',
          reason: `S${this.id} stopped being the leader before the write committed`,
        },
        nowMs,
      );
    }
    this.pendingWrites.clear();
  }

  private redirect(request: ClientRequest, nowMs: number): void {
    const hint = this.node.leaderId === this.id ? null : this.node.leaderId;
    this.reply(
      { requestId: request.requestId, from: this.id, kind: 'redirect', leaderHint: hint },
      nowMs,
    );
  }

  private reply(reply: ClientReply, nowMs: number): void {
    this.hash.add(Ev.Reply).add(nowMs).add(reply.requestId).add(REPLY_CODE[reply.kind]);
    this.options.observer.reply?.(this.id, reply, nowMs);
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
  changeMembership(
    change: MembershipChange,
    nowMs: number,
  ): { index: number; term: number } | string {
    const result = this.node.changeMembership(change, this.local(nowMs));
    this.handleReady(nowMs);
    return result;
  }

  private dropped(
    peer: NodeId,
    message: Message,
    reason: DropReason,
    atSender: boolean,
    nowMs: number,
    envelope?: Envelope,
  ): void {
    this.hash
      .add(Ev.Drop)
      .add(nowMs)
      .add(peer)
      .add(MESSAGE_CODE[message.type])
      .add(DROP_CODE[reason]);
    this.options.observer.drop?.(message, reason, atSender, nowMs, envelope);
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

function sameSoft(a: SoftState, b: SoftState): boolean {
  return (
    a.role === b.role &&
    a.term === b.term &&
    a.votedFor === b.votedFor &&
    a.commitIndex === b.commitIndex &&
    a.leaderId === b.leaderId
  );
}
