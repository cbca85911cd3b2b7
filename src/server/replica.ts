/**
 * One server of the real cluster: the same RaftNode (src/raft) and the same
 * service state machine (src/app) as the playground, driven by real timers,
 * a real disk (wal.ts) and real sockets (transport.ts).
 *
 * Every input goes through one loop: step the node, then drain its Ready in
 * the order Ready prescribes (persist and fsync, then send, then apply).
 * Drains are batched: many messages that arrive together cost one fsync.
 */
import { randomInt } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  applyCommand,
  restoreServiceState,
  snapshotServiceState,
  stampCommand,
  type ClientCommand,
  type ServiceResponse,
  type ServiceState,
  createServiceState,
} from '../app';
import {
  RaftNode,
  isNoop,
  type Message,
  type NodeId,
  type RaftConfig,
  type Snapshot,
} from '../raft';
import { Wal } from './wal';

/**
 * Present while the server catches up after a repair of its disk (the
 * core's `catchingUp`: no votes until it holds what the leader committed),
 * so a crash before it has caught up does not forget that it must.
 */
const CATCHING_UP_FILE = 'catching-up';

export type RaftTiming = Omit<RaftConfig, 'id' | 'peers' | 'randomInt'>;

export interface ReplicaOptions {
  readonly id: NodeId;
  /** Every voter of the bootstrap configuration, this server included. */
  readonly peers: readonly NodeId[];
  readonly dir: string;
  readonly raft: RaftTiming;
  /** Take a snapshot every this many applied entries (Raft §7); 0: never. */
  readonly snapshotEvery: number;
  /** How long a client request may wait for its entry or its read, in ms. */
  readonly requestTimeoutMs: number;
  readonly send: (m: Message) => void;
  /** One line per event a person needs (elected, stepped down, repaired, snapshot). */
  readonly log: (line: string) => void;
}

/** How a request ended: the state machine's answer, or why there is none. */
export type Outcome<T> =
  | { readonly kind: 'done'; readonly value: T }
  /** Not the leader: ask `leaderId` (null when no leader is known). */
  | { readonly kind: 'not-leader'; readonly leaderId: NodeId | null }
  /** It may or may not take effect: retry with the same request number. */
  | { readonly kind: 'unknown'; readonly reason: string };

interface Waiter<T> {
  resolve(outcome: Outcome<T>): void;
  timer: NodeJS.Timeout;
}

export class Replica {
  readonly node: RaftNode;
  private wal: Wal;
  private serviceState: ServiceState = createServiceState();
  private readonly options: ReplicaOptions;
  /** Writes proposed here, by log index, with the term they were proposed in. */
  private readonly pendingWrites = new Map<number, { term: number } & Waiter<ServiceResponse>>();
  /** ReadIndex rounds under way (dissertation §6.4), by ctx. */
  private readonly pendingReads = new Map<number, Waiter<void>>();
  /** Reads confirmed at an index, waiting for lastApplied to reach it. */
  private readyReads: { index: number; waiter: Waiter<void> }[] = [];
  private nextReadCtx = 1;
  private drainQueued = false;
  private timer: NodeJS.Timeout | null = null;
  private lastRole: string;
  private lastLeader: NodeId | null = null;
  private stopped = false;
  private readonly catchingUpPath: string;
  /** The file at catchingUpPath exists. */
  private catchingUpOnDisk: boolean;

