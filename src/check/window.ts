/**
 * An array indexed by log index that can forget a prefix: once every server
 * has compacted its log past an index (Raft §7), no check needs what came
 * before, so a long run's checker state stays bounded. Reads below the
 * window give undefined, as for an index never written.
 */
export class IndexWindow<T> {
  private data: (T | undefined)[] = [];
  private base = 0;

  /** One past the highest index held (as Array.length). */
  get length(): number {
    return this.base + this.data.length;
  }

  /** The lowest index still held. */
  get start(): number {
    return this.base;
  }

  get(index: number): T | undefined {
    return index < this.base ? undefined : this.data[index - this.base];
  }

  set(index: number, value: T): void {
    if (index < this.base) return;
    this.data[index - this.base] = value;
  }

  push(value: T): void {
    this.data.push(value);
  }

  /** Keeps indexes below `length` only (as setting Array.length). */
  truncate(length: number): void {
    const keep = Math.max(0, length - this.base);
    if (this.data.length > keep) this.data.length = keep; // setting length is slow even when it stays
  }

  /** Forgets every index below `index`; amortized, so it costs little to call often. */
  forgetBelow(index: number): void {
    const drop = Math.min(index, this.length) - this.base;
    if (drop < FORGET_BATCH && drop < this.data.length) return;
    if (drop <= 0) return;
    this.data.splice(0, drop);
    this.base += drop;
  }
}

/** Prefixes shorter than this are kept rather than spliced off. */
const FORGET_BATCH = 1024;
