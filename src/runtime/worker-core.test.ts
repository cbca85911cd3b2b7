import { afterEach, describe, expect, it } from 'vitest';
import type { Disk } from '../sim/host';
import { NetworkState, type Envelope } from '../sim/network';
import { resolveOptions } from '../sim/options';
import { MemoryDiskStore } from './disk';
import type { FromWorker, ToWorker } from './protocol';
import { WorkerNode } from './worker-core';
import { decode, encode } from './wire';

// The worker body over Node's own MessageChannel: it must not run a window
// before every envelope the coordinator counted has arrived on its ports.

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function startWorker(id: number) {
  const replies: FromWorker[] = [];
  const disks = new Map<string, Disk>();
  const node = new WorkerNode(
    (m) => replies.push(decode(m)),
    (name) => new MemoryDiskStore(name, disks),
  );
  const options = resolveOptions({ nodes: 2, seed: 1 });
  const network = new NetworkState(options.latencyMs).snapshot();
  const send = (m: ToWorker) => node.accept(m);
  send({
    kind: 'init',
    id,
    peers: [1, 2],
    incarnation: 0,
    options,
    network,
    diskName: `S${id}`,
    nowMs: 0,
  });
  return { node, replies, send, network, disks };
}

/** Lets queued messages be handled: a few turns of the event loop, no wall-clock wait. */
async function settle(turns = 20): Promise<void> {
  for (let k = 0; k < turns; k++) await new Promise((resolve) => setImmediate(resolve));
}

describe('the worker body', () => {
  it('waits for the counted envelopes before it runs a window, then runs them in order', async () => {
    const w = startWorker(2);
    const { port1: peerEnd, port2: workerEnd } = new MessageChannel();
    open.push(peerEnd, workerEnd);
    w.send({ kind: 'connect', peer: 1, port: workerEnd });
    await settle();
    expect(w.replies.map((r) => r.kind)).toEqual(['started']);
    // The coordinator says one batch from S1 (incarnation 0) must have arrived.
    w.send({ kind: 'run', untilMs: 15, expect: { 1: { 0: 1 } }, network: w.network });
    await settle();
    expect(w.replies).toHaveLength(1); // still waiting
    const vote: Envelope = {
      message: {
        type: 'RequestVote',
        from: 1,
        to: 2,
        term: 1,
        lastLogIndex: 0,
        lastLogTerm: 0,
        preVote: false,
        transfer: false,
      },
      from: 1,
      to: 2,
      sentAt: 0,
      deliverAt: 12,
      incarnation: 0,
      seq: 0,
      duplicate: false,
    };
    peerEnd.postMessage(encode({ from: 1, incarnation: 0, envelopes: [vote] }));
    await settle();
    const done = w.replies[1];
    expect(done?.kind).toBe('done');
    if (done?.kind !== 'done') return;
    expect(done.report.telemetry.some((t) => t.kind === 'deliver')).toBe(true);
    // Its vote goes back on the port in one batch, due 10 ms on at the earliest.
    expect(done.report.batches[1]).toBeGreaterThanOrEqual(vote.deliverAt + 10);
    expect(w.disks.get('S2')?.hardState).toEqual({ currentTerm: 1, votedFor: 1 }); // persisted before sending
  });

  it('reports an error instead of throwing when asked to run before it started', async () => {
    const replies: FromWorker[] = [];
    const node = new WorkerNode(
      (m) => replies.push(decode(m)),
      (name) => new MemoryDiskStore(name, new Map()),
    );
    node.accept({
      kind: 'run',
      untilMs: 1,
      expect: {},
      network: new NetworkState([1, 1]).snapshot(),
    });
    await settle();
    expect(replies).toEqual([{ kind: 'error', message: 'the node has not started' }]);
  });
});