  constructor(options: ReplicaOptions) {
    this.options = options;
    const { wal, recovered } = Wal.open(options.dir);
    this.wal = wal;
    if (recovered.repaired) options.log(recovered.repaired);
    // A cut-off tail may have held fsynced records this server acknowledged:
    // it cannot tell a torn write from a lost one, so it catches up either way.
    this.catchingUpPath = join(options.dir, CATCHING_UP_FILE);
    if (recovered.repaired) {
      const fd = openSync(this.catchingUpPath, 'w');
      fsyncSync(fd);
      closeSync(fd);
    }
    const catchingUp = existsSync(this.catchingUpPath);
    this.catchingUpOnDisk = catchingUp;
    if (catchingUp)
      options.log('catching up: grants no vote until it holds what the leader has committed');
    this.node = new RaftNode(
      {
        ...options.raft,
        id: options.id,
        peers: options.peers,
        // A real server draws its election timeouts from the OS (Raft §5.2).
        randomInt: (lo, hi) => randomInt(lo, hi + 1),
      },
      { ...recovered, catchingUp },
      this.now(),
    );
    if (recovered.snapshot) this.restore(recovered.snapshot);
    this.lastRole = this.node.role;
    options.log(
      `started in term ${recovered.hardState.currentTerm} with entries up to ` +
        `${this.node.log.lastIndex()} (snapshot at ${this.node.log.snapshotIndex})`,
    );
    this.armTimer();
  }

  get service(): ServiceState {
    return this.serviceState;
  }

  /** A message from another server. */
  receive(m: Message): void {
    if (this.stopped) return;
    this.node.step(m, this.now());
    this.queueDrain();
  }

  /**
   * Proposes a client's command, stamped with this leader's wall clock
   * (dissertation §6.3: session expiry is decided from time in the log).
   */
  propose(command: ClientCommand): Promise<Outcome<ServiceResponse>> {
    const at = this.node.propose(stampCommand(command, Date.now()), this.now());
    if (!at) return Promise.resolve({ kind: 'not-leader', leaderId: this.node.leaderId });
    return new Promise((resolve) => {
      this.pendingWrites.set(at.index, {
        term: at.term,
        ...this.waiter(resolve, () => this.pendingWrites.delete(at.index)),
      });
      this.queueDrain();
    });
  }

  /**
   * A linearizable read (dissertation §6.4, ReadIndex): resolves once this
   * leader has confirmed it still leads and has applied every entry
   * committed when the read arrived. Then the applied state answers it.
   */
  readIndex(): Promise<Outcome<void>> {
    const ctx = this.nextReadCtx++;
    if (!this.node.readIndex(ctx, this.now()))
      return Promise.resolve({ kind: 'not-leader', leaderId: this.node.leaderId });
    return new Promise((resolve) => {
      this.pendingReads.set(
        ctx,
        this.waiter(resolve, () => this.pendingReads.delete(ctx)),
      );
      this.queueDrain();
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const w of [...this.pendingWrites.values(), ...this.pendingReads.values()])
      w.resolve({ kind: 'unknown', reason: 'the server is shutting down' });
    this.wal.close();
  }

  private waiter<T>(resolve: (o: Outcome<T>) => void, forget: () => void): Waiter<T> {
    const timer = setTimeout(() => {
      forget();
      resolve({
        kind: 'unknown',
        reason: `no answer within ${this.options.requestTimeoutMs} ms (no majority reachable?)`,
      });
    }, this.options.requestTimeoutMs);
    return {
      timer,
      resolve: (o) => {
        clearTimeout(timer);
        resolve(o);
      },
    };
  }

  /** Monotonic ms for the node's timers; the wall clock is only for log stamps. */
  private now(): number {
    return performance.now();
  }

  private queueDrain(): void {
    if (this.drainQueued) return;
    this.drainQueued = true;
    setImmediate(() => {
      this.drainQueued = false;
      if (!this.stopped) this.drain();
    });
  }

  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    const delayMs = Math.max(0, this.node.nextDeadline() - this.now());
    this.timer = setTimeout(() => {
      this.node.tick(this.now());
      this.drain();
    }, delayMs);
  }

