/**
 * A live view of one server over a WebSocket (RFC 6455), for a page that
 * watches a running cluster: `ws://host:port/events` sends the server's
 * view as a JSON text frame at once and again whenever it changes, checked
 * every EVENTS_INTERVAL_MS. Server-to-client text frames only, written by
 * hand (a dependency for this would be larger than the code); a close frame
 * from the client ends the stream.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { originAllowed } from './cors';
import { requestTarget } from './request';

/** How often the view is compared with the last one sent, in ms. */
export const EVENTS_INTERVAL_MS = 100;
/** Most watchers one server feeds at once. */
export const WATCHERS_MAX = 16;

/** RFC 6455 §1.3: the key every server appends before hashing the client's. */
const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE_CLOSE = 0x8;

export class EventStream {
  private readonly watchers = new Map<Duplex, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly view: () => unknown) {}

  /** Answers an HTTP upgrade to /events; anything else is refused with a status. */
  upgrade(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    const target = requestTarget(req.url ?? '/');
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    };
    if (!(target instanceof URL)) return refuse('400 Bad Request');
    if (target.pathname !== '/events') return refuse('404 Not Found');
    // A browser sends its page's origin; a page from elsewhere may not watch (cors.ts).
    const origin = req.headers.origin;
    if (!originAllowed(typeof origin === 'string' ? origin : undefined))
      return refuse('403 Forbidden');
    if (typeof key !== 'string' || req.headers.upgrade?.toLowerCase() !== 'websocket')
      return refuse('400 Bad Request');
    if (this.watchers.size >= WATCHERS_MAX) return refuse('503 Service Unavailable');
    const accept = createHash('sha1')
      .update(key + HANDSHAKE_GUID)
      .digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.watchers.set(socket, '');
    socket.on('data', (chunk: Buffer) => {
      if ((chunk[0]! & 0x0f) === OPCODE_CLOSE) socket.end(textFrame('', OPCODE_CLOSE));
    });
    socket.on('error', () => undefined);
    socket.once('close', () => {
      this.watchers.delete(socket);
      if (this.watchers.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    });
    this.send();
    this.timer ??= setInterval(() => this.send(), EVENTS_INTERVAL_MS);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    for (const socket of this.watchers.keys()) socket.destroy();
  }

  private send(): void {
    const text = JSON.stringify(this.view());
    for (const [socket, last] of this.watchers) {
      if (text === last) continue;
      this.watchers.set(socket, text);
      socket.write(textFrame(text));
    }
  }
}

/** One unmasked, final frame (RFC 6455 §5.2): a server never masks. */
export function textFrame(text: string, opcode = 0x1): Buffer {
  const payload = Buffer.from(text);
  let header: Buffer;
  if (payload.length < 126) {
    header = Buffer.from([0x80 | opcode, payload.length]);
  } else if (payload.length < 0x10000) {
    header = Buffer.alloc(4);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(126, 1);
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(127, 1);
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([header, payload]);
}
