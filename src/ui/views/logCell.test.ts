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

describe('logCell after a snapshot (Raft §7)', () => {
  // S2 compacted up to index 3 (term 2) and keeps 4 and 5.
  const row = {
    id: 2,
    log: [
      { index: 4, term: 2, command: null },
      { index: 5, term: 3, command: null },
    ],
    commitIndex: 5,
    lastApplied: 5,
    snapshotIndex: 3,
    snapshotTerm: 2,
  };

  it('shows the compacted prefix as applied, and the snapshot’s last entry with its term', () => {
    expect(logCell(row, 2, null)).toMatchObject({
      compacted: true,
      snapshotLast: false,
      term: null,
      applied: true,
      label: 'S2 index 2, compacted into the snapshot',
    });
    expect(logCell(row, 3, null)).toMatchObject({
      compacted: true,
      snapshotLast: true,
      term: 2,
      label: "S2 index 3, the snapshot's last entry, term 2",
    });
    expect(logCell(row, 4, null)).toMatchObject({ compacted: false, term: 2 });
  });

  it('does not call a follower’s entry extra where the leader’s snapshot covers it', () => {
    const follower = { ...row, log: log(1, 1, 2, 2), snapshotIndex: 0, snapshotTerm: 0 };
    const leaderLog = [{ index: 5, term: 3, command: null }];
    expect(logCell(follower, 3, leaderLog, 4).agreement).toBe('none');
    expect(logCell(follower, 3, leaderLog, 0).agreement).toBe('extra');
  });
});
