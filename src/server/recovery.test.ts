import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserServiceOp } from '../check/lin';
import { Prng } from '../sim/prng';
import { checkHistory } from './jepsen';
import { TestCluster, call, login } from './testing';
import { HistoryClient } from './workload';

/** Writes each client makes in a burst. */
const BURST_WRITES = 15;

let cluster: TestCluster | undefined;
afterEach(() => cluster?.destroy());

function clients(c: TestCluster, names: string[], history: UserServiceOp[]): HistoryClient[] {
  return names.map(
    (name, k) => new HistoryClient(c.urls, name, k + 1, Prng.derive(7, 'recovery', k), history),
  );
}

async function burst(all: HistoryClient[], writes: number): Promise<void> {
  await Promise.all(
    all.map(async (client) => {
      while (!client.loggedIn) await client.login();
      for (let n = 0; n < writes; n++) await client.write(`${client.user}:${n}`);
    }),
  );
}

/** A copy of the file's last record: the shape of the next record a crash could tear. */
function lastRecord(path: string): Buffer {
  const bytes = readFileSync(path);
  let offset = 0;
  let last = 0;
  while (offset < bytes.length) {
    last = offset;
    offset += 8 + bytes.readUInt32LE(offset);
  }
  return Buffer.from(bytes.subarray(last));
}

/**
 * Garbles the log's last record of entries in place, and drops what follows
 * it: records that were fsynced, and acknowledged, now lost as a faulty
 * disk loses them (not a torn write, which was never acknowledged).
 * Returns the first index the damaged record held.
 */
function loseLastEntries(path: string): number {
  const bytes = readFileSync(path);
  let offset = 0;
  let last: { start: number; end: number; from: number } | null = null;
  while (offset < bytes.length) {
    const end = offset + 8 + bytes.readUInt32LE(offset);
    const record = JSON.parse(bytes.subarray(offset + 8, end).toString('utf8')) as {
      t: string;
      from?: number;
    };
    if (record.t === 'entries') last = { start: offset, end, from: record.from! };
    offset = end;
  }
  if (!last) throw new Error(`no entries in ${path}`);
  const kept = Buffer.from(bytes.subarray(0, last.end));
  kept.writeUInt8(kept.readUInt8(last.end - 2) ^ 0x5a, last.end - 2);
  writeFileSync(path, kept);
  return last.from;
}

describe('crash recovery from the disk', () => {
  it('kill -9 of the leader during a burst of writes loses no acknowledged write', async () => {
    cluster = await TestCluster.start(3);
    const c = cluster;
    const leader = await c.waitForLeader();
    const history: UserServiceOp[] = [];
    const names = ['alice', 'bob', 'carol'];
    const writing = burst(clients(c, names, history), BURST_WRITES);
    await sleep(300);
    await c.kill(leader);
    await c.start(leader);
    await writing;
    await c.waitForLeader();
    await c.waitForConvergence();
    expect(await checkHistory(c, history, names)).toEqual([]);
    // The restarted server read its entries back from its files before it heard from anyone.
    const restarted = c.logs.filter((l) => l.startsWith(`S${leader} started`));
    expect(restarted[1]).toMatch(/with entries up to [1-9]/);
  });

  it('a follower asked to write while the leader dies answers once a new leader has applied it, once', async () => {
    cluster = await TestCluster.start(3);
    const c = cluster;
    const leader = await c.waitForLeader();
    const follower = c.url(c.ids.find((id) => id !== leader)!);
    const token = await login(follower, 'alice', 'secret');
    await c.kill(leader);
    const write = await call(`${follower}/state`, {
      body: { state: 'active' },
      headers: { Authorization: `Bearer ${token}` },
      timeoutMs: 8_000,
    }).catch((e: Error) => e);
    expect(write).not.toBeInstanceOf(Error);
    const answer = write as Awaited<ReturnType<typeof call>>;
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ok: true, version: 1 });
    const read = await call(`${follower}/state?username=alice`);
    expect(read.json).toEqual({ state: 'active' });
    expect(read.headers.get('x-state-version')).toBe('1');
  });

  // A torn write is the record being written when the process died: never
  // fsynced, so never acknowledged (Ready order: persist, then send). The
  // damage is modelled so: the start of a next record whose rest never
  // reached the disk, or a whole record whose bytes came out garbled.
  it.each([
    ['truncated', (path: string) => appendFileSync(path, lastRecord(path).subarray(0, 20))],
    [
      'corrupted',
      (path: string) => {
        const record = lastRecord(path);
        record.writeUInt8(record.readUInt8(record.length - 3) ^ 0x5a, record.length - 3);
        appendFileSync(path, record);
      },
    ],
  ])(
    'a %s log tail is detected and repaired, and no committed entry is lost',
    async (_name, damage) => {
      cluster = await TestCluster.start(3);
      const c = cluster;
      const leader = await c.waitForLeader();
      const history: UserServiceOp[] = [];
      await burst(clients(c, ['alice'], history), BURST_WRITES);
      const follower = c.ids.find((id) => id !== leader)!;
      await c.waitForConvergence();
      await c.kill(follower);
      damage(join(c.dir, `S${follower}`, 'wal.log'));
      await c.start(follower);
      expect(c.logs.filter((l) => l.startsWith(`S${follower} repaired wal.log`))).toHaveLength(1);
      await c.waitForConvergence();
      expect(await checkHistory(c, history, ['alice'])).toEqual([]);
      // The repaired server has every write again, from the leader.
      const read = await call(`${c.url(follower)}/state?username=alice&stale=1`);
      expect(read.headers.get('x-state-version')).toBe(String(BURST_WRITES));
    },
  );

  // Reference: dissertation §3.8 and §5.4; the core's catchingUp (node.ts).
  it('a follower that lost acknowledged entries is brought back by the same leader, and votes again only then', async () => {
    cluster = await TestCluster.start(3);
    const c = cluster;
    const leader = await c.waitForLeader();
    const history: UserServiceOp[] = [];
    await burst(clients(c, ['alice'], history), BURST_WRITES);
    const before = await c.waitForConvergence();
    const follower = c.ids.find((id) => id !== leader)!;
    await c.kill(follower);
    const lostFrom = loseLastEntries(join(c.dir, `S${follower}`, 'wal.log'));
    await c.start(follower);
    expect(c.logs).toContain(
      `S${follower} catching up: grants no vote until it holds what the leader has committed`,
    );
    // Before the fix the leader took the follower's refusals for stale ones,
    // and the follower waited for the next leader: no convergence here.
    const after = await c.waitForConvergence();
    expect(after.map((s) => s.lastApplied)).toEqual(before.map((s) => s.lastApplied));
    expect(lostFrom).toBeLessThanOrEqual(before[0]!.lastApplied);
    // The same leader, in the same term: no election was needed.
    expect(await c.waitForLeader()).toBe(leader);
    expect(after.map((s) => s.term)).toEqual(before.map((s) => s.term));
    expect(c.logs.some((l) => l.startsWith(`S${follower} caught up with S${leader}'s log`))).toBe(
      true,
    );
    expect(existsSync(join(c.dir, `S${follower}`, 'catching-up'))).toBe(false);
    expect(await checkHistory(c, history, ['alice'])).toEqual([]);
  });
});
