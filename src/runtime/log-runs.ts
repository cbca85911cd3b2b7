import type { LogEntry } from '../raft';

/**
 * How a disk keeps its log as runs of entries, one record per transaction
 * (idb-disk.ts) rather than one per entry: a run is keyed by its first index
 * and holds entries from there on, and a later run cuts the ones before it
 * where it starts, as a write replaces every entry from its first index on
 * (Raft §5.3). Reading the runs in key order and doing the same gives the
 * log. This class plans each transaction's changes to the records and knows
 * which runs are on disk; it touches no storage itself.
 */
export class LogRuns {
  /** The runs on disk, in key order, each with the last index it still stands for. */
  private runs: Run[] = [];
  /** The last index of the log as planned so far. */
  lastIndex = 0;
  /** The index of the latest snapshot, as planned so far (0: none). */
  private snapshotIndex = 0;

  /**
   * Takes in the records as read, in key order, and returns the log they
   * hold past `snapshotIndex` (a run may reach below the snapshot it outlived).
   */
  load(
    records: readonly (readonly [number, readonly LogEntry[]])[],
    snapshotIndex: number,
  ): LogEntry[] {
    const log: LogEntry[] = [];
    this.runs = [];
    for (const [start, entries] of records) {
      cutAt(log, start);
      for (const e of entries) log.push(e);
      this.add(start, entries.length);
    }
    this.snapshotIndex = snapshotIndex;
    const kept = log.filter((e) => e.index > snapshotIndex);
    this.lastIndex = kept.at(-1)?.index ?? snapshotIndex;
    return kept;
  }

  /**
   * The changes of one transaction that writes `length` entries from `from`
   * (null: no log write) and then a snapshot at `snapshotIndex` (null: none),
   * to apply in the order of the fields of LogChanges.
   */
  plan(from: number | null, length: number, snapshotIndex: number | null): LogChanges {
    const changes: LogChanges = { deleteFrom: null, put: null, deleteBelow: null };
    if (from !== null) {
      // Appending past the last entry replaces nothing: no run to delete.
      const inside = from <= this.lastIndex;
      if (inside) changes.deleteFrom = from;
      // An empty run still says where the log now ends.
      if (inside || length > 0) {
        changes.put = from;
        this.add(from, length);
      }
      this.lastIndex = from - 1 + length;
    }
    if (snapshotIndex !== null) this.snapshotIndex = snapshotIndex;
    // The runs' last indexes grow in key order: those the snapshot covers
    // (since it was taken, or since a write cut them) come first.
    let covered = 0;
    while (covered < this.runs.length && this.runs[covered]!.last <= this.snapshotIndex) covered++;
    if (covered > 0) {
      changes.deleteBelow = this.runs[covered - 1]!.start;
      this.runs = this.runs.slice(covered);
    }
    return changes;
  }

  /** Records on disk, as planned so far. */
  get records(): number {
    return this.runs.length;
  }

  /** A run from `start`: it replaces the runs from there on and cuts the one before. */
  private add(start: number, length: number): void {
    while (this.runs.length > 0 && this.runs.at(-1)!.start >= start) this.runs.pop();
    const before = this.runs.at(-1);
    if (before && before.last >= start) before.last = start - 1;
    this.runs.push({ start, last: start - 1 + length });
  }
}

/** One transaction's changes to the log's records; null: none of that kind. */
export interface LogChanges {
  /** First, delete every run from this key on (a write inside the log replaces them). */
  deleteFrom: number | null;
  /** Then put the written entries as a run at this key, their first index. */
  put: number | null;
  /** Last, delete every run up to this key (a snapshot stands for all they still hold). */
  deleteBelow: number | null;
}

interface Run {
  readonly start: number;
  last: number;
}

/** Drops the entries from `index` on from `log`, contiguous by index. */
function cutAt(log: LogEntry[], index: number): void {
  const first = log[0]?.index ?? index;
  log.length = Math.min(Math.max(index - first, 0), log.length);
}
