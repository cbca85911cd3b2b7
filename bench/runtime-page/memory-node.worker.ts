/// <reference lib="webworker" />
// A node's Worker with its disk in the worker's own memory, not IndexedDB:
// bench/runtime.ts runs the same cluster on it to show what the runtime costs
// without the browser's storage in the loop. Its disk dies with the thread,
// so it is for benchmarks only (no crash or restart).
import { MemoryDiskStore } from '../../src/runtime/disk.ts';
import type { Disk } from '../../src/sim/host.ts';
import type { ToWorker } from '../../src/runtime/protocol.ts';
import { WorkerNode } from '../../src/runtime/worker-core.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const disks = new Map<string, Disk>();
const node = new WorkerNode(
  (message) => scope.postMessage(message),
  (name) => new MemoryDiskStore(name, disks),
);
scope.onmessage = (event: MessageEvent<ToWorker>) => node.accept(event.data);
