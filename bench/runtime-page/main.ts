// The in-page half of `npm run bench:runtime`: runs a Worker-runtime cluster
// at full speed under a proposal load and times it. The Node half
// (bench/runtime.ts) builds this page, opens it in Chromium and prints JSON.
import { browserSpawner } from '../../src/runtime/browser.ts';
import { Coordinator } from '../../src/runtime/coordinator.ts';
import type { Endpoint, Spawn } from '../../src/runtime/endpoint.ts';
import { deleteDatabases } from '../../src/runtime/idb-disk.ts';
import type { FromWorker } from '../../src/runtime/protocol.ts';
import { decode, type Wire } from '../../src/runtime/wire.ts';

/** Round trips timed per measurement, after as many to warm up. */
const ROUND_TRIPS = 5_000;
/** Longest virtual time allowed for a first leader, ms. */
const ELECTION_MS_MAX = 5_000;

/** A payload the size of a small window command (ids, counts, a time). */
const PAYLOAD = { kind: 'run', untilMs: 12_345, expect: { 1: { 0: 12 }, 2: { 0: 9 } } };

/**
 * Where the nodes keep their disks: IndexedDB (the runtime's), the worker's
 * memory (no storage in the loop), or an OPFS file (a faster disk).
 */
export type DiskKind = 'indexeddb' | 'memory' | 'opfs';

export interface ClusterFigures {
  nodes: number;
  disk: DiskKind;
  proposalsPerSimulatedS: number;
  simulatedS: number;
  wallS: number;
  simulatedSPerWallS: number;
  windows: number;
  windowsPerSimulatedS: number;
  /** Wall time per window: the coordinator's round plus the workers' work. */
  wallPerWindowUs: number;
  /** Main-thread time per window while no worker had a request outstanding. */
  coordinatorOverheadPerWindowUs: number;
  /** Workers given a command per window. */
  runnersPerWindow: number;
  /**
   * Nodes that changed their log in a window, summed, per simulated second:
   * each needs a disk transaction before its messages leave (group commit
   * merges a few).
   */
  logWritesPerSimulatedS: number;
  proposed: number;
  committedOnAll: number;
  violations: number;
}

/**
 * Wraps a Spawn to time, on the page's clock, the spans when at least one
 * worker has a request outstanding; the rest of the wall time is the
 * coordinator's own work (and this harness's, which is a few lines).
 */
function timedSpawner(disk: DiskKind) {
  const inner = disk === 'indexeddb' ? browserSpawner() : benchSpawner(disk);
  let outstanding = 0;
  let busySince = 0;
  let busyMs = 0;
  let windows = 0;
  const spawn: Spawn = (id, incarnation, events) => {
    const endpoint: Endpoint = inner.spawn(id, incarnation, {
      message: (m) => {
        if (m.kind !== 'error' && --outstanding === 0) busyMs += performance.now() - busySince;
        events.message(m);
      },
      error: events.error,
    });
    return {
      post: (message, transfer) => {
        if (message.kind === 'run' || message.kind === 'sync' || message.kind === 'init') {
          if (outstanding++ === 0) busySince = performance.now();
          if (message.kind === 'run') windows++;
        }
        endpoint.post(message, transfer);
      },
      terminate: () => endpoint.terminate(),
    };
  };
  return {
    spawn,
    makeChannel: inner.makeChannel,
    busyMs: () => busyMs,
    /** 'run' commands posted: one per worker per window. */
    runs: () => windows,
  };
}

async function cluster(
  nodes: number,
  wallMs: number,
  proposalsPerSimulatedS: number,
  disk: DiskKind = 'indexeddb',
): Promise<ClusterFigures> {
  const spawner = timedSpawner(disk);
  const c = new Coordinator(
    { nodes, seed: 1 },
    spawner.spawn,
    spawner.makeChannel,
    `bench-${crypto.randomUUID()}`,
  );
  try {
    await c.start();
    if (!(await c.runUntil(() => c.leader() !== null, ELECTION_MS_MAX)))
      throw new Error(`no leader among ${nodes} nodes`);
    const gapMs = proposalsPerSimulatedS > 0 ? 1000 / proposalsPerSimulatedS : 100;
    const proposals: Promise<{ index: number; term: number } | null>[] = [];
    const writers = new Set<number>();
    c.onTelemetry((events) => {
      for (const e of events) if (e.kind === 'persist') writers.add(e.node);
    });
    let windows = 0;
    let logWrites = 0;
    const countWindows = () => {
      windows++;
      logWrites += writers.size;
      writers.clear();
    };
    const sim0 = c.now;
    const busy0 = spawner.busyMs();
    const runs0 = spawner.runs();
    const t0 = performance.now();
    // One proposal every gapMs of virtual time, each an input of its own at
    // its own instant. It is not awaited before time moves on: it rides in
    // the leader's next window command, as a click during play does.
    // Windows are counted by stepping them one by one, as advance() does.
    while (performance.now() - t0 < wallMs) {
      const target = c.now + gapMs;
      while ((await c.runWindow(target, false)) !== null) countWindows();
      await c.advance(target - c.now);
      const leader = c.leader();
      if (proposalsPerSimulatedS > 0 && leader !== null)
        proposals.push(c.propose(leader, `p${proposals.length}`));
    }
    const wall = performance.now() - t0;
    const busy = spawner.busyMs() - busy0;
    const runs = spawner.runs() - runs0;
    const simulatedS = (c.now - sim0) / 1000;
    const proposed = (await Promise.all(proposals)).filter((at) => at !== null).length;
    return {
      nodes,
      disk,
      proposalsPerSimulatedS,
      simulatedS: round(simulatedS),
      wallS: round(wall / 1000, 3),
      simulatedSPerWallS: round(simulatedS / (wall / 1000)),
      windows,
      windowsPerSimulatedS: round(windows / simulatedS),
      wallPerWindowUs: round((wall * 1000) / windows),
      coordinatorOverheadPerWindowUs: round(((wall - busy) * 1000) / windows),
      runnersPerWindow: round(runs / windows, 2),
      logWritesPerSimulatedS: round(logWrites / simulatedS),
      proposed,
      committedOnAll: Math.min(...c.ids.map((id) => c.node(id).commitIndex)),
      violations: c.violations().length,
    };
  } finally {
    c.stop();
    await deleteDatabases(c.diskNames());
    if (disk === 'opfs') await deleteOpfsFiles(c.diskNames());
  }
}

