/// <reference lib="webworker" />
// A worker for measuring the floors of bench/runtime.ts: as 'echo' it
// answers every message on its port; as 'ping' it times `count` round trips
// on its port; as 'idb' it times `count` IndexedDB write transactions, one
// after another, awaiting each (what a window that persists waits for); as
// 'opfs' it times `count` writes to a file of the origin private file system
// through a synchronous access handle (the disk that would be fast enough);
// as 'atomics' it answers the page through a SharedArrayBuffer, waiting with
// Atomics.wait (blocking the thread) or Atomics.waitAsync (as a node would
// have to, its peers' ports needing its event loop); as 'mesh' it runs
// `count` rounds with its peers, each round a message to every peer and one
// from every peer before the next (the synchronisation of nodes that agreed
// on each window among themselves, without the page); with no role it
// echoes to the page.

interface Setup {
  role: 'echo' | 'ping';
  port: MessagePort;
  count: number;
  payload: unknown;
}

interface IdbSetup {
  role: 'idb';
  name: string;
  count: number;
  payload: unknown;
  durability: IDBTransactionDurability;
}

interface OpfsSetup {
  role: 'opfs';
  name: string;
  count: number;
  /** Bytes per write: about one log entry and the hard state. */
  bytes: number;
  /** Also flush() after each write (an fsync), beyond what survives a terminated worker. */
  flush: boolean;
}

interface AtomicsSetup {
  role: 'atomics';
  /** [0]: rounds the page has started; [1]: rounds this worker has answered. */
  shared: SharedArrayBuffer;
  count: number;
  blocking: boolean;
}

interface MeshSetup {
  role: 'mesh';
  ports: MessagePort[];
  count: number;
  payload: unknown;
}

/** Runs `count` all-to-all rounds over `ports`; resolves with the wall time they took. */
function timeMeshRounds({ ports, count, payload }: MeshSetup): Promise<number> {
  return new Promise((resolve) => {
    // Messages of a round may come before this worker finished the one before.
    const heard = new Map<number, number>();
    let round = 0;
    const t0 = performance.now();
    const send = () => {
      for (const port of ports) port.postMessage({ round, payload });
    };
    for (const port of ports)
      port.onmessage = (m: MessageEvent<{ round: number }>) => {
        heard.set(m.data.round, (heard.get(m.data.round) ?? 0) + 1);
        while (heard.get(round) === ports.length) {
          heard.delete(round);
          if (++round === count) return resolve(performance.now() - t0);
          send();
        }
      };
    send();
  });
}

/** Atomics.waitAsync (ES2024; Chromium has it in pages and workers). */
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** Answers `count` rounds: waits for the page's counter to pass k, then sets its own to k + 1. */
async function answerAtomics({ shared, count, blocking }: AtomicsSetup): Promise<void> {
  const a = new Int32Array(shared);
  for (let k = 0; k < count; k++) {
    if (blocking) Atomics.wait(a, 0, k);
    else {
      const w = waitAsync(a, 0, k);
      if (w.async) await w.value;
    }
    Atomics.store(a, 1, k + 1);
    Atomics.notify(a, 1);
  }
}

/** The synchronous access handle of a file in the origin private file system (worker only). */
interface SyncAccessHandle {
  write(buffer: ArrayBufferView, options: { at: number }): number;
  flush(): void;
  close(): void;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function timeIdbCommits({ name, count, payload, durability }: IdbSetup): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('s');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`could not open ${name}`));
  });
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    const tx = db.transaction('s', 'readwrite', { durability });
    tx.objectStore('s').put(payload, k % 16);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
  }
  const totalMs = performance.now() - t0;
  db.close();
  return totalMs;
}

/**
 * Each write goes to the OS (pwrite) before write() returns: it survives the
 * worker's termination, as a relaxed IndexedDB commit does; flush() adds the
 * fsync.
 */
async function timeOpfsWrites({ name, count, bytes, flush }: OpfsSetup): Promise<number> {
  const root = await navigator.storage.getDirectory();
  const file = await root.getFileHandle(name, { create: true });
  const handle = await (
    file as unknown as { createSyncAccessHandle(): Promise<SyncAccessHandle> }
  ).createSyncAccessHandle();
  const buffer = new Uint8Array(bytes).fill(7);
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    handle.write(buffer, { at: (k % 64) * bytes });
    if (flush) handle.flush();
  }
  const totalMs = performance.now() - t0;
  handle.close();
  await root.removeEntry(name);
  return totalMs;
}

scope.onmessage = (
  event: MessageEvent<Setup | IdbSetup | OpfsSetup | AtomicsSetup | MeshSetup | { echo: unknown }>,
) => {
  const data = event.data;
  if ('echo' in data) {
    scope.postMessage(data);
    return;
  }
  if (data.role === 'idb') {
    void timeIdbCommits(data).then((totalMs) => scope.postMessage({ totalMs }));
    return;
  }
  if (data.role === 'atomics') {
    void answerAtomics(data);
    return;
  }
  if (data.role === 'mesh') {
    void timeMeshRounds(data).then((totalMs) => scope.postMessage({ totalMs }));
    return;
  }
  if (data.role === 'opfs') {
    void timeOpfsWrites(data).then(
      (totalMs) => scope.postMessage({ totalMs }),
      (error: unknown) => scope.postMessage({ error: String(error) }),
    );
    return;
  }
  const { role, port, count, payload } = data;
  if (role === 'echo') {
    port.onmessage = (m) => port.postMessage(m.data);
    return;
  }
  let left = count;
  let t0 = 0;
  port.onmessage = () => {
    if (left-- > 0) {
      port.postMessage(payload);
      return;
    }
    scope.postMessage({ totalMs: performance.now() - t0 });
  };
  t0 = performance.now();
  port.postMessage(payload);
};
