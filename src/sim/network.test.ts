import { describe, expect, it } from 'vitest';
import type { Message } from '../raft';
import { appendEntries } from '../raft/testing';
import { LinkEnd, NetworkState, deliveryOrder, type Envelope } from './network';
import { Prng } from './prng';

const heartbeat: Message = appendEntries({ from: 1, to: 2 });

function link(network: NetworkState, seed = 1): LinkEnd {
  return new LinkEnd(1, 2, 0, Prng.derive(seed, 'link', 1, 2, 0), network);
}

/** One send: why it was lost (or null), and the envelopes it put on the wire. */
function sendOne(end: LinkEnd, nowMs: number) {
  const envelopes: Envelope[] = [];
  const dropped = end.send(heartbeat, nowMs, envelopes);
  return { dropped, envelopes };
}

describe('link ends', () => {
  it('stamp each message with a delivery time in the latency range and a sequence number', () => {
    const network = new NetworkState([10, 20]);
    const end = link(network);
    const sent = Array.from({ length: 200 }, () => sendOne(end, 100).envelopes[0]!);
    expect(sent.every((e) => e.deliverAt >= 110 && e.deliverAt <= 120)).toBe(true);
    expect(sent.map((e) => e.seq)).toEqual(sent.map((_, k) => k));
    expect(new Set(sent.map((e) => e.deliverAt)).size).toBeGreaterThan(5);
  });

  it('drop everything on a link cut in their direction, and nothing on the reverse cut', () => {
    const network = new NetworkState([10, 20]);
    network.setUp(1, 2, false);
    expect(sendOne(link(network), 0)).toEqual({ dropped: 'cut', envelopes: [] });
    network.setUp(1, 2, true);
    network.setUp(2, 1, false);
    expect(sendOne(link(network), 0).dropped).toBeNull();
  });

  it('drop and duplicate at about the configured rates', () => {
    const network = new NetworkState([1, 5]);
    network.dropRate = 0.2;
    network.duplicateRate = 0.1;
    const end = link(network);
    let dropped = 0;
    let duplicated = 0;
    for (let k = 0; k < 10_000; k++) {
      const out = sendOne(end, 0);
      if (out.dropped) dropped++;
      else if (out.envelopes.length === 2) duplicated++;
    }
    expect(dropped / 10_000).toBeCloseTo(0.2, 1);
    expect(duplicated / 8_000).toBeCloseTo(0.1, 1);
  });

  it('draw the same number of values whatever the rates, so a rate change shifts no later draw', () => {
    const calm = new NetworkState([10, 20]);
    const stormy = new NetworkState([10, 20]);
    stormy.dropRate = 0.5;
    const a = link(calm, 7);
    const b = link(stormy, 7);
    for (let k = 0; k < 50; k++) sendOne(b, 0);
    for (let k = 0; k < 50; k++) sendOne(a, 0);
    stormy.dropRate = 0;
    expect(sendOne(b, 0).envelopes[0]?.deliverAt).toBe(sendOne(a, 0).envelopes[0]?.deliverAt);
  });

  it('deliver in (time, sender, incarnation, sequence) order', () => {
    const e = (deliverAt: number, from: number, incarnation: number, seq: number) =>
      ({ deliverAt, from, incarnation, seq }) as Envelope;
    const sorted = [e(5, 2, 0, 0), e(5, 1, 1, 0), e(4, 3, 0, 9), e(5, 1, 0, 3), e(5, 1, 0, 2)].sort(
      (x, y) => (deliveryOrder(x, y) ? -1 : 1),
    );
    expect(sorted.map((x) => [x.deliverAt, x.from, x.incarnation, x.seq])).toEqual([
      [4, 3, 0, 9],
      [5, 1, 0, 2],
      [5, 1, 0, 3],
      [5, 1, 1, 0],
      [5, 2, 0, 0],
    ]);
  });
});
