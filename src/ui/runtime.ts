import { runSessionId, startBrowserCluster } from '../runtime/browser.ts';
import { Coordinator } from '../runtime/coordinator.ts';
import { inProcessSpawner } from '../runtime/in-process.ts';
import type { ClusterOptions } from '../sim/index.ts';

/** A started cluster as the store uses it: the browser's Workers, or in-process nodes. */
export interface ClusterRuntime {
  readonly coordinator: Coordinator;
  /** Threads alive now (a crashed node has none). */
  workers(): number;
  /** Ends every thread and deletes the run's disks. */
  stop(): Promise<void>;
}

/** Starts a cluster for one run of the page. */
export type StartRuntime = (options: ClusterOptions) => Promise<ClusterRuntime>;

/**
 * Starts each run of this page as Workers with IndexedDB disks. Every run
 * gets its own session id, so a restarted node can never read the disk of an
 * earlier run (a reset, or another seed).
 */
export function browserRuntime(pageId: string): StartRuntime {
  let run = 0;
  return (options) => startBrowserCluster(options, runSessionId(pageId, run++));
}

/**
 * Runs every node's worker body in the page's own thread, over real
 * MessageChannels, with disks in memory: the same coordinator and the same
 * run, without Workers. For pages the browser will not give Workers to (one
 * opened from a folder, at a file:// address) and for tests in Node.
 * `workers()` counts the nodes running, as a thread each would be.
 */
export function inPageRuntime(): StartRuntime {
  const spawner = inProcessSpawner();
  let run = 0;
  return async (options) => {
    const coordinator = new Coordinator(
      options,
      spawner.spawn,
      spawner.makeChannel,
      `in-page.${run++}`,
    );
    await coordinator.start();
    return { coordinator, workers: spawner.open, stop: () => Promise.resolve(coordinator.stop()) };
  };
}

/** file:// pages may not start module Workers (Chromium refuses their scripts). */
export function workersAllowed(protocol: string): boolean {
  return protocol !== 'file:';
}
