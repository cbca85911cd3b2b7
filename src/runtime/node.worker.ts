/// <reference lib="webworker" />
import { IndexedDbDiskStore } from './idb-disk';
import type { ToWorker } from './protocol';
import { WorkerNode } from './worker-core';

/**
 * The entry of one node's module Worker (started by browser.ts). Everything
 * the node does lives in WorkerNode; this file only wires it to the Worker
 * globals: commands in by `onmessage`, replies out by `postMessage`, the disk
 * in IndexedDB.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const node = new WorkerNode(
  (message) => scope.postMessage(message),
  (name) => new IndexedDbDiskStore(name),
);

scope.onmessage = (event: MessageEvent<ToWorker>) => node.accept(event.data);

// An error that escapes WorkerNode's own handling (a throw in a port's
// message handler, say) is reported as the node's error, which the
// coordinator shows as a crashed node; preventing the default keeps it from
// also surfacing as a Worker `error` event, so it is reported once.
scope.addEventListener('error', (event: ErrorEvent) => {
  event.preventDefault();
  node.fail(event.error ?? event.message);
});

scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  node.fail(event.reason);
});
