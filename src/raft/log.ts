import type { LogEntry } from './types';

/**
 * The in-memory Raft log, indexed from 1 (Raft Figure 2). Index 0 is the
 * empty prefix with term 0, so prevLogIndex = 0 always matches.
 *
 * After log compaction (Raft §7) a snapshot stands for every entry up to
 * `offset`, whose term is `offsetTerm`: entries[k] holds index offset + k + 1,
 * and the terms of entries before `offset` are no longer known.
 */
export class RaftLog {
  private entries: LogEntry[];
  private frozen: readonly LogEntry[] | null = null;
  private offset: number;
  private offsetTerm: number;

  constructor(
    entries: readonly LogEntry[] = [],
    snapshot: { index: number; term: number } | null = null,
  ) {
    this.offset = snapshot?.index ?? 0;
    this.offsetTerm = snapshot?.term ?? 0;
    entries.forEach((e, k) => {
      if (e.index !== this.offset + k + 1)
        throw new Error(`log entry ${k} has index ${e.index}, expected ${this.offset + k + 1}`);
    });
    this.entries = entries.slice();
  }

  /** The last index a snapshot stands for (0 when none). */
  get snapshotIndex(): number {
    return this.offset;
  }

  get snapshotTerm(): number {
    return this.offsetTerm;
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
    if (index < this.offset) return undefined;
    return this.entries[index - this.offset - 1]?.term;
  }

  entry(index: number): LogEntry | undefined {
    return this.entries[index - this.offset - 1];
  }

  matchTerm(index: number, term: number): boolean {
    return this.term(index) === term;
  }

  /** Entries with index in [lo, hi); lo must not be compacted. */
  slice(lo: number, hi: number): LogEntry[] {
    if (lo <= this.offset)
      throw new Error(`entries from ${lo} are compacted (snapshot at ${this.offset})`);
    return this.entries.slice(lo - this.offset - 1, hi - this.offset - 1);
  }

  /** Raft §7: drops the entries up to `index`, which a snapshot now stands for. */
  compact(index: number): void {
    const term = this.term(index);
    if (index <= this.offset || term === undefined)
      throw new Error(
        `cannot compact at ${index}: log holds ${this.offset + 1}..${this.lastIndex()}`,
      );
    this.entries.splice(0, index - this.offset);
    this.offset = index;
    this.offsetTerm = term;
    this.frozen = null;
  }

  /**
   * Raft Figure 13, InstallSnapshot steps 6 and 7: keep the entries after
   * the snapshot if the log holds its last entry; otherwise discard the log.
   * Returns whether any entry was kept.
   */
  restore(index: number, term: number): boolean {
    if (index === this.offset && term === this.offsetTerm) return true;
    if (this.term(index) === term && index > this.offset) {
      this.compact(index);
      return true;
    }
    this.entries = [];
    this.offset = index;
    this.offsetTerm = term;
    this.frozen = null;
    return false;
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
    const keep = Math.max(0, index - this.offset - 1);
    if (this.entries.length > keep) this.entries.length = keep;
    this.frozen = null;
  }
}
