import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../sim/index.ts';
import { agreement, entryAt, logColumns } from './logDiff.ts';

const log = (...terms: number[]): LogEntry[] =>
  terms.map((term, k) => ({ index: k + 1, term, command: null }));

describe('agreement with the leader', () => {
  // Raft Figure 7: the leader of term 8 and a follower with entries of term 2 and 3.
  const leader = log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6);
  const follower = log(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3);

  it('marks same-term entries as agreeing and different terms as conflicts', () => {
    expect(agreement(leader, follower, 3)).toBe('same');
    expect(agreement(leader, follower, 4)).toBe('conflict');
  });

  it('tells an entry the leader lacks from a missing one', () => {
    expect(agreement(leader, follower, 11)).toBe('extra');
    expect(agreement(leader, log(1), 2)).toBe('none');
  });

  it('compares nothing without a leader', () => {
    expect(agreement(null, follower, 4)).toBe('none');
  });
});

describe('entryAt', () => {
  it('finds entries of a log that starts after a snapshot', () => {
    const compacted: LogEntry[] = [
      { index: 5, term: 2, command: null },
      { index: 6, term: 3, command: null },
    ];
    expect(entryAt(compacted, 6)?.term).toBe(3);
    expect(entryAt(compacted, 4)).toBeUndefined();
    expect(entryAt([], 1)).toBeUndefined();
  });
});

describe('logColumns', () => {
  it('spans every stored index and every nextIndex', () => {
    expect(
      logColumns([{ log: log(1, 1) }, { log: log(1, 1, 2) }], {
        2: { nextIndex: 4, matchIndex: 2 },
      }),
    ).toEqual({
      first: 1,
      count: 4,
    });
  });

  it('is empty when every log is', () => {
    expect(logColumns([{ log: [] }, { log: [] }], undefined)).toEqual({ first: 1, count: 0 });
  });
});

describe('logColumns with snapshots', () => {
  it('starts at the earliest snapshot’s last index, so the compacted prefix shows', () => {
    const tail = [{ index: 8, term: 2, command: null }];
    expect(logColumns([{ log: tail, snapshotIndex: 7 }, { log: [] }], undefined)).toEqual({
      first: 7,
      count: 2,
    });
    expect(logColumns([{ log: [], snapshotIndex: 5 }], undefined)).toEqual({ first: 5, count: 1 });
  });
});
