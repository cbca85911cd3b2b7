import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textFrame } from './events';
import { TestCluster, Watcher, login } from './testing';

describe('watching a live cluster over a WebSocket', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await TestCluster.start(3);
  });
  afterAll(() => cluster?.destroy());

  it('answers the RFC 6455 handshake and streams each change of the view', async () => {
    const leader = await cluster.waitForLeader();
    const follower = cluster.ids.find((id) => id !== leader)!;
    const watcher = new Watcher(Number(new URL(cluster.url(follower)).port));
    try {
      // RFC 6455 §1.3's own example: this key must be answered with this accept value.
      expect(await watcher.handshake).toContain(
        'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
      );
      await watcher.until((v) => v.role === 'follower');
      await login(cluster.url(leader), 'alice', 'secret');
      // The login reaches the follower's log, shown by kind and user (never the digest).
      await watcher.until((v) => v.log.some((e) => e.kind === 'login' && e.user === 'alice'));
      expect(JSON.stringify(watcher.frames)).not.toContain('scrypt$');
      const term = (watcher.frames.at(-1) as { term: number }).term;
      await cluster.kill(leader);
      await watcher.until((v) => v.term > term);
    } finally {
      watcher.close();
    }
  });

  it('frames lengths as RFC 6455 §5.2 says: 7 bits, then 16, then 64', () => {
    expect([...textFrame('a'.repeat(125)).subarray(0, 2)]).toEqual([0x81, 125]);
    expect([...textFrame('a'.repeat(126)).subarray(0, 4)]).toEqual([0x81, 126, 0, 126]);
    expect([...textFrame('a'.repeat(65_536)).subarray(0, 10)]).toEqual([
      0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0,
    ]);
  });
});
