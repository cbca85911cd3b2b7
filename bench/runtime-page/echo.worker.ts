/// <reference lib="webworker" />
// A worker for measuring the floors of bench/runtime.ts: as 'echo' it
// answers every message on its port; as 'ping' it times `count` round trips
// on its port; as 'idb' it times `count` IndexedDB write transactions, one
// after another, awaiting each (what a window that persists waits for);
// with no role it echoes to the page.

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
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function timeIdbCommits({ name, count, payload }: IdbSetup): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('s');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`could not open ${name}`));
  });
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    const tx = db.transaction('s', 'readwrite');
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

scope.onmessage = (event: MessageEvent<Setup | IdbSetup | { echo: unknown }>) => {
  const data = event.data;
  if ('echo' in data) {
    scope.postMessage(data);
    return;
  }
  if (data.role === 'idb') {
    void timeIdbCommits(data).then((totalMs) => scope.postMessage({ totalMs }));
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
