import type { NodeId } from '../raft';
import type { NodeEvent } from '../sim/events';
import { NodeHost, type Disk } from '../sim/host';
import { NetworkState, type Envelope } from '../sim/network';
import { hostConfig, initialDisk } from '../sim/options';
import type { OpenDisk, DiskStore } from './disk';
import { decode, encode, type Wire } from './wire';
import type { Expectation, FromWorker, LinkBatch, ToWorker, WindowReport } from './protocol';

/** Posts to the coordinator, as JSON text (wire.ts). */
export type PostToCoordinator = (message: Wire<FromWorker>) => void;

/**
 * The body of a node's Worker, free of any Worker global so Node tests can
 * run it over Node's own MessageChannel. Commands from the coordinator run
 * one at a time, in order.
 *
 * Persist before send, without waiting for the commit. A command's writes
 * (term, vote, log, snapshot) go to the disk before any of its envelopes is
 * posted: the disk puts them in its next transaction, which it starts up to
 * 50 ms later (at once when a crash or a start waits for it), after the one
 * committing, with whatever else was written meanwhile (group commit,
 * idb-disk.ts); IndexedDB commits one connection's
 * transactions in the order they were made, so the disk always holds a
 * prefix of the writes. The envelopes and the report leave at once. That is
 * safe because nothing in a run can see a write commit late:
 * - A crash is the coordinator's: it first has the node commit every write
 *   and report it ('sync'), then terminates the thread. A restart reads
 *   everything its previous incarnation wrote before anything it sent, as
 *   the headless run does (the determinism contract requires it anyway).
 * - A node that fails waits for its writes to commit before it reports the
 *   failure (fail()), so the coordinator's termination aborts none of them.
 * - If a commit fails, the node's messages may promise what its disk lacks.
 *   It reports `diskLost`, and the coordinator never restarts it from that
 *   disk: a server that forgot its vote or acknowledged entries must not
 *   come back (Raft Figure 2); one that stays down forever is only a server
 *   less, so safety holds (any two majorities share a live server).
 * - A page that closes or crashes takes its session's disks with it: a new
 *   page never reads them (browser.ts).
 * Waiting for each commit before sending would instead put an IndexedDB
 * commit (about 0.5 ms, one at a time per origin) on the path of nearly
 * every window; `npm run bench:runtime` measures both.
 *
 * Envelopes travel in batches, one per link per command (none if empty);
 * the coordinator says how many batches must have arrived before a window
 * runs.
 */
export class WorkerNode {
  private host: NodeHost | null = null;
  private incarnation = 0;
  private disk: DiskStore | null = null;
  private readonly network = new NetworkState([1, 1]);
  /** The port to each peer's current incarnation. */
  private readonly links = new Map<NodeId, MessagePort>();
  /** Every port ever connected, to close them all at the end. */
  private readonly ports: MessagePort[] = [];
  /** from -> sender incarnation -> batches received. */
  private readonly received = new Map<NodeId, Map<number, number>>();
  private waiting: { expect: Expectation; resolve: () => void } | null = null;
  private telemetry: NodeEvent[] = [];
  private queue: Promise<void> = Promise.resolve();
  /** Resolves once every write made before a send is committed; rejects if one could not be. */
  private durable: Promise<void> = Promise.resolve();
  /** Set once the node has failed: it handles and posts nothing more. */
  private broken = false;

  constructor(
    private readonly postText: PostToCoordinator,
    private readonly openDisk: OpenDisk,
  ) {}

  private post(message: FromWorker): void {
    this.postText(encode(message));
  }

  /** Takes a command from the coordinator; commands are handled strictly in order. */
  accept(message: ToWorker): void {
    this.queue = this.queue.then(() => this.handle(message)).catch((error) => this.fail(error));
  }

