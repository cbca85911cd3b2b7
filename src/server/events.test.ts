import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textFrame } from './events';
import { TestCluster, login } from './testing';

/** A WebSocket client of the smallest kind: the handshake, then unmasked text frames. */
class Watcher {
  private buffered = Buffer.alloc(0);
  private waiting: (() => void) | null = null;
  readonly handshake: Promise<string>;
  readonly frames: unknown[] = [];

  constructor(port: number) {
    const socket: Socket = connect(port, '127.0.0.1');
    socket.write(
      'GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        // The sample key of RFC 6455 §1.3.
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    let head = '';
    this.handshake = new Promise((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        if (!head.includes('\r\n\r\n')) {
          const text = chunk.toString('latin1');
          const end = text.indexOf('\r\n\r\n');
          head += end < 0 ? text : text.slice(0, end + 4);
          if (end < 0) return;
          resolve(head);
          chunk = chunk.subarray(end + 4);
        }
        this.buffered = Buffer.concat([this.buffered, chunk]);
        this.parse();
      });
    });
    this.close = () => socket.destroy();
  }

  close: () => void;

  /** Waits for a frame that `test` accepts. */
  async until(
    test: (view: { role: string; term: number; log: { kind: string; user?: string }[] }) => boolean,
  ): Promise<void> {
    for (;;) {
      if (this.frames.some((f) => test(f as never))) return;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private parse(): void {
    for (;;) {
      if (this.buffered.length < 2) return;
      let length = this.buffered.readUInt8(1) & 0x7f;
      let offset = 2;
      if (length === 126) [length, offset] = [this.buffered.readUInt16BE(2), 4];
      if (this.buffered.length < offset + length) return;
      this.frames.push(JSON.parse(this.buffered.subarray(offset, offset + length).toString()));
      this.buffered = this.buffered.subarray(offset + length);
      this.waiting?.();
    }
  }
}

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
