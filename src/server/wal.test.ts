import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../raft';
import { Wal } from './wal';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'raft-wal-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const entry = (index: number, term: number): LogEntry => ({ index, term, command: { n: index } });

/** Writes hard state and entries 1..3 in three records, as three Readies would. */
function writeThree(dir: string): void {
  const { wal } = Wal.open(dir);
  wal.append({ currentTerm: 2, votedFor: 1 }, { from: 1, entries: [entry(1, 1), entry(2, 2)] });
  wal.append(null, { from: 3, entries: [entry(3, 2)] });
  wal.close();
}

describe('the write-ahead log', () => {
  it('reads back the hard state and the log, a truncation included (Ready.entries semantics)', () => {
    const dir = freshDir();
    const { wal } = Wal.open(dir);
    wal.append(
      { currentTerm: 1, votedFor: 2 },
      { from: 1, entries: [entry(1, 1), entry(2, 1), entry(3, 1)] },
    );
    // A new leader overwrites from index 2 (Raft §5.3).
    wal.append({ currentTerm: 3, votedFor: null }, { from: 2, entries: [entry(2, 3)] });
    wal.close();
    const { recovered } = Wal.open(dir);
    expect(recovered.hardState).toEqual({ currentTerm: 3, votedFor: null });
    expect(recovered.log).toEqual([entry(1, 1), entry(2, 3)]);
    expect(recovered.repaired).toBeNull();
  });

  it('cuts off a torn last record and says so, keeping every whole record', () => {
    const dir = freshDir();
    writeThree(dir);
    const path = join(dir, 'wal.log');
    truncateSync(path, readFileSync(path).length - 5);
    const { wal, recovered } = Wal.open(dir);
    expect(recovered.log).toEqual([entry(1, 1), entry(2, 2)]);
    expect(recovered.repaired).toMatch(/torn or corrupt last record .* ends at entry 2/);
    // The repaired file takes appends that a later open reads back.
    wal.append(null, { from: 3, entries: [entry(3, 3)] });
    wal.close();
    expect(Wal.open(dir).recovered.log).toEqual([entry(1, 1), entry(2, 2), entry(3, 3)]);
  });

  it('cuts off a last record whose bytes were corrupted (its checksum fails)', () => {
    const dir = freshDir();
    writeThree(dir);
    const path = join(dir, 'wal.log');
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
    writeFileSync(path, bytes);
    const { recovered } = Wal.open(dir);
    expect(recovered.log.map((e) => e.index)).toEqual([1, 2]);
    expect(recovered.repaired).not.toBeNull();
  });

  it('refuses to start on a corrupt record in the middle, rather than forget what follows', () => {
    const dir = freshDir();
    writeThree(dir);
    const path = join(dir, 'wal.log');
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(12) ^ 0xff, 12); // inside the first record's payload
    writeFileSync(path, bytes);
    expect(() => Wal.open(dir)).toThrow(/corrupt at byte 0 .* not a torn write/);
  });

  it('chains checksums: a whole record copied to the end does not check out there', () => {
    const dir = freshDir();
    const { wal } = Wal.open(dir);
    wal.append(null, { from: 1, entries: [entry(1, 1)] });
    wal.close();
    const path = join(dir, 'wal.log');
    const first = readFileSync(path);
    appendFileSync(path, first); // the same bytes again: a valid record on its own
    const { recovered } = Wal.open(dir);
    expect(recovered.log).toEqual([entry(1, 1)]);
    expect(recovered.repaired).not.toBeNull();
  });

  it('keeps a snapshot atomically and the entries after it (Raft §7)', () => {
    const dir = freshDir();
    writeThree(dir);
    const { wal } = Wal.open(dir);
    wal.saveSnapshot({ index: 2, term: 2, data: { users: 1 } }, { currentTerm: 2, votedFor: 1 }, [
      entry(3, 2),
    ]);
    wal.append(null, { from: 4, entries: [entry(4, 2)] });
    wal.close();
    const { recovered } = Wal.open(dir);
    expect(recovered.snapshot).toEqual({ index: 2, term: 2, data: { users: 1 } });
    expect(recovered.log).toEqual([entry(3, 2), entry(4, 2)]);
    expect(recovered.hardState).toEqual({ currentTerm: 2, votedFor: 1 });
  });
});
