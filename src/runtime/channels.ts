import type { NodeId } from '../raft';
import type { Expectation } from './protocol';

/**
 * One direction of a link between two node incarnations, counted in batches
 * (see worker-core.ts): what the sender reported sending, what the receiver
 * has been told to wait for, and the earliest delivery in each batch after
 * that. A window needs only the batches holding something due in it.
 */
interface Channel {
  readonly from: NodeId;
  readonly fromInc: number;
  /** Batches the receiver has been told to wait for. */
  required: number;
  /** The earliest deliverAt in each batch after `required`, in order. */
  later: number[];
}

/** One node incarnation's ends of its links, as the coordinator counts them. */
export class LinkEnds {
  /** Channels from this incarnation, by peer. */
  private readonly outbound = new Map<NodeId, Channel>();
  /** Channels into this incarnation. */
  private inbound: Channel[] = [];

  constructor(
    readonly id: NodeId,
    readonly incarnation: number,
  ) {}

  /** A channel from this incarnation to `to`'s, as a new port pair links them. */
  linkTo(to: LinkEnds): void {
    const ch: Channel = { from: this.id, fromInc: this.incarnation, required: 0, later: [] };
    this.outbound.set(to.id, ch);
    to.inbound.push(ch);
  }

  /** Takes in a report's batches: peer -> the earliest deliverAt in the batch sent to it. */
  sent(batches: Readonly<Record<NodeId, number>>): void {
    for (const key in batches) this.outbound.get(Number(key))?.later.push(batches[Number(key)]!);
  }

  /** `from` has stopped and this end has taken in all it sent: nothing more is awaited from it. */
  forget(from: NodeId): void {
    this.inbound = this.inbound.filter((ch) => ch.from !== from);
  }

  /**
   * The batches this node must have received before it runs to `untilMs`: on
   * each channel, up to the last one holding anything due by then (a port
   * delivers in order). From now on it is told to wait for them.
   */
  expectation(untilMs: number): Expectation {
    const expect: Record<NodeId, Record<number, number>> = {};
    for (const ch of this.inbound) {
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

  /** The earliest delivery in a batch the node has not had to wait for yet, or `t` if sooner. */
  dueBefore(t: number): number {
    for (const ch of this.inbound) for (const at of ch.later) if (at < t) t = at;
    return t;
  }
}
