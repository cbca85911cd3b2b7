import type { Disk } from '../sim/host';
import { MemoryDiskStore, type OpenDisk } from './disk';
import type { MakeChannel, Spawn } from './endpoint';
import type { FromWorker, ToWorker } from './protocol';
import { decode, type Wire } from './wire';
import { WorkerNode } from './worker-core';

/**
 * Runs each node's worker body in this thread, talking over real
 * MessageChannels (Node's own in tests): the coordinator's scheduling and the
 * link ends are exercised exactly as in the browser, minus the threads.
 * `disks` outlives the nodes, as a disk outlives a crash; `openDisk` may
 * wrap it (a test's failing disk).
 */
export function inProcessSpawner(
  disks: Map<string, Disk> = new Map(),
  openDisk: OpenDisk = (name) => new MemoryDiskStore(name, disks),
): {
  spawn: Spawn;
  makeChannel: MakeChannel;
  open: () => number;
} {
  let open = 0;
  const spawn: Spawn = (_id, _incarnation, events) => {
    const { port1: coordinatorEnd, port2: workerEnd } = new MessageChannel();
    const node = new WorkerNode((m) => workerEnd.postMessage(m), openDisk);
    workerEnd.onmessage = (event: MessageEvent<ToWorker>) => node.accept(event.data);
    coordinatorEnd.onmessage = (event: MessageEvent<Wire<FromWorker>>) =>
      events.message(decode(event.data));
    open++;
    let alive = true;
    return {
      post: (message, transfer) => coordinatorEnd.postMessage(message, transfer ?? []),
      terminate: () => {
        if (!alive) return;
        alive = false;
        open--;
        node.close();
        workerEnd.close();
        coordinatorEnd.close();
      },
    };
  };
  return { spawn, makeChannel: () => new MessageChannel(), open: () => open };
}
