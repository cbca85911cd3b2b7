import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../sim/index.ts';
import { logCell } from './logCell.ts';

const log = (...terms: number[]): LogEntry[] =>
  terms.map((term, k) => ({ index: k + 1, term, command: null }));

describe('logCell', () => {
  const leader = log(1, 1, 2, 2);
  const row = {
    id: 3,
    log: log(1, 1, 3),
    commitIndex: 2,
    lastApplied: 1,
    progress: { nextIndex: 4, matchIndex: 2 },
  };

  it('says what the entry is and how far it got', () => {
    expect(logCell(row, 1, leader)).toMatchObject({
      term: 1,
      committed: true,
      applied: true,
      isLastApplied: true,
      label: 'S3 index 1, term 1, committed and applied, lastApplied',
    });
    expect(logCell(row, 2, leader).label).toBe(
      "S3 index 2, term 1, committed, commitIndex, leader's matchIndex",
    );
  });

  it('points out an entry that differs from the leader, in words as well', () => {
    const c = logCell(row, 3, leader);
    expect(c.agreement).toBe('conflict');
    expect(c.leaderTerm).toBe(2);
    expect(c.label).toContain('differs from the leader, which has term 2');
  });

  it('marks the leader nextIndex on an empty slot', () => {
    expect(logCell(row, 4, leader)).toMatchObject({
      term: null,
      committed: false,
      isNextIndex: true,
      label: "S3 index 4, no entry, leader's nextIndex",
    });
  });

  it('compares nothing when there is no leader', () => {
    expect(logCell(row, 3, null)).toMatchObject({ agreement: 'none', leaderTerm: null });
  });
});
