/// <reference lib="webworker" />
// A node's Worker with its disk in a file of the origin private file system,
// written through a synchronous access handle: bench/runtime.ts runs the same
// cluster on it to show what a disk faster than IndexedDB would give. A
// write() returns once the operating system has the bytes, so they survive
// the worker's termination as a relaxed IndexedDB commit does (not a power
// cut: no flush). An append-only log of changes; load() replays it.
import type { DiskStore } from '../../src/runtime/disk.ts';
import type { ToWorker } from '../../src/runtime/protocol.ts';
import { WorkerNode } from '../../src/runtime/worker-core.ts';
import type { HardState, LogEntry, Snapshot } from '../../src/raft/index.ts';
import type { Disk } from '../../src/sim/host.ts';

/** The synchronous access handle of an OPFS file (dedicated workers only). */
interface SyncAccessHandle {
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  getSize(): number;
  close(): void;
}

interface Change {
  readonly hardState: HardState;
  readonly from: number | null;
  readonly entries: readonly LogEntry[];
  /** A snapshot stored (Raft §7): the entries up to its index go. */
  readonly snapshot?: Snapshot;
}

/** Bytes before each record: its length. */
const LENGTH_BYTES = 4;

class OpfsDiskStore implements DiskStore {
  private readonly handle: Promise<SyncAccessHandle>;
  private pending: Change[] = [];
  /** The hard state as last loaded or written. */
  private stored: HardState | null = null;
  private size = 0;

  constructor(name: string) {
    this.handle = (async () => {
      const root = await navigator.storage.getDirectory();
      const file = await root.getFileHandle(name.replaceAll(':', '_'), { create: true });
      const handle = await (
        file as unknown as { createSyncAccessHandle(): Promise<SyncAccessHandle> }
      ).createSyncAccessHandle();
      this.size = handle.getSize();
      return handle;
    })();
  }

  async load(): Promise<Disk | null> {
    const handle = await this.handle;
    if (this.size === 0) return null;
    const bytes = new Uint8Array(this.size);
    handle.read(bytes, { at: 0 });
    const view = new DataView(bytes.buffer);
    const decoder = new TextDecoder();
    let disk: Disk | null = null;
    for (let at = 0; at + LENGTH_BYTES <= bytes.length;) {
      const length = view.getUint32(at);
      const changes = JSON.parse(
        decoder.decode(bytes.subarray(at + LENGTH_BYTES, at + LENGTH_BYTES + length)),
      ) as Change[];
      for (const change of changes) {
        disk ??= { hardState: change.hardState, log: [] };
        disk.hardState = change.hardState;
        if (change.from !== null)
          disk.log = [...disk.log.filter((e) => e.index < change.from!), ...change.entries];
        if (change.snapshot) {
          const snapshot = change.snapshot;
          disk.snapshot = snapshot;
          disk.log = disk.log.filter((e) => e.index > snapshot.index);
        }
      }
      at += LENGTH_BYTES + length;
    }
    this.stored = disk?.hardState ?? null;
    return disk;
  }

  write(hardState: HardState, from: number | null, entries: readonly LogEntry[]): void {
    // Most windows change neither term, vote nor log: nothing to write.
    const stored = this.stored;
    if (
      from === null &&
      this.pending.length === 0 &&
      stored !== null &&
      stored.currentTerm === hardState.currentTerm &&
      stored.votedFor === hardState.votedFor
    )
      return;
    this.pending.push({ hardState, from, entries });
  }

  writeSnapshot(snapshot: Snapshot): void {
    const hardState = this.pending.at(-1)?.hardState ?? this.stored;
    if (!hardState) throw new Error('a snapshot before any hard state');
    this.pending.push({ hardState, from: null, entries: [], snapshot });
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const handle = await this.handle;
    const record = new TextEncoder().encode(JSON.stringify(this.pending));
    this.stored = this.pending.at(-1)!.hardState;
    this.pending = [];
    const bytes = new Uint8Array(LENGTH_BYTES + record.length);
    new DataView(bytes.buffer).setUint32(0, record.length);
    bytes.set(record, LENGTH_BYTES);
    handle.write(bytes, { at: this.size });
    this.size += bytes.length;
  }

  close(): void {
    void this.handle.then((handle) => handle.close());
  }
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const node = new WorkerNode(
  (message) => scope.postMessage(message),
  (name) => new OpfsDiskStore(name),
);
scope.onmessage = (event: MessageEvent<ToWorker>) => node.accept(event.data);
