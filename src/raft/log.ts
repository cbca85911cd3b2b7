import type { LogEntry } from './types';

/**
 * The in-memory Raft log, indexed from 1 (Raft Figure 2). Index 0 is the
 * empty prefix with term 0, so prevLogIndex = 0 always matches.
 *
 * `offset` is the index covered by a snapshot (0 until log compaction lands):
 * entries[k] holds index offset + k + 1.
 */
export class RaftLog {
  private entries: LogEntry[];
  private frozen: readonly LogEntry[] | null = null;
  private readonly offset = 0;
  private readonly offsetTerm = 0;

  constructor(entries: readonly LogEntry[] = []) {
    entries.forEach((e, k) => {
      if (e.index !== k + 1)
        throw new Error(`log entry ${k} has index ${e.index}, expected ${k + 1}`);
    });
    this.entries = entries.slice();
  }

  lastIndex(): number {
    return this.offset + this.entries.length;
  }

  lastTerm(): number {
    return this.term(this.lastIndex()) ?? 0;
  }

  /** The term of the entry at `index`, or undefined if the log does not hold it. */
  term(index: number): number | undefined {
    if (index === this.offset) return this.offsetTerm;
    return this.entries[index - this.offset - 1]?.term;
  }

  entry(index: number): LogEntry | undefined {
    return this.entries[index - this.offset - 1];
  }

  matchTerm(index: number, term: number): boolean {
    return this.term(index) === term;
  }

  /** Entries with index in [lo, hi). */
  slice(lo: number, hi: number): LogEntry[] {
    return this.entries.slice(lo - this.offset - 1, hi - this.offset - 1);
  }

  /**
   * The whole log as an immutable array. It is copied once per change, not
   * per call, so views may ask for it as often as they like.
   */
  all(): readonly LogEntry[] {
    this.frozen ??= Object.freeze(this.entries.slice());
    return this.frozen;
  }

  /** Raft §5.4.1: is a log ending at (lastIndex, lastTerm) at least as up-to-date as ours? */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ourTerm = this.lastTerm();
    return lastTerm > ourTerm || (lastTerm === ourTerm && lastIndex >= this.lastIndex());
  }

  /** The first index holding `term`, searching back from `index` (fast backup, §5.3). */
  firstIndexOfTerm(term: number, index: number): number {
    let i = index;
    while (i - 1 > this.offset && this.term(i - 1) === term) i--;
    return i;
  }

  /** The last index holding `term`, or 0 if the log has no entry of that term. */
  lastIndexOfTerm(term: number): number {
    for (let i = this.lastIndex(); i > this.offset; i--) {
      const t = this.term(i) ?? 0;
      if (t === term) return i;
      if (t < term) return 0; // terms only grow along a log
    }
    return 0;
  }

  append(entry: LogEntry): void {
    if (entry.index !== this.lastIndex() + 1) {
      throw new Error(`append at ${entry.index} to a log ending at ${this.lastIndex()}`);
    }
    this.entries.push(entry);
    this.frozen = null;
  }

  /** Deletes the entry at `index` and all that follow it (Figure 2, AppendEntries step 3). */
  truncateFrom(index: number): void {
    if (index <= this.offset)
      throw new Error(`cannot truncate at ${index}: compacted up to ${this.offset}`);
    this.entries.length = Math.max(0, index - this.offset - 1);
    this.frozen = null;
  }
}
