import type { HardState, LogEntry, Snapshot } from '../raft';
import type { Disk } from '../sim/host';

/**
 * A node's stable storage as the Worker sees it. Changes are recorded as
 * they happen and made durable together by flush(). The worker hands a
 * window's writes over before it posts any of its messages (persist before
 * send; worker-core.ts says why it need not await the commit).
 *
 * The log is kept by absolute index: after a snapshot (Raft §7) it holds only
 * the entries past the snapshot's index.
 */
export interface DiskStore {
  /** What the node stored before, or null if it never stored anything. */
  load(): Promise<Disk | null>;
  /** Replaces hard state and every entry with index >= from by `entries`; durable after flush(). */
  write(hardState: HardState, from: number | null, entries: readonly LogEntry[]): void;
  /** Stores `snapshot` and drops the entries it stands for (index <= snapshot.index); durable after flush(). */
  writeSnapshot(snapshot: Snapshot): void;
  /**
   * Resolves once every write made so far is durable. A store may wait a
   * while for more writes to join them (group commit), unless `now`: a crash
   * or a start is waiting.
   */
  flush(now?: boolean): Promise<void>;
  close(): void;
}

/** Opens the store named `name`; the browser uses IndexedDB, Node tests use memory. */
export type OpenDisk = (name: string) => DiskStore;

/** An in-memory store whose contents outlive the node (as a disk outlives a crash). */
export class MemoryDiskStore implements DiskStore {
  constructor(
    private readonly name: string,
    private readonly registry: Map<string, Disk>,
  ) {}

  load(): Promise<Disk | null> {
    const d = this.registry.get(this.name);
    return Promise.resolve(
      d ? { hardState: d.hardState, log: d.log.slice(), snapshot: d.snapshot ?? null } : null,
    );
  }

  write(hardState: HardState, from: number | null, entries: readonly LogEntry[]): void {
    const d = this.registry.get(this.name) ?? { hardState, log: [] };
    d.hardState = hardState;
    if (from !== null) {
      // The log is contiguous by index: what stays is a prefix, cut in place
      // (a copy of the whole log per write grew with the run).
      const first = d.log[0]?.index ?? from;
      d.log.length = Math.min(Math.max(from - first, 0), d.log.length);
      for (const e of entries) d.log.push(e);
    }
    this.registry.set(this.name, d);
  }

  writeSnapshot(snapshot: Snapshot): void {
    const d = this.registry.get(this.name);
    if (!d) throw new Error(`${this.name}: a snapshot before any hard state`);
    d.snapshot = snapshot;
    d.log = d.log.filter((e) => e.index > snapshot.index);
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  close(): void {}
}
