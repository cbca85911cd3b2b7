import type { NodeId } from '../raft';
import { Hash64 } from '../check/hash';
import { NodeHost, type Disk, type HostObserver } from '../sim/host';
import { NetworkState, type Envelope } from '../sim/network';
import { clockRate, initialDisk, raftTiming } from '../sim/options';
import type { OpenDisk, DiskStore } from './disk';
import type {
  Expectation,
  FromWorker,
  LinkBatch,
  Telemetry,
  ToWorker,
  WindowReport,
} from './protocol';

/** Posts to the coordinator. */
export type PostToCoordinator = (message: FromWorker) => void;

interface PeerLink {
  port: MessagePort;
  /** Envelopes posted on this port. */
  sent: number;
}

/**
 * The body of a node's Worker, free of any Worker global so Node tests can
 * run it over Node's own MessageChannel. Commands from the coordinator run
 * one at a time, in order.
 */
export class WorkerNode {
  private host: NodeHost | null = null;
  private disk: DiskStore | null = null;
  private readonly network = new NetworkState([1, 1]);
  private readonly links = new Map<NodeId, PeerLink>();
  /** Every port ever connected, to close them all at the end. */
  private readonly ports: MessagePort[] = [];
  /** from -> sender incarnation -> envelopes received. */
  private readonly received = new Map<NodeId, Map<number, number>>();
  private waiting: { expect: Expectation; resolve: () => void } | null = null;
  private telemetry: Telemetry[] = [];
  private hash = new Hash64(0);
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly post: PostToCoordinator,
    private readonly openDisk: OpenDisk,
  ) {}

  /** Takes a command from the coordinator; commands are handled strictly in order. */
  accept(message: ToWorker): void {
    this.queue = this.queue
      .then(() => this.handle(message))
      .catch((error: unknown) => {
        this.post({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
      });
  }

  /** Closes every port and the disk: a worker that stops leaks nothing. */
  close(): void {
    for (const port of this.ports) port.close();
    this.disk?.close();
  }

  private async handle(m: ToWorker): Promise<void> {
    switch (m.kind) {
      case 'init':
        await this.init(m);
        this.post({ kind: 'started', report: this.report(new Map()) });
        return;
      case 'connect':
        this.connect(m.peer, m.port);
        return;
      case 'sync':
        await this.arrived(m.expect);
        this.post({ kind: 'done', report: this.report(new Map()) });
        return;
      case 'run': {
        const host = this.requireHost();
        this.network.load(m.network);
        await this.arrived(m.expect);
        const out: Envelope[] = [];
        for (let t = host.nextDueAt(); t <= m.untilMs; t = host.nextDueAt()) {
          for (const e of host.runInstant(t)) out.push(e);
        }
        this.post({ kind: 'done', report: await this.send(out) });
        return;
      }
      case 'input': {
        const host = this.requireHost();
        this.network.load(m.network);
        await this.arrived(m.expect);
        let result: { index: number; term: number } | null = null;
        if (m.action.kind === 'propose') result = host.propose(m.action.command, m.nowMs);
        else if (m.action.kind === 'client') host.clientRequest(m.action.request, m.nowMs);
        else if (m.action.kind === 'transferLeadership')
          host.transferLeadership(m.action.target, m.nowMs);
        else host.timeoutNow(m.nowMs);
        this.post({ kind: 'done', report: await this.send(host.takeOut()), result });
        return;
      }
    }
  }

  private async init(m: Extract<ToWorker, { kind: 'init' }>): Promise<void> {
    this.network.load(m.network);
    this.disk = this.openDisk(m.diskName);
    const stored = await this.disk.load();
    if (!stored && m.incarnation > 0)
      throw new Error(`S${m.id} restarted but its disk (${m.diskName}) is empty`);
    const disk: Disk = stored ?? initialDisk(m.options, m.id);
    if (!stored) this.disk.write(disk.hardState, 1, disk.log);
    await this.disk.flush();
    this.hash = new Hash64(m.id);
    const observer: HostObserver = {
      send: (e) => this.telemetry.push({ k: 'send', e }),
      deliver: (e, at) => this.telemetry.push({ k: 'deliver', e, at }),
      drop: (message, reason, atSender, at) =>
        this.telemetry.push({
          k: 'drop',
          from: message.from,
          to: message.to,
          type: message.type,
          reason,
          atSender,
          at,
        }),
      state: (_id, s, at) => this.telemetry.push({ k: 'state', at, ...s }),
      persist: (_id, from, entries, role, at) =>
        this.telemetry.push({ k: 'persist', at, from, entries, role }),
      apply: (_id, entry, result, at) => this.telemetry.push({ k: 'apply', at, entry, result }),
      request: (_id, request, at) => this.telemetry.push({ k: 'request', at, request }),
      reply: (_id, reply, at) => this.telemetry.push({ k: 'reply', at, reply }),
    };
    this.host = new NodeHost(
      {
        id: m.id,
        peers: m.peers,
        seed: m.options.seed,
        incarnation: m.incarnation,
        raft: raftTiming(m.options),
        clockRate: clockRate(m.options, m.id),
        snapshotEvery: m.options.snapshotEvery,
        network: this.network,
        observer,
      },
      disk,
      m.nowMs,
      this.hash,
    );
  }

  private connect(peer: NodeId, port: MessagePort): void {
    this.ports.push(port);
    // A new port to `peer` replaces the one to its previous incarnation for
    // sending; the old one keeps delivering what that incarnation sent.
    this.links.set(peer, { port, sent: 0 });
    port.onmessage = (event: MessageEvent<LinkBatch>) => this.receive(event.data);
  }

  private receive(batch: LinkBatch): void {
    const host = this.requireHost();
    for (const e of batch) {
      host.receive(e);
      const byIncarnation = this.received.get(e.from) ?? new Map<number, number>();
      byIncarnation.set(e.incarnation, (byIncarnation.get(e.incarnation) ?? 0) + 1);
      this.received.set(e.from, byIncarnation);
    }
    if (this.waiting && this.satisfied(this.waiting.expect)) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve();
    }
  }

  /** Resolves once every envelope the coordinator knows was sent to us has arrived. */
  private arrived(expect: Expectation): Promise<void> {
    if (this.satisfied(expect)) return Promise.resolve();
    return new Promise((resolve) => (this.waiting = { expect, resolve }));
  }

  private satisfied(expect: Expectation): boolean {
    for (const [from, byIncarnation] of Object.entries(expect)) {
      const got = this.received.get(Number(from));
      for (const [incarnation, count] of Object.entries(byIncarnation)) {
        if ((got?.get(Number(incarnation)) ?? 0) < count) return false;
      }
    }
    return true;
  }

  /** Makes the window's writes durable, then posts its envelopes: persist before send. */
  private async send(out: readonly Envelope[]): Promise<WindowReport> {
    const host = this.requireHost();
    const disk = this.disk;
    if (disk) {
      for (const t of this.telemetry)
        if (t.k === 'persist') disk.write(host.disk.hardState, t.from, t.entries);
      disk.write(host.disk.hardState, null, []);
      await disk.flush();
    }
    const batches = new Map<NodeId, Envelope[]>();
    for (const e of out) {
      const batch = batches.get(e.to) ?? [];
      batch.push(e);
      batches.set(e.to, batch);
    }
    const earliest = new Map<NodeId, number>();
    for (const [to, batch] of batches) {
      const link = this.links.get(to);
      if (!link) throw new Error(`S${host.id} has no port to S${to}`);
      link.port.postMessage(batch);
      link.sent += batch.length;
      earliest.set(to, Math.min(...batch.map((e) => e.deliverAt)));
    }
    return this.report(earliest);
  }

  private report(earliest: Map<NodeId, number>): WindowReport {
    const host = this.requireHost();
    const sentTotal: Record<NodeId, number> = {};
    for (const [peer, link] of this.links) sentTotal[peer] = link.sent;
    const telemetry = this.telemetry;
    this.telemetry = [];
    return {
      nextDueAt: host.nextDueAt(),
      sentTotal,
      earliestSent: Object.fromEntries(earliest),
      traceHash: this.hash.hex(),
      telemetry,
    };
  }

  private requireHost(): NodeHost {
    if (!this.host) throw new Error('the node has not started');
    return this.host;
  }
}
