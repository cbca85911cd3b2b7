import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../raft';
import type { Disk } from '../sim/host';
import { MemoryDiskStore } from './disk';

const entry = (index: number, term: number): LogEntry => ({ index, term, command: `c${index}` });
const range = (from: number, to: number, term: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => entry(from + k, term));

describe('MemoryDiskStore', () => {
  it('replaces every entry from `from` on, as the DiskStore contract says', async () => {
    // Reference: a log rebuilt by filter on every write (a second implementation).
    const writes: [number, LogEntry[]][] = [
      [1, range(1, 5, 1)],
      [6, range(6, 8, 1)],
      [4, range(4, 6, 2)], // a follower's conflicting tail replaced (Raft §5.3)
      [7, range(7, 7, 2)],
      [2, range(2, 3, 3)],
      [4, []],
    ];
    const disks = new Map<string, Disk>();
    const disk = new MemoryDiskStore('S1', disks);
    let reference: LogEntry[] = [];
    for (const [from, entries] of writes) {
      disk.write({ currentTerm: 3, votedFor: 1 }, from, entries);
      reference = [...reference.filter((e) => e.index < from), ...entries];
      expect((await disk.load())?.log).toEqual(reference);
    }
  });

  it('keeps the entries past a snapshot, and cuts from there on', async () => {
    const disk = new MemoryDiskStore('S1', new Map());
    disk.write({ currentTerm: 1, votedFor: null }, 1, range(1, 10, 1));
    disk.writeSnapshot({ index: 6, term: 1, data: null });
    disk.write({ currentTerm: 2, votedFor: null }, 9, range(9, 9, 2));
    expect((await disk.load())?.log).toEqual([entry(7, 1), entry(8, 1), entry(9, 2)]);
  });
});