/** As browserSpawner, but each node's disk is in its worker's memory or in an OPFS file. */
function benchSpawner(disk: 'memory' | 'opfs'): {
  spawn: Spawn;
  makeChannel: () => MessageChannel;
} {
  const spawn: Spawn = (id, incarnation, events) => {
    const name = `S${id} (incarnation ${incarnation}, ${disk} disk)`;
    // Written out in full each: the form Vite bundles as a worker.
    const worker =
      disk === 'memory'
        ? new Worker(new URL('./memory-node.worker.ts', import.meta.url), { type: 'module', name })
        : new Worker(new URL('./opfs-node.worker.ts', import.meta.url), { type: 'module', name });
    worker.onmessage = (event: MessageEvent<Wire<FromWorker>>) =>
      events.message(decode(event.data));
    worker.onerror = (event: ErrorEvent) =>
      events.error(`S${id}'s worker failed: ${event.message}`);
    return {
      post: (message, transfer) => worker.postMessage(message, transfer ?? []),
      terminate: () => worker.terminate(),
    };
  };
  return { spawn, makeChannel: () => new MessageChannel() };
}

/** Best effort: a file still open in a worker that is ending stays (the profile is deleted anyway). */
async function deleteOpfsFiles(names: readonly string[]): Promise<void> {
  const root = await navigator.storage.getDirectory();
  for (const name of names)
    await root.removeEntry(name.replaceAll(':', '_')).catch(() => undefined);
}

function echoWorker(): Worker {
  return new Worker(new URL('./echo.worker.ts', import.meta.url), { type: 'module' });
}

/** Mean round trip between two workers over one MessageChannel, in µs. */
async function workerRoundTripUs(): Promise<number> {
  const ping = echoWorker();
  const echo = echoWorker();
  try {
    const measure = () => {
      const { port1, port2 } = new MessageChannel();
      echo.postMessage({ role: 'echo', port: port2, count: 0, payload: null }, [port2]);
      return new Promise<number>((resolve) => {
        ping.onmessage = (e: MessageEvent<{ totalMs: number }>) => resolve(e.data.totalMs);
        ping.postMessage({ role: 'ping', port: port1, count: ROUND_TRIPS, payload: PAYLOAD }, [
          port1,
        ]);
      });
    };
    await measure(); // warm up
    return round(((await measure()) * 1000) / (ROUND_TRIPS + 1));
  } finally {
    ping.terminate();
    echo.terminate();
  }
}

/**
 * Starts each of `workers` with its setup (and the ports it takes along) at
 * once; resolves with the slowest one's reported time, in ms.
 */
function slowest(
  workers: readonly Worker[],
  setup: (k: number) => [unknown, Transferable[]],
): Promise<number> {
  const times = workers.map(
    (worker, k) =>
      new Promise<number>((resolve) => {
        worker.onmessage = (e: MessageEvent<{ totalMs: number }>) => resolve(e.data.totalMs);
        const [message, transfer] = setup(k);
        worker.postMessage(message, transfer);
      }),
  );
  return Promise.all(times).then((ms) => Math.max(...ms));
}

/**
 * Mean time of one round among `nodes` workers in which each sends a small
 * message to every other and waits for one from every other, in µs: what a
 * window would cost at least if the nodes agreed on it among themselves
 * (null messages) instead of through the page.
 */
