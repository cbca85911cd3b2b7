/**
 * The smallest Redis client that the benchmark needs: RESP2 over one TCP
 * connection, one command in flight at a time (as each HTTP client of the
 * cluster has one request in flight), replies parsed as simple strings,
 * errors and bulk strings.
 */
import { connect, type Socket } from 'node:net';

export class RespClient {
  private buffered = Buffer.alloc(0);
  private waiting: ((reply: string | null) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.drain();
    });
  }

  static open(port: number): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RespClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends one command; resolves with its reply (null for a nil bulk string). */
  command(...args: string[]): Promise<string | null> {
    const parts = [`*${args.length}\r\n`];
    for (const a of args) parts.push(`$${Buffer.byteLength(a)}\r\n${a}\r\n`);
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(parts.join(''));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private drain(): void {
    const lineEnd = this.buffered.indexOf('\r\n');
    if (lineEnd < 0 || this.waiting === null) return;
    const line = this.buffered.subarray(0, lineEnd).toString();
    let reply: string | null;
    let used = lineEnd + 2;
    if (line[0] === '$') {
      const length = Number(line.slice(1));
      if (length < 0) reply = null;
      else {
        if (this.buffered.length < used + length + 2) return;
        reply = this.buffered.subarray(used, used + length).toString();
        used += length + 2;
      }
    } else if (line[0] === '-') throw new Error(`Redis: ${line.slice(1)}`);
    else reply = line.slice(1);
    this.buffered = this.buffered.subarray(used);
    const resolve = this.waiting;
    this.waiting = null;
    resolve(reply);
  }
}
