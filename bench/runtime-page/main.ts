// The in-page half of `npm run bench:runtime`: runs a Worker-runtime cluster
// at full speed under a proposal load and times it. The Node half
// (bench/runtime.ts) builds this page, opens it in Chromium and prints JSON.
import { browserSpawner } from '../../src/runtime/browser.ts';
import { Coordinator } from '../../src/runtime/coordinator.ts';
import type { Endpoint, Spawn } from '../../src/runtime/endpoint.ts';
import { deleteDatabases } from '../../src/runtime/idb-disk.ts';

/** Round trips timed per measurement, after as many to warm up. */
const ROUND_TRIPS = 5_000;
/** Longest virtual time allowed for a first leader, ms. */
const ELECTION_MS_MAX = 5_000;

/** A payload the size of a small window command (ids, counts, a time). */
const PAYLOAD = { kind: 'run', untilMs: 12_345, expect: { 1: { 0: 12 }, 2: { 0: 9 } } };

export interface ClusterFigures {
  nodes: number;
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
  proposed: number;
  committedOnAll: number;
  violations: number;
}

/**
 * Wraps a Spawn to time, on the page's clock, the spans when at least one
 * worker has a request outstanding; the rest of the wall time is the
 * coordinator's own work (and this harness's, which is a few lines).
 */
function timedSpawner() {
  const inner = browserSpawner();
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
        if (
          message.kind === 'run' ||
          message.kind === 'input' ||
          message.kind === 'sync' ||
          message.kind === 'init'
        ) {
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
): Promise<ClusterFigures> {
  const spawner = timedSpawner();
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
    let proposed = 0;
    let windows = 0;
    const countWindows = () => windows++;
    const sim0 = c.now;
    const busy0 = spawner.busyMs();
    const t0 = performance.now();
    // Windows are counted by stepping them one by one, as advance() does.
    while (performance.now() - t0 < wallMs) {
      const target = c.now + gapMs;
      while ((await c.runWindow(target, false)) !== null) countWindows();
      await c.advance(target - c.now);
      const leader = c.leader();
      if (
        proposalsPerSimulatedS > 0 &&
        leader !== null &&
        (await c.propose(leader, `p${proposed}`))
      )
        proposed++;
    }
    const wall = performance.now() - t0;
    const busy = spawner.busyMs() - busy0;
    const simulatedS = (c.now - sim0) / 1000;
    return {
      nodes,
      proposalsPerSimulatedS,
      simulatedS: round(simulatedS),
      wallS: round(wall / 1000, 3),
      simulatedSPerWallS: round(simulatedS / (wall / 1000)),
      windows,
      windowsPerSimulatedS: round(windows / simulatedS),
      wallPerWindowUs: round((wall * 1000) / windows),
      coordinatorOverheadPerWindowUs: round(((wall - busy) * 1000) / windows),
      proposed,
      committedOnAll: Math.min(...c.ids.map((id) => c.node(id).commitIndex)),
      violations: c.violations().length,
    };
  } finally {
    c.stop();
    await deleteDatabases(c.diskNames());
  }
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

/** IndexedDB write transactions timed, one after another. */
const IDB_COMMITS = 300;

/**
 * Time per small IndexedDB write transaction, start to complete, in µs, when
 * `workers` workers each write their own database one transaction after
 * another, all at once: does the browser commit them in parallel?
 */
async function idbCommitUs(workers = 1): Promise<number> {
  const threads = Array.from({ length: workers }, echoWorker);
  const names = threads.map(() => `raft-playground-bench-${crypto.randomUUID()}`);
  try {
    const t0 = performance.now();
    await Promise.all(
      threads.map(
        (worker, k) =>
          new Promise<void>((resolve) => {
            worker.onmessage = () => resolve();
            worker.postMessage({
              role: 'idb',
              name: names[k],
              count: IDB_COMMITS,
              payload: PAYLOAD,
            });
          }),
      ),
    );
    return round(((performance.now() - t0) * 1000) / IDB_COMMITS);
  } finally {
    for (const worker of threads) worker.terminate();
    await deleteDatabases(names);
  }
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const api = {
  cluster,
  workerRoundTripUs,
  pageRoundTripUs,
  idbCommitUs,
  crossOriginIsolated: () => crossOriginIsolated,
};
export type RuntimeBench = typeof api;

declare global {
  interface Window {
    runtimeBench?: RuntimeBench;
  }
}

window.runtimeBench = api;
