import type { ClusterOptions } from '../sim/options';
import { Coordinator } from './coordinator';
import type { MakeChannel, Spawn } from './endpoint';
import { deleteDatabases } from './idb-disk';
import type { FromWorker } from './protocol';
import { decode, type Wire } from './wire';

/** Every database this app makes starts with this (see Coordinator.diskName). */
export const DATABASE_PREFIX = 'raft-playground:';

/** Starts each node as a module Worker in this page; counts the threads alive. */
export function browserSpawner(): {
  spawn: Spawn;
  makeChannel: MakeChannel;
  running: () => number;
} {
  let running = 0;
  const spawn: Spawn = (id, incarnation, events) => {
    // The URL must be written inline in `new Worker(...)`: that is the form
    // Vite recognises and bundles as a worker. Kept in a variable, the file
    // is copied as a plain asset and the worker never starts.
    const worker = new Worker(new URL('./node.worker.ts', import.meta.url), {
      type: 'module',
      name: `S${id} (incarnation ${incarnation})`,
    });
    running++;
    let alive = true;
    worker.onmessage = (event: MessageEvent<Wire<FromWorker>>) =>
      events.message(decode(event.data));
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const why = event.message
        ? `: ${event.message}`
        : ' (its script could not be loaded or failed to start)';
      events.error(`S${id}'s worker failed${why}`);
    };
    worker.onmessageerror = () =>
      events.error(
        `S${id}'s worker received a message it could not read (a structured-clone failure)`,
      );
    return {
      post: (message, transfer) => worker.postMessage(message, transfer ?? []),
      terminate: () => {
        if (!alive) return;
        alive = false;
        running--;
        worker.terminate();
      },
    };
  };
  return { spawn, makeChannel: () => new MessageChannel(), running: () => running };
}

/** A cluster whose nodes are Workers of this page, with its disks in IndexedDB. */
export interface BrowserCluster {
  readonly coordinator: Coordinator;
  readonly sessionId: string;
  /** Worker threads alive now (crashed nodes have none). */
  workers(): number;
  /** Terminates every worker, then deletes the session's databases. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts one Worker per node and links every pair. `sessionId` names the
 * disks (one database per session and node), so it must be unique to this
 * run: a restart must never read another run's disk.
 */
export async function startBrowserCluster(
  options: ClusterOptions,
  sessionId: string,
): Promise<BrowserCluster> {
  const spawner = browserSpawner();
  const coordinator = new Coordinator(options, spawner.spawn, spawner.makeChannel, sessionId);
  let stopped: Promise<void> | null = null;
  const cluster: BrowserCluster = {
    coordinator,
    sessionId,
    workers: spawner.running,
    stop: () => {
      stopped ??= (async () => {
        coordinator.stop();
        await deleteDatabases(coordinator.diskNames());
      })();
      return stopped;
    },
  };
  try {
    await coordinator.start();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

/**
 * One id per page load, for the names of its databases. The page holds a Web
 * Lock of the same name while it lives, so another tab can tell its
 * databases from those an earlier, closed page left behind.
 */
export function startPageSession(): string {
  const pageId = crypto.randomUUID();
  void navigator.locks?.request(
    DATABASE_PREFIX + pageId,
    () => new Promise<never>(() => undefined),
  );
  return pageId;
}

/** The session id of a page's `run`-th cluster: a fresh set of disks for each. */
export function runSessionId(pageId: string, run: number): string {
  return `${pageId}.${run}`;
}

/**
 * Best effort: deletes the databases of page sessions that no longer hold
 * their lock (closed tabs, crashed pages). Without the Web Locks API it
 * cannot tell a live tab's databases from stale ones, so it deletes nothing.
 */
export async function deleteStaleDatabases(): Promise<string[]> {
  if (!navigator.locks || typeof indexedDB.databases !== 'function') return [];
  const held = await navigator.locks.query();
  const live = [...(held.held ?? []), ...(held.pending ?? [])]
    .map((lock) => lock.name ?? '')
    .filter((name) => name.startsWith(DATABASE_PREFIX));
  const stale = (await indexedDB.databases())
    .map((db) => db.name ?? '')
    .filter(
      (name) =>
        name.startsWith(DATABASE_PREFIX) && !live.some((lock) => name.startsWith(`${lock}.`)),
    );
  await deleteDatabases(stale);
  return stale;
}
