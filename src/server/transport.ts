/**
 * TCP between servers (node:net): each server dials every peer and sends
 * its messages on that connection; it receives on the connections peers
 * dialled to it. A frame is [length u32][JSON in UTF-8]; the first frame on
 * a connection is a hello naming the sender and its HTTP address, so a
 * follower can point clients to its leader.
 *
 * Raft tolerates lost messages (Raft §5.1: RPCs are retried), so a message
 * for a peer that is not connected is dropped, not queued. Each link end can
 * be told to drop traffic, one way or both: a cut link for the nemesis.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Message, NodeId } from '../raft';
import { WireLog } from './wire';

/** Larger than any message (an InstallSnapshot carries a whole service state). */
export const FRAME_BYTES_MAX = 64 * 1024 * 1024;
/** Bytes waiting in a socket beyond which messages to that peer are dropped. */
export const SEND_BUFFER_BYTES_MAX = 8 * 1024 * 1024;
/** Reconnect backoff, doubling from the first to the last, in ms. */
export const RECONNECT_MS_MIN = 50;
export const RECONNECT_MS_MAX = 1_000;

export interface PeerAddress {
  readonly host: string;
  readonly port: number;
}

export type Direction = 'in' | 'out' | 'both';

interface Hello {
  readonly hello: NodeId;
  readonly http: string;
}

export interface TransportOptions {
  readonly id: NodeId;
  /** Every server's address for Raft traffic, this one's included. */
  readonly peers: ReadonlyMap<NodeId, PeerAddress>;
  /** This server's HTTP address, told to peers in the hello. */
  readonly httpUrl: string;
  readonly onMessage: (m: Message) => void;
}

export class Transport {
  private readonly options: TransportOptions;
  private server: Server | null = null;
  private readonly outbound = new Map<NodeId, Socket | null>();
  private readonly inbound = new Set<Socket>();
  private readonly backoffMs = new Map<NodeId, number>();
  private readonly retryTimers = new Map<NodeId, NodeJS.Timeout>();
  /** Link ends cut here: 'out' drops what this server sends, 'in' what it receives. */
  private readonly cutOut = new Set<NodeId>();
  private readonly cutIn = new Set<NodeId>();
  /** The HTTP address each peer gave in its hello. */
  readonly httpUrls = new Map<NodeId, string>();
  /** What this server sent lately, for watchers of /events. */
  readonly wire = new WireLog();
  private closed = false;

  constructor(options: TransportOptions) {
    this.options = options;
    this.httpUrls.set(options.id, options.httpUrl);
  }

  async listen(): Promise<void> {
    const self = this.options.peers.get(this.options.id);
    if (!self) throw new Error(`S${this.options.id} is not in the peer list`);
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(self.port, self.host, () => resolve());
    });
    for (const id of this.options.peers.keys()) if (id !== this.options.id) this.dial(id);
  }

  /** Every server of the cluster, by id, this one's included. */
  get peerIds(): NodeId[] {
    return [...this.options.peers.keys()].sort((a, b) => a - b);
  }

  send(m: Message): void {
    if (this.cutOut.has(m.to)) return this.wire.sent(m, 'cut');
    const socket = this.outbound.get(m.to);
    if (!socket || socket.writableLength > SEND_BUFFER_BYTES_MAX) return this.wire.sent(m, 'down');
    this.wire.sent(m, null);
    socket.write(frame(m));
  }

  /** Cut this server's end of the link to `peer`. */
  cut(peer: NodeId, direction: Direction): void {
    if (direction !== 'in') this.cutOut.add(peer);
    if (direction !== 'out') this.cutIn.add(peer);
  }

  /** Heal this server's end of the link to `peer` (one way or both), or of every link. */
  heal(peer?: NodeId, direction: Direction = 'both'): void {
    if (peer === undefined) {
      this.cutOut.clear();
      this.cutIn.clear();
      return;
    }
    if (direction !== 'in') this.cutOut.delete(peer);
    if (direction !== 'out') this.cutIn.delete(peer);
  }

  cuts(): { out: NodeId[]; in: NodeId[] } {
    return { out: [...this.cutOut].sort(), in: [...this.cutIn].sort() };
  }

  close(): void {
    this.closed = true;
    for (const t of this.retryTimers.values()) clearTimeout(t);
    for (const s of this.outbound.values()) s?.destroy();
    for (const s of this.inbound) s.destroy();
    this.server?.close();
  }

  private dial(peer: NodeId): void {
    if (this.closed) return;
    const address = this.options.peers.get(peer)!;
    const socket = connect(address.port, address.host);
    socket.setNoDelay(true);
    socket.once('connect', () => {
      this.backoffMs.delete(peer);
      this.outbound.set(peer, socket);
      const hello: Hello = { hello: this.options.id, http: this.options.httpUrl };
      socket.write(frame(hello));
    });
    // Peers answer nothing on this connection but their own hello, read to learn their address.
    readFrames(socket, (value) => this.noteHello(value));
    socket.on('error', () => undefined);
    socket.once('close', () => {
      if (this.outbound.get(peer) === socket) this.outbound.set(peer, null);
      this.retry(peer);
    });
  }

  private retry(peer: NodeId): void {
    if (this.closed) return;
    const delayMs = this.backoffMs.get(peer) ?? RECONNECT_MS_MIN;
    this.backoffMs.set(peer, Math.min(RECONNECT_MS_MAX, delayMs * 2));
    this.retryTimers.set(
      peer,
      setTimeout(() => this.dial(peer), delayMs),
    );
  }

  private accept(socket: Socket): void {
    this.inbound.add(socket);
    socket.setNoDelay(true);
    let from: NodeId | null = null;
    socket.write(frame({ hello: this.options.id, http: this.options.httpUrl } satisfies Hello));
    readFrames(socket, (value) => {
      if (from === null) {
        from = this.noteHello(value);
        if (from === null) socket.destroy();
        return;
      }
      const m = value as Message;
      // A message must come from the peer that said hello, and be for us.
      if (m.from !== from || m.to !== this.options.id) return;
      if (this.cutIn.has(from)) return this.wire.droppedOnArrival(m);
      this.options.onMessage(m);
    });
    socket.on('error', () => undefined);
    socket.once('close', () => this.inbound.delete(socket));
  }

  private noteHello(value: unknown): NodeId | null {
    const hello = value as Partial<Hello>;
    if (typeof hello.hello !== 'number' || typeof hello.http !== 'string') return null;
    if (!this.options.peers.has(hello.hello)) return null;
    this.httpUrls.set(hello.hello, hello.http);
    return hello.hello;
  }
}

function frame(value: unknown): Buffer {
  const payload = Buffer.from(JSON.stringify(value));
  const header = Buffer.alloc(4);
  header.writeUInt32BE(payload.length, 0);
  return Buffer.concat([header, payload]);
}

/** Calls `onFrame` with each decoded frame; a bad frame closes the connection. */
function readFrames(socket: Socket, onFrame: (value: unknown) => void): void {
  let buffered: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4) {
      const length = buffered.readUInt32BE(0);
      if (length > FRAME_BYTES_MAX) {
        socket.destroy();
        return;
      }
      if (buffered.length < 4 + length) break;
      const payload = buffered.subarray(4, 4 + length);
      buffered = buffered.subarray(4 + length);
      let value: unknown;
      try {
        value = JSON.parse(payload.toString('utf8'));
      } catch {
        socket.destroy();
        return;
      }
      onFrame(value);
    }
  });
}
