/**
 * A server's disk (Raft Figure 2, "persistent state"): an append-only
 * write-ahead log of records and a snapshot file, in one directory.
 *
 * A record is [payload length u32][CRC-32 u32][payload, JSON in UTF-8]. As
 * in etcd's WAL, each CRC is chained: it covers the payload and starts from
 * the previous record's CRC, so a record copied from elsewhere in the file
 * does not check out. Every append is fsynced before it returns: the host
 * sends nothing that depends on a record before it is on disk (Ready order).
 *
 * On open, a last record that is short or fails its CRC is a torn write of
 * a crash: it is cut off, with one line in the server's log. A bad record
 * with good records after it is not a torn write but corruption, and the
 * server refuses to start rather than forget entries silently (etcd's
 * wal/repair.go makes the same distinction).
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { HardState, LogEntry, Persisted, Snapshot } from '../raft';

/** The record header: payload length and CRC, 4 bytes each. */
const HEADER_BYTES = 8;
/** Larger than any record this server writes (a snapshot is a file of its own). */
export const RECORD_BYTES_MAX = 64 * 1024 * 1024;

const WAL_FILE = 'wal.log';
const SNAPSHOT_FILE = 'snapshot.json';

type Record =
  | { readonly t: 'hardState'; readonly hardState: HardState }
  | { readonly t: 'entries'; readonly from: number; readonly entries: readonly LogEntry[] };

/** What open() read back, and what it had to repair. */
export interface Recovered extends Persisted {
  readonly hardState: HardState;
  readonly log: readonly LogEntry[];
  readonly snapshot: Snapshot | null;
  /** One line for the server's log when a torn tail was cut off, else null. */
  readonly repaired: string | null;
}

export class Wal {
  private fd: number;
  private lastCrc: number;

  private constructor(
    private readonly dir: string,
    fd: number,
    lastCrc: number,
  ) {
    this.fd = fd;
    this.lastCrc = lastCrc;
  }

  /** Opens (or creates) the disk in `dir`, repairing a torn tail. Throws on corruption. */
  static open(dir: string): { wal: Wal; recovered: Recovered } {
    mkdirSync(dir, { recursive: true });
    rmSync(join(dir, `${SNAPSHOT_FILE}.tmp`), { force: true });
    rmSync(join(dir, `${WAL_FILE}.tmp`), { force: true });
    const snapshot = readSnapshot(join(dir, SNAPSHOT_FILE));
    const path = join(dir, WAL_FILE);
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    const scan = scanRecords(bytes, path);

    let hardState: HardState = { currentTerm: 0, votedFor: null };
    // Entries by position: log[k] has index base + k.
    const base = (snapshot?.index ?? 0) + 1;
    let log: LogEntry[] = [];
    for (const record of scan.records) {
      if (record.t === 'hardState') {
        hardState = record.hardState;
        continue;
      }
      // Drop every stored entry from `from` on, then append (Ready.entries).
      log.length = Math.max(0, Math.min(log.length, record.from - base));
      for (const e of record.entries)
        if (e.index >= base && e.index === base + log.length) log.push(e);
    }
    // A snapshot newer than the log (a crash between the two writes) wins.
    if (log.length > 0 && log[0]!.index !== base) log = [];

    const fd = openSync(path, 'a+');
    let repaired: string | null = null;
    if (scan.validBytes < bytes.length) {
      ftruncateSync(fd, scan.validBytes);
      fsyncSync(fd);
      repaired =
        `repaired ${WAL_FILE}: cut off a torn or corrupt last record at byte ${scan.validBytes} ` +
        `(${bytes.length - scan.validBytes} bytes); the log now ends at entry ${base + log.length - 1}`;
    }
    return {
      wal: new Wal(dir, fd, scan.lastCrc),
      recovered: { hardState, log, snapshot, repaired },
    };
  }

  /** Appends the records of one Ready and fsyncs them (Raft Figure 2: before responding). */
  append(hardState: HardState | null, entries: Ready['entries']): void {
    const records: Record[] = [];
    if (hardState) records.push({ t: 'hardState', hardState });
    if (entries) records.push({ t: 'entries', from: entries.from, entries: entries.entries });
    if (records.length === 0) return;
    writeFully(this.fd, Buffer.concat(records.map((r) => this.encode(r))));
    fsyncSync(this.fd);
  }

