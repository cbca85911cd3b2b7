import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../raft';
import { Prng } from '../sim/prng';
import { LogRuns, type LogChanges } from './log-runs';

/** The log's object store, as IndexedDB would hold it: run records by first index. */
class Records {
  readonly byKey = new Map<number, readonly LogEntry[]>();

  apply(changes: LogChanges, entries: readonly LogEntry[]): void {
    const { deleteFrom, put, deleteBelow } = changes;
    if (deleteFrom !== null) for (const k of this.keys()) if (k >= deleteFrom) this.byKey.delete(k);
    if (put !== null) this.byKey.set(put, entries);
    if (deleteBelow !== null)
      for (const k of this.keys()) if (k <= deleteBelow) this.byKey.delete(k);
  }

  keys(): number[] {
    return [...this.byKey.keys()].sort((a, b) => a - b);
  }

  read(): [number, readonly LogEntry[]][] {
    return this.keys().map((k) => [k, this.byKey.get(k)!]);
  }
}

describe('LogRuns', () => {
  it('gives back, after any writes and snapshots, the log a write-by-write model holds', () => {
    // Reference: the DiskStore contract applied entry by entry (Raft §5.3
    // for writes, §7 for snapshots), against the records the runs leave.
    for (let seed = 1; seed <= 50; seed++) {
      const prng = Prng.derive(seed, 'log-runs');
      const runs = new LogRuns();
      const records = new Records();
      let reference: LogEntry[] = [];
      let snapshotIndex = 0;
      for (let step = 0; step < 200; step++) {
        const lastIndex = reference.at(-1)?.index ?? snapshotIndex;
        // A write from anywhere past the snapshot up to just past the end
        // (a follower's conflicting tail, a leader's append, a cut to nothing).
        const from = prng.int(snapshotIndex + 1, lastIndex + 1);
        const entries = Array.from({ length: prng.int(0, 4) }, (_, k) => ({
          index: from + k,
          term: step,
          command: `s${seed}.${step}.${k}`,
        }));
        // Sometimes a snapshot in the same transaction, at or below the new end.
        const newLast = from - 1 + entries.length;
        const snapshot =
          prng.next() < 0.15 && newLast > snapshotIndex
            ? prng.int(snapshotIndex + 1, newLast)
            : null;
        records.apply(runs.plan(from, entries.length, snapshot), entries);
        reference = [...reference.filter((e) => e.index < from), ...entries];
        if (snapshot !== null) {
          snapshotIndex = snapshot;
          reference = reference.filter((e) => e.index > snapshotIndex);
        }
        expect(runs.lastIndex).toBe(reference.at(-1)?.index ?? snapshotIndex);
        // What a restart reads: a fresh reader of the records.
        const reader = new LogRuns();
        expect(reader.load(records.read(), snapshotIndex)).toEqual(reference);
        expect(reader.lastIndex).toBe(runs.lastIndex);
        // The store knows the records, and keeps none the snapshot wholly covers.
        expect(runs.records).toBe(records.byKey.size);
        for (const [k, run] of records.read()) {
          const next = records.keys().find((key) => key > k) ?? Infinity;
          const standsFor = run.filter((e) => e.index < next).at(-1)?.index ?? k - 1;
          expect(standsFor > snapshotIndex || k > snapshotIndex).toBe(true);
        }
      }
    }
  });

  it('appends past the end with one record each and deletes nothing', () => {
    const runs = new LogRuns();
    expect(runs.plan(1, 3, null)).toEqual({ deleteFrom: null, put: 1, deleteBelow: null });
    expect(runs.plan(4, 2, null)).toEqual({ deleteFrom: null, put: 4, deleteBelow: null });
    expect(runs.plan(null, 0, null)).toEqual({ deleteFrom: null, put: null, deleteBelow: null });
    expect(runs.records).toBe(2);
  });
});
