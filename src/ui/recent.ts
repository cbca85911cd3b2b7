/** A bounded buffer of the most recent items: old ones fall off the front. */
export class Recent<T> {
  private readonly items: T[] = [];
  private start = 0;

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0))
      throw new RangeError(`A capacity is a whole number above 0; got ${capacity}.`);
  }

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Oldest first. */
  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }

  /** The last `count` items that match, oldest first, without copying the rest. */
  last(count: number, keep: (item: T) => boolean): T[] {
    const out: T[] = [];
    for (let k = this.items.length - 1; k >= 0 && out.length < count; k--) {
      const item = this.items[(this.start + k) % this.items.length] as T;
      if (keep(item)) out.push(item);
    }
    return out.reverse();
  }

  clear(): void {
    this.items.length = 0;
    this.start = 0;
  }
}