  /**
   * Log compaction (Raft §7): writes the snapshot atomically (a temporary
   * file, fsync, rename, fsync the directory), then rewrites the log as the
   * hard state and the entries after the snapshot, atomically as well.
   */
  saveSnapshot(snapshot: Snapshot, hardState: HardState, after: readonly LogEntry[]): void {
    const body = Buffer.from(JSON.stringify(snapshot));
    const header = Buffer.from(`${crc32(body).toString(16).padStart(8, '0')}\n`);
    writeAtomically(this.dir, SNAPSHOT_FILE, Buffer.concat([header, body]));

    this.lastCrc = 0;
    const records: Record[] = [{ t: 'hardState', hardState }];
    if (after.length > 0) records.push({ t: 'entries', from: after[0]!.index, entries: after });
    const walBytes = Buffer.concat(records.map((r) => this.encode(r)));
    closeSync(this.fd);
    writeAtomically(this.dir, WAL_FILE, walBytes);
    this.fd = openSync(join(this.dir, WAL_FILE), 'a+');
  }

  close(): void {
    closeSync(this.fd);
  }

  private encode(record: Record): Buffer {
    const payload = Buffer.from(JSON.stringify(record));
    const header = Buffer.alloc(HEADER_BYTES);
    this.lastCrc = crc32(payload, this.lastCrc);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt32LE(this.lastCrc, 4);
    return Buffer.concat([header, payload]);
  }
}

type Ready = { entries: { readonly from: number; readonly entries: readonly LogEntry[] } | null };

/** The records that check out, and where the good part of the file ends. */
function scanRecords(
  bytes: Buffer,
  path: string,
): { records: Record[]; validBytes: number; lastCrc: number } {
  const records: Record[] = [];
  let offset = 0;
  let lastCrc = 0;
  while (offset < bytes.length) {
    const bad = (): string | null => {
      if (offset + HEADER_BYTES > bytes.length) return 'a short header';
      const length = bytes.readUInt32LE(offset);
      if (length > RECORD_BYTES_MAX || offset + HEADER_BYTES + length > bytes.length)
        return 'a short record';
      const payload = bytes.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length);
      if (crc32(payload, lastCrc) !== bytes.readUInt32LE(offset + 4)) return 'a bad checksum';
      return null;
    };
    const problem = bad();
    if (problem !== null) {
      // A torn write can only be the last thing in the file.
      if (hasGoodRecordAfter(bytes, offset)) {
        throw new Error(
          `${path} is corrupt at byte ${offset} (${problem}) with good records after it: ` +
            'this is damage, not a torn write, so the server will not start on it. ' +
            'Move the directory away to rejoin as an empty server (the others keep the committed log).',
        );
      }
      return { records, validBytes: offset, lastCrc };
    }
    const length = bytes.readUInt32LE(offset);
    const payload = bytes.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length);
    lastCrc = bytes.readUInt32LE(offset + 4);
    records.push(JSON.parse(payload.toString('utf8')) as Record);
    offset += HEADER_BYTES + length;
  }
  return { records, validBytes: offset, lastCrc };
}

/**
 * Whether a record that checks out (against its own payload, since the
 * chain is broken here) starts anywhere after `offset`. A torn tail is
 * followed by nothing but the garbage of one record.
 */
function hasGoodRecordAfter(bytes: Buffer, offset: number): boolean {
  for (let at = offset + 1; at + HEADER_BYTES <= bytes.length; at++) {
    const length = bytes.readUInt32LE(at);
    if (length === 0 || at + HEADER_BYTES + length > bytes.length) continue;
    const payload = bytes.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length);
    if (payload[0] !== 0x7b /* '{' */) continue;
    try {
      const record = JSON.parse(payload.toString('utf8')) as { t?: unknown };
      if (record.t === 'hardState' || record.t === 'entries') return true;
    } catch {
      // Not a record.
    }
  }
  return false;
}

function readSnapshot(path: string): Snapshot | null {
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  const newline = bytes.indexOf(0x0a);
  const body = bytes.subarray(newline + 1);
  if (
    newline !== 8 ||
    bytes.subarray(0, 8).toString() !== crc32(body).toString(16).padStart(8, '0')
  )
    throw new Error(
      `${path} fails its checksum; it was written atomically, so this is damage. ` +
        'Move the directory away to rejoin as an empty server.',
    );
  return JSON.parse(body.toString('utf8')) as Snapshot;
}

/** writeSync may write less than asked; a record must go out whole. */
function writeFully(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
}

/** Write, fsync, rename over the old file, fsync the directory: the file is old or new, never half. */
function writeAtomically(dir: string, name: string, bytes: Buffer): void {
  const tmp = join(dir, `${name}.tmp`);
  const fd = openSync(tmp, 'w');
  writeFully(fd, bytes);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, join(dir, name));
  const dirFd = openSync(dir, 'r');
  fsyncSync(dirFd);
  closeSync(dirFd);
}
