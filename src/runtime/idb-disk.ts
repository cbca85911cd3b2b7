import type { HardState, LogEntry, Snapshot } from '../raft';
import type { Disk } from '../sim/host';
import type { DiskStore } from './disk';

const META = 'meta';
const LOG = 'log';
const HARD_STATE_KEY = 'hardState';
const SNAPSHOT_KEY = 'snapshot';
const DB_VERSION = 1;

/**
 * Transactions commit to the operating system without waiting for an fsync:
 * what they hold survives the worker's termination and the tab's closing
 * (the crash this playground simulates), not the machine's. In a profile on
 * disk, `bench:runtime` times a small relaxed transaction at about 0.45 ms,
 * 'default' at 0.6 to 0.9 ms and 'strict' at 0.8 to 1.7 ms (in memory, as in
 * an incognito window, all three cost the same: the trip to the browser's
 * storage, about 0.4 ms).
 */
const DURABILITY: IDBTransactionDurability = 'relaxed';

/**
 * Group commit over time: a transaction waits this long for more writes to
 * join it. Nothing in a run waits for a commit but a crash (see
 * worker-core.ts), so the delay costs nothing the run can see, and each
 * transaction costs the browser's storage the same whatever it holds.
 */
const COMMIT_DELAY_MS = 4;

/**
 * A node's disk in IndexedDB: one database per page session and node, with
 * the hard state and the latest snapshot (Raft §7) in `meta` and the log in
 * `log` keyed by index (only the entries past the snapshot).
 *
 * Group commit: writes are queued and flush() commits them in one
 * transaction; while a transaction is in flight, later writes wait and go
 * together in the next one. The browser commits one origin's transactions
 * one at a time, so fewer transactions is what makes every node faster.
 */
export class IndexedDbDiskStore implements DiskStore {
  private db: Promise<IDBDatabase>;
  private pending: Pending | null = null;
  /** The hard state as last loaded or handed to a transaction. */
  private stored: HardState | null = null;
  /** The last log index as last loaded or handed to a transaction. */
  private lastIndex = 0;
  /** The transaction being committed, if any. */
  private inFlight: Promise<void> | null = null;
  /** The next transaction: it starts once `inFlight` is done, with every write made until then. */
  private queued: Promise<void> | null = null;

  constructor(readonly name: string) {
    this.db = openDatabase(name);
  }

  async load(): Promise<Disk | null> {
    const db = await this.db;
    const tx = db.transaction([META, LOG], 'readonly');
    const hardState = request<HardState | undefined>(tx.objectStore(META).get(HARD_STATE_KEY));
    const snapshot = request<Snapshot | undefined>(tx.objectStore(META).get(SNAPSHOT_KEY));
    const log = request<LogEntry[]>(tx.objectStore(LOG).getAll());
    const [h, s, entries] = await Promise.all([hardState, snapshot, log]);
    this.stored = h ?? null;
    this.lastIndex = entries.at(-1)?.index ?? s?.index ?? 0;
    return h ? { hardState: h, log: entries, snapshot: s ?? null } : null;
  }

  write(hardState: HardState, from: number | null, entries: readonly LogEntry[]): void {
    // Most windows change neither term, vote nor log. Writing the same hard
    // state again would cost a transaction, and the browser commits one
    // origin's transactions one at a time, so every node would pay for it.
    if (!this.pending && from === null && sameHardState(hardState, this.stored)) return;
    if (!this.pending) {
      this.pending = { hardState, from, entries: entries.slice(), snapshot: null };
      return;
    }
    const p = this.pending;
    p.hardState = hardState;
    if (from === null) return;
    if (p.from === null) {
      p.from = from;
      p.entries = entries.slice();
    } else if (from <= p.from) {
      p.from = from;
      p.entries = entries.slice();
    } else {
      p.entries = [...p.entries.slice(0, from - p.from), ...entries];
    }
  }

  /**
   * The snapshot replaces any earlier one; the entries it stands for are
   * deleted when the transaction commits, after the log writes it carries.
   * That order is right however writes and snapshots interleaved: the host
   * never writes an entry at or below its snapshot's index after taking it
   * (its log starts past it), so deleting them last removes only what the
   * snapshot covers, whenever it was written.
   */
  writeSnapshot(snapshot: Snapshot): void {
    if (this.pending) this.pending.snapshot = snapshot;
    else this.pending = { hardState: null, from: null, entries: [], snapshot };
  }

  /** Resolves once every write made so far is committed. */
  flush(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.pending) return this.inFlight ?? Promise.resolve();
    this.queued = (this.inFlight ?? Promise.resolve())
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, COMMIT_DELAY_MS)))
      .then(() => {
        this.queued = null;
        return this.start();
      });
    return this.queued;
  }

  /** Commits the pending writes in one transaction. */
  private start(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (!p) return Promise.resolve();
    // Appending past the last entry replaces nothing: no range to delete.
    const truncate = p.from !== null && p.from <= this.lastIndex;
    if (p.hardState) this.stored = { ...p.hardState };
    if (p.from !== null) this.lastIndex = p.from - 1 + p.entries.length;
    const done = this.commit(p, truncate).finally(() => {
      if (this.inFlight === done) this.inFlight = null;
    });
    this.inFlight = done;
    return done;
  }

  private async commit(p: Pending, truncate: boolean): Promise<void> {
    const db = await this.db;
    const tx = db.transaction([META, LOG], 'readwrite', { durability: DURABILITY });
    if (p.hardState) tx.objectStore(META).put(p.hardState, HARD_STATE_KEY);
    const log = tx.objectStore(LOG);
    if (p.from !== null) {
      if (truncate) log.delete(IDBKeyRange.lowerBound(p.from));
      for (const e of p.entries) log.put(e, e.index);
    }
    if (p.snapshot) {
      tx.objectStore(META).put(p.snapshot, SNAPSHOT_KEY);
      log.delete(IDBKeyRange.upperBound(p.snapshot.index));
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error(`could not write ${this.name}`));
      tx.onabort = () => reject(tx.error ?? new Error(`writing ${this.name} was aborted`));
    });
  }

  close(): void {
    void this.db.then((db) => db.close());
  }
}

/** Deletes databases by name: a reset leaves nothing behind. */
export async function deleteDatabases(names: readonly string[]): Promise<void> {
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase(name);
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
          req.onblocked = () => resolve(); // deleted once the last connection closes
        }),
    ),
  );
}

/** Writes not yet handed to a transaction, merged; null hard state: unchanged. */
interface Pending {
  hardState: HardState | null;
  from: number | null;
  entries: LogEntry[];
  snapshot: Snapshot | null;
}

function sameHardState(a: HardState, b: HardState | null): boolean {
  return b !== null && a.currentTerm === b.currentTerm && a.votedFor === b.votedFor;
}

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, DB_VERSION);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(META);
      req.result.createObjectStore(LOG);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`could not open ${name}`));
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}
