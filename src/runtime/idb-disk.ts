import type { HardState, LogEntry, Snapshot } from '../raft';
import type { Disk } from '../sim/host';
import type { DiskStore } from './disk';
import { LogRuns, type LogChanges } from './log-runs';

const META = 'meta';
const LOG = 'log';
const HARD_STATE_KEY = 'hardState';
const SNAPSHOT_KEY = 'snapshot';
/** 2: the log kept as runs of entries, one record per transaction (1 had one record per entry). */
const DB_VERSION = 2;

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
 * join it. Nothing in a run waits for a commit but a crash and a start (see
 * worker-core.ts), and those ask for it at once (flush(true)), so the delay
 * costs nothing the run can see. What costs is the browser's storage work
 * per transaction and per record, which the browser process does for every
 * node of the page: in bench:runtime's 5-node run it was about a third of
 * all the CPU time at a 4 ms delay.
 */
const COMMIT_DELAY_MS = 50;

/** A transaction starts without waiting out the delay once this many entries wait for it. */
const PENDING_ENTRIES_MAX = 1024;

/**
 * A node's disk in IndexedDB: one database per page session and node, with
 * the hard state and the latest snapshot (Raft §7) in `meta`, and the log in
 * `log` as runs of entries, one record per transaction rather than one per
 * entry (log-runs.ts): the browser's storage works per record.
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
  /** The log's records, as loaded and handed to transactions. */
  private readonly runs = new LogRuns();
  /** The transaction being committed, if any. */
  private inFlight: Promise<void> | null = null;
  /** The next transaction: it starts once `inFlight` is done, with every write made until then. */
  private queued: Promise<void> | null = null;
  /** Ends the next transaction's wait for more writes, if it is waiting. */
  private hurry: (() => void) | null = null;

  constructor(readonly name: string) {
    this.db = openDatabase(name);
  }

  async load(): Promise<Disk | null> {
    const db = await this.db;
    const tx = db.transaction([META, LOG], 'readonly');
    const hardState = request<HardState | undefined>(tx.objectStore(META).get(HARD_STATE_KEY));
    const snapshot = request<Snapshot | undefined>(tx.objectStore(META).get(SNAPSHOT_KEY));
    const starts = request<number[]>(tx.objectStore(LOG).getAllKeys());
    const runs = request<LogEntry[][]>(tx.objectStore(LOG).getAll());
    const [h, s, keys, values] = await Promise.all([hardState, snapshot, starts, runs]);
    const log = this.runs.load(
      keys.map((start, k) => [start, values[k]!] as const),
      s?.index ?? 0,
    );
    this.stored = h ?? null;
    return h ? { hardState: h, log, snapshot: s ?? null } : null;
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

  /**
   * Resolves once every write made so far is committed. The transaction
   * waits a while for more writes to join it, unless `now`.
   */
  flush(now = false): Promise<void> {
    if (this.pending && this.pending.entries.length >= PENDING_ENTRIES_MAX) now = true;
    if (this.queued) {
      if (now) this.hurry?.();
      return this.queued;
    }
    if (!this.pending) return this.inFlight ?? Promise.resolve();
    const waited = now
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, COMMIT_DELAY_MS);
          this.hurry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    this.queued = Promise.all([this.inFlight, waited]).then(() => {
      this.queued = null;
      this.hurry = null;
      return this.start();
    });
    return this.queued;
  }

  /** Commits the pending writes in one transaction. */
  private start(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (!p) return Promise.resolve();
    if (p.hardState) this.stored = { ...p.hardState };
    const changes = this.runs.plan(p.from, p.entries.length, p.snapshot?.index ?? null);
    const done = this.commit(p, changes).finally(() => {
      if (this.inFlight === done) this.inFlight = null;
    });
    this.inFlight = done;
    return done;
  }

  private async commit(p: Pending, changes: LogChanges): Promise<void> {
    const db = await this.db;
    const tx = db.transaction([META, LOG], 'readwrite', { durability: DURABILITY });
    if (p.hardState) tx.objectStore(META).put(p.hardState, HARD_STATE_KEY);
    const log = tx.objectStore(LOG);
    if (changes.deleteFrom !== null) log.delete(IDBKeyRange.lowerBound(changes.deleteFrom));
    if (changes.put !== null) log.put(p.entries, changes.put);
    if (p.snapshot) tx.objectStore(META).put(p.snapshot, SNAPSHOT_KEY);
    if (changes.deleteBelow !== null) log.delete(IDBKeyRange.upperBound(changes.deleteBelow));
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