async function meshRoundUs(nodes: number): Promise<number> {
  const measure = async () => {
    const workers = Array.from({ length: nodes }, () => echoWorker());
    const ports: MessagePort[][] = workers.map(() => []);
    for (let a = 0; a < nodes; a++)
      for (let b = a + 1; b < nodes; b++) {
        const { port1, port2 } = new MessageChannel();
        ports[a]!.push(port1);
        ports[b]!.push(port2);
      }
    try {
      return await slowest(workers, (k) => [
        { role: 'mesh', ports: ports[k]!, count: ROUND_TRIPS, payload: PAYLOAD },
        ports[k]!,
      ]);
    } finally {
      for (const w of workers) w.terminate();
    }
  };
  await measure(); // warm up
  return round(((await measure()) * 1000) / ROUND_TRIPS);
}

/** Mean round trip between the page and a worker (what each window costs at least), in µs. */
async function pageRoundTripUs(): Promise<number> {
  const worker = echoWorker();
  try {
    const measure = async () => {
      const t0 = performance.now();
      for (let k = 0; k < ROUND_TRIPS; k++) {
        await new Promise<void>((resolve) => {
          worker.onmessage = () => resolve();
          worker.postMessage({ echo: PAYLOAD });
        });
      }
      return performance.now() - t0;
    };
    await measure();
    return round(((await measure()) * 1000) / ROUND_TRIPS);
  } finally {
    worker.terminate();
  }
}

/** Atomics.waitAsync (ES2024; Chromium has it in pages and workers). */
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

/**
 * Mean round trip between the page and a worker through a SharedArrayBuffer
 * (Atomics.notify, the page waiting with Atomics.waitAsync), in µs: what
 * each window's command and report would cost at least without
 * postMessage. `blocking`: the worker waits with Atomics.wait, blocking its
 * thread (a node cannot: its peers' ports need its event loop); otherwise
 * with Atomics.waitAsync. null without cross-origin isolation.
 */
async function atomicsRoundTripUs(blocking: boolean): Promise<number | null> {
  if (!crossOriginIsolated) return null;
  const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
  const measure = async () => {
    const worker = echoWorker();
    const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    const a = new Int32Array(shared);
    try {
      worker.postMessage({ role: 'atomics', shared, count: ROUND_TRIPS, blocking });
      const t0 = performance.now();
      for (let k = 0; k < ROUND_TRIPS; k++) {
        Atomics.store(a, 0, k + 1);
        Atomics.notify(a, 0);
        while (Atomics.load(a, 1) < k + 1) {
          const w = waitAsync(a, 1, k);
          if (w.async) await w.value;
        }
      }
      return performance.now() - t0;
    } finally {
      worker.terminate();
    }
  };
  await measure(); // warm up
  return round(((await measure()) * 1000) / ROUND_TRIPS);
}

/** IndexedDB write transactions timed, one after another. */
const IDB_COMMITS = 300;

/**
 * Time per small IndexedDB write transaction, start to complete, in µs, when
 * `workers` workers each write their own database one transaction after
 * another, all at once (the slowest worker's time: does the browser commit
 * them in parallel?), with the given durability.
 */
async function idbCommitUs(
  workers = 1,
  durability: IDBTransactionDurability = 'default',
): Promise<number> {
  const threads = Array.from({ length: workers }, echoWorker);
  const names = threads.map(() => `raft-playground-bench-${crypto.randomUUID()}`);
  try {
    const totalMs = await slowest(threads, (k) => [
      { role: 'idb', name: names[k], count: IDB_COMMITS, payload: PAYLOAD, durability },
      [],
    ]);
    return round((totalMs * 1000) / IDB_COMMITS);
  } finally {
    for (const worker of threads) worker.terminate();
    await deleteDatabases(names);
  }
}

/** Writes timed through an OPFS synchronous access handle. */
const OPFS_WRITES = 2_000;
/** Bytes per OPFS write: a log entry and the hard state, about. */
const OPFS_WRITE_BYTES = 256;

/**
 * Time per write of a small record to a file in the origin private file
 * system through a synchronous access handle, in a worker, in µs; with
 * `flush`, each write is also flushed. null where the browser has no OPFS.
 */
async function opfsWriteUs(flush: boolean): Promise<number | null> {
  const worker = echoWorker();
  try {
    const reply = await new Promise<{ totalMs?: number; error?: string }>((resolve) => {
      worker.onmessage = (e: MessageEvent<{ totalMs?: number; error?: string }>) => resolve(e.data);
      worker.postMessage({
        role: 'opfs',
        name: `raft-playground-bench-${crypto.randomUUID()}`,
        count: OPFS_WRITES,
        bytes: OPFS_WRITE_BYTES,
        flush,
      });
    });
    return reply.totalMs === undefined ? null : round((reply.totalMs * 1000) / OPFS_WRITES);
  } finally {
    worker.terminate();
  }
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const api = {
  cluster,
  workerRoundTripUs,
  meshRoundUs,
  pageRoundTripUs,
  atomicsRoundTripUs,
  idbCommitUs,
  opfsWriteUs,
  crossOriginIsolated: () => crossOriginIsolated,
};
export type RuntimeBench = typeof api;

declare global {
  interface Window {
    runtimeBench?: RuntimeBench;
  }
}

window.runtimeBench = api;
