import type { Message, NodeId } from '../raft';
import type { Prng } from './prng';

/** A message on the wire. Receivers deliver in (deliverAt, from, incarnation, seq) order. */
export interface Envelope {
  readonly message: Message;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly sentAt: number;
  readonly deliverAt: number;
  /** The sender's incarnation: sequence numbers restart when a node does. */
  readonly incarnation: number;
  /** Per link and incarnation, from 0. */
  readonly seq: number;
  readonly duplicate: boolean;
}

export type DropReason = 'cut' | 'loss' | 'down';

export function deliveryOrder(x: Envelope, y: Envelope): boolean {
  if (x.deliverAt !== y.deliverAt) return x.deliverAt < y.deliverAt;
  if (x.from !== y.from) return x.from < y.from;
  if (x.incarnation !== y.incarnation) return x.incarnation < y.incarnation;
  return x.seq < y.seq;
}

/**
 * The fault state of the network, as each link end sees it. The headless
 * cluster shares one; in the browser the coordinator keeps every worker's
 * copy up to date between instants.
 */
export class NetworkState {
  dropRate = 0;
  duplicateRate = 0;
  latencyMs: readonly [number, number];
  private readonly down = new Set<number>();
  private readonly crashed = new Set<NodeId>();

  constructor(latencyMs: readonly [number, number]) {
    this.latencyMs = latencyMs;
  }

  isUp(from: NodeId, to: NodeId): boolean {
    return !this.down.has(from * 64 + to);
  }

  setUp(from: NodeId, to: NodeId, up: boolean): void {
    if (up) this.down.delete(from * 64 + to);
    else this.down.add(from * 64 + to);
  }

  healAll(): void {
    this.down.clear();
  }

  isAlive(id: NodeId): boolean {
    return !this.crashed.has(id);
  }

  setAlive(id: NodeId, alive: boolean): void {
    if (alive) this.crashed.delete(id);
    else this.crashed.add(id);
  }

  /** The links that are cut, as [from, to] pairs. */
  cutLinks(): [NodeId, NodeId][] {
    return [...this.down].sort((a, b) => a - b).map((k) => [Math.floor(k / 64), k % 64]);
  }

  /** Plain data, to copy the fault state into a Worker. */
  snapshot(): NetworkSnapshot {
    return {
      dropRate: this.dropRate,
      duplicateRate: this.duplicateRate,
      latencyMs: this.latencyMs,
      cut: this.cutLinks(),
      crashed: [...this.crashed].sort((a, b) => a - b),
    };
  }

  load(s: NetworkSnapshot): void {
    this.dropRate = s.dropRate;
    this.duplicateRate = s.duplicateRate;
    this.latencyMs = s.latencyMs;
    this.down.clear();
    for (const [from, to] of s.cut) this.setUp(from, to, false);
    this.crashed.clear();
    for (const id of s.crashed) this.crashed.add(id);
  }
}

export interface NetworkSnapshot {
  readonly dropRate: number;
  readonly duplicateRate: number;
  readonly latencyMs: readonly [number, number];
  readonly cut: readonly (readonly [NodeId, NodeId])[];
  readonly crashed: readonly NodeId[];
}

/**
 * The sending end of the link from one node to another. It draws a fixed
 * number of values per message from the link's own stream, whatever the
 * fault rates, so changing a rate mid-run shifts no later draw.
 */
export class LinkEnd {
  private seq = 0;

  constructor(
    readonly from: NodeId,
    readonly to: NodeId,
    private readonly incarnation: number,
    private readonly prng: Prng,
    private readonly network: NetworkState,
  ) {}

  /**
   * Puts `message` on the wire: appends to `out` the envelopes that will
   * arrive (none, one, or two when duplicated) and returns why it was lost,
   * or null.
   */
  send(message: Message, nowMs: number, out: Envelope[]): DropReason | null {
    const lossDraw = this.prng.next();
    const duplicateDraw = this.prng.next();
    const [lo, hi] = this.network.latencyMs;
    const latency = this.prng.int(lo, hi);
    const duplicateLatency = this.prng.int(lo, hi);
    if (!this.network.isUp(this.from, this.to)) return 'cut';
    if (!this.network.isAlive(this.to)) return 'down';
    if (lossDraw < this.network.dropRate) return 'loss';
    out.push(this.envelope(message, nowMs, nowMs + latency, false));
    if (duplicateDraw < this.network.duplicateRate)
      out.push(this.envelope(message, nowMs, nowMs + duplicateLatency, true));
    return null;
  }

  private envelope(
    message: Message,
    sentAt: number,
    deliverAt: number,
    duplicate: boolean,
  ): Envelope {
    return {
      message,
      from: this.from,
      to: this.to,
      sentAt,
      deliverAt,
      incarnation: this.incarnation,
      seq: this.seq++,
      duplicate,
    };
  }
}