  /**
   * Reports the node's failure once, after the writes its messages depend on
   * have committed (the coordinator terminates the thread next, which would
   * abort a transaction still committing), or with `diskLost` if one could
   * not commit.
   */
  fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    const message = describeError(error);
    void this.disk?.flush(true).catch(() => undefined);
    void this.durable.then(
      () => this.post({ kind: 'error', message }),
      () => this.post({ kind: 'error', message, diskLost: true }),
    );
  }

  /** Closes every port and the disk: a worker that stops leaks nothing. */
  close(): void {
    for (const port of this.ports) port.close();
    this.disk?.close();
  }

  private async handle(m: ToWorker): Promise<void> {
    if (this.broken) return;
    switch (m.kind) {
      case 'init':
        await this.init(m);
        this.post({ kind: 'started', report: this.report(new Map()) });
        return;
      case 'check': {
        const next = this.requireHost().node.nextConfig(m.change);
        this.post({
          kind: 'checked',
          problem: typeof next === 'string' ? next : null,
          report: this.report(new Map()),
        });
        return;
      }
      case 'connect':
        this.connect(m.peer, m.port);
        return;
      case 'sync':
        await this.arrived(m.expect);
        void this.disk?.flush(true).catch(() => undefined);
        await this.durable;
        this.post({ kind: 'done', report: this.report(new Map()) });
        return;
      case 'run': {
        const host = this.requireHost();
        await this.arrived(m.expect);
        const out: Envelope[] = [];
        let results: ({ index: number; term: number } | null)[] | undefined;
        let inputEnds: number[] | undefined;
        if (m.inputs) {
          // Inputs apply at their own time, before any instant this window runs.
          results = [];
          inputEnds = [];
          for (const input of m.inputs) {
            // Each input applies with the network as it was when it was given.
            if (input.network) this.network.load(input.network);
            results.push(host.act(input.action, input.nowMs));
            for (const e of host.takeOut()) out.push(e);
            inputEnds.push(this.telemetry.length);
          }
        }
        if (m.network) this.network.load(m.network);
        for (let t = host.nextDueAt(); t <= m.untilMs; t = host.nextDueAt()) {
          for (const e of host.runInstant(t)) out.push(e);
        }
        const report = this.report(this.send(out));
        this.post(
          results ? { kind: 'done', report, results, inputEnds } : { kind: 'done', report },
        );
        return;
      }
    }
  }

  /** Starts the node from its disk (a new one: the options' initial log, or none for a joining server). */
  private async init(m: Extract<ToWorker, { kind: 'init' }>): Promise<void> {
    this.network.load(m.network);
    this.disk = this.openDisk(m.diskName);
    const stored = await this.disk.load();
    if (!stored && m.incarnation > 0)
      throw new Error(`S${m.id} restarted but its disk (${m.diskName}) is empty`);
    // A server added later starts empty, knowing no one (dissertation §4.1).
    const disk: Disk = stored ?? (m.peers.length > 0 ? initialDisk(m.options, m.id) : emptyDisk());
    if (!stored) this.disk.write(disk.hardState, 1, disk.log);
    await this.disk.flush(true);
    this.incarnation = m.incarnation;
    const observe = (e: NodeEvent): void => {
      this.telemetry.push(e);
      // The host has already dropped the entries a snapshot stands for (Raft
      // §7), and taken the step's hard state.
      if (e.kind === 'snapshot') this.disk?.writeSnapshot(e.snapshot);
      else if (e.kind === 'persist' && this.host)
        this.disk?.write(this.host.disk.hardState, e.from, e.entries);
    };
    const config = hostConfig(m.options, m.id, m.incarnation, m.peers);
    this.host = new NodeHost({ ...config, network: this.network, observe }, disk, m.nowMs);
  }

  private connect(peer: NodeId, port: MessagePort): void {
    this.ports.push(port);
    // A new port to `peer` replaces the one to its previous incarnation for
    // sending; the old one keeps delivering what that incarnation sent.
    this.links.set(peer, port);
    port.onmessage = (event: MessageEvent<Wire<LinkBatch>>) => this.receive(decode(event.data));
  }

  private receive(batch: LinkBatch): void {
    const host = this.requireHost();
    for (const e of batch.envelopes) host.receive(e);
    let byIncarnation = this.received.get(batch.from);
    if (!byIncarnation) this.received.set(batch.from, (byIncarnation = new Map<number, number>()));
    byIncarnation.set(batch.incarnation, (byIncarnation.get(batch.incarnation) ?? 0) + 1);
    this.recheck();
  }

  private recheck(): void {
    if (this.waiting && this.satisfied(this.waiting.expect)) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve();
    }
  }

  /** Resolves once the batches the coordinator counts on have arrived (fewer if their sender failed). */
  private arrived(expect: Expectation): Promise<void> {
    if (this.satisfied(expect)) return Promise.resolve();
    return new Promise((resolve) => (this.waiting = { expect, resolve }));
  }

  private satisfied(expect: Expectation): boolean {
    for (const from in expect) {
      const byIncarnation = expect[from as unknown as NodeId]!;
      const got = this.received.get(Number(from));
      for (const incarnation in byIncarnation) {
        const count = byIncarnation[incarnation as unknown as number]!;
        if ((got?.get(Number(incarnation)) ?? 0) < count) return false;
      }
    }
    return true;
  }

  /**
   * Hands the command's writes to the disk, then posts its envelopes, one
   * batch per link (persist before send: see the class comment for why the
   * commit is not awaited). Returns each batch's earliest delivery, by link,
   * for the report.
   */
  private send(out: readonly Envelope[]): Map<NodeId, number> {
    const host = this.requireHost();
    const disk = this.disk;
    if (disk) {
      disk.write(host.disk.hardState, null, []);
      const flushed = disk.flush();
      // A failure is handled where the chain below reaches it.
      flushed.catch(() => undefined);
      this.durable = this.durable.then(() => flushed);
      this.durable.catch((error) => this.fail(error));
    }
    const byLink = new Map<NodeId, Envelope[]>();
    for (const e of out) {
      const batch = byLink.get(e.to);
      if (batch) batch.push(e);
      else byLink.set(e.to, [e]);
    }
    const earliest = new Map<NodeId, number>();
    for (const [to, envelopes] of byLink) {
      const port = this.links.get(to);
      if (!port) throw new Error(`S${host.id} has no port to S${to}`);
      let first = Infinity;
      for (const e of envelopes) if (e.deliverAt < first) first = e.deliverAt;
      earliest.set(to, first);
      const batch: LinkBatch = { from: host.id, incarnation: this.incarnation, envelopes };
      port.postMessage(encode(batch));
    }
    return earliest;
  }

  private report(earliest: Map<NodeId, number>): WindowReport {
    const host = this.requireHost();
    const telemetry = this.telemetry;
    this.telemetry = [];
    return {
      nextDueAt: host.nextDueAt(),
      batches: Object.fromEntries(earliest),
      telemetry,
    };
  }

  private requireHost(): NodeHost {
    if (!this.host) throw new Error('the node has not started');
    return this.host;
  }
}

function emptyDisk(): Disk {
  return { hardState: { currentTerm: 0, votedFor: null }, log: [] };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string' && error !== '') return error;
  return 'the node failed for an unknown reason';
}