  private drain(): void {
    const ready = this.node.takeReady();
    // 1. Persist, fsynced, before anything that depends on it leaves (Raft Figure 2).
    if (ready.snapshot) {
      const { install, ...snapshot } = ready.snapshot;
      const log = this.node.log;
      this.wal.saveSnapshot(
        snapshot,
        { currentTerm: this.node.currentTerm, votedFor: this.node.votedFor },
        log.slice(log.snapshotIndex + 1, log.lastIndex() + 1),
      );
      this.options.log(
        install
          ? `installed the leader's snapshot up to entry ${snapshot.index}`
          : `took a snapshot up to entry ${snapshot.index}`,
      );
      // Raft §7: a snapshot from the leader replaces the state machine.
      if (install) this.restore(snapshot);
    } else {
      this.wal.append(ready.hardState, ready.entries);
    }
    // 2. Send.
    for (const m of ready.messages) this.options.send(m);
    // 3. Apply, and answer the writes proposed here.
    for (const entry of ready.committed) {
      const response = isNoop(entry.command)
        ? null
        : applyCommand(this.serviceState, entry.command, entry.index);
      const pending = this.pendingWrites.get(entry.index);
      if (!pending || !response) continue;
      this.pendingWrites.delete(entry.index);
      pending.resolve(
        entry.term === pending.term
          ? { kind: 'done', value: response }
          : { kind: 'unknown', reason: `another leader's entry replaced it at ${entry.index}` },
      );
    }
    // 4. Reads (dissertation §6.4).
    for (const ctx of ready.failedReads) {
      this.pendingReads.get(ctx)?.resolve({ kind: 'not-leader', leaderId: this.node.leaderId });
      this.pendingReads.delete(ctx);
    }
    for (const { ctx, index } of ready.readStates) {
      const waiter = this.pendingReads.get(ctx);
      this.pendingReads.delete(ctx);
      if (waiter) this.readyReads.push({ index, waiter });
    }
    const applied = this.node.lastApplied;
    this.readyReads = this.readyReads.filter((r) => {
      if (r.index > applied) return true;
      r.waiter.resolve({ kind: 'done', value: undefined });
      return false;
    });
    this.noteRole();
    if (this.catchingUpOnDisk && !this.node.catchingUp) {
      this.catchingUpOnDisk = false;
      rmSync(this.catchingUpPath);
      this.options.log(`caught up with S${this.node.leaderId ?? '?'}'s log: votes again`);
    }
    this.maybeCompact();
    this.armTimer();
  }

  /** One log line per change of role or leader, and abandoned writes on losing leadership. */
  private noteRole(): void {
    const { role, leaderId, currentTerm } = this.node;
    if (role !== this.lastRole) {
      if (role === 'leader') this.options.log(`elected leader in term ${currentTerm}`);
      else if (this.lastRole === 'leader')
        this.options.log(`stepped down in term ${currentTerm}, now ${role}`);
      if (this.lastRole === 'leader') {
        // The entries may still commit under the next leader: the client retries with
        // the same request number and the session answers it once (dissertation §6.3).
        for (const [index, w] of this.pendingWrites)
          w.resolve({ kind: 'unknown', reason: `leadership lost before entry ${index} committed` });
        this.pendingWrites.clear();
      }
      this.lastRole = role;
    }
    if (leaderId !== this.lastLeader && leaderId !== null && leaderId !== this.options.id)
      this.options.log(`follows S${leaderId} in term ${currentTerm}`);
    this.lastLeader = leaderId;
  }

  /** Log compaction (Raft §7): snapshot once the log since the last one is long enough. */
  private maybeCompact(): void {
    const every = this.options.snapshotEvery;
    const applied = this.node.lastApplied;
    if (!(every > 0) || applied - this.node.log.snapshotIndex < every) return;
    this.node.compact(applied, snapshotServiceState(this.serviceState));
    this.drain();
  }

  private restore(snapshot: Snapshot): void {
    const restored = restoreServiceState(snapshot.data);
    if (!restored.ok)
      throw new Error(`the snapshot at ${snapshot.index} is unreadable: ${restored.error}`);
    this.serviceState = restored.state;
  }
}
