import { runSessionId, startBrowserCluster } from '../runtime/browser.ts';
import type { Coordinator } from '../runtime/coordinator.ts';
import type { ClusterOptions } from '../sim/index.ts';

/** A started cluster as the store uses it: the browser's Workers, or in-process nodes in unit tests. */
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
