/**
 * The page's end of a live cluster: one WebSocket to each server's
 * /events. The first server named tells the others' addresses; a stream
 * that closes marks its server down and is opened again with backoff, so a
 * server the page crashed comes back on the page once it is restarted.
 */
import type { NodeId } from '../../sim/index.ts';
import { clusterMap, readServerView, type Watched } from './translate.ts';

/** Reconnect backoff, doubling from the first to the last, in ms. */
export const LIVE_RECONNECT_MS_MIN = 250;
export const LIVE_RECONNECT_MS_MAX = 2_000;

/** What the source says beyond frames: the first server never answered, or answered as something else. */
export type SourceTrouble = 'unreachable' | 'not-a-server';

/** The browser's WebSocket, as far as the source uses it (a test passes its own). */
export interface SocketLike {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
  close(): void;
}

export interface SourceOptions {
  /** An http:// address of one server. */
  readonly url: string;
  readonly open: (wsUrl: string) => SocketLike;
  /** The page's wall clock, ms. */
  readonly clock: () => number;
  readonly onChange: () => void;
  readonly onTrouble: (trouble: SourceTrouble) => void;
}

interface Stream {
  socket: SocketLike | null;
  url: string;
  backoffMs: number;
  timer: ReturnType<typeof setTimeout> | null;
  /** Another stream watches the same server (the address was given as localhost, say): closed for good. */
  retired: boolean;
}

export function eventsUrl(httpUrl: string): string {
  const u = new URL('/events', httpUrl);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.href;
}

export class LiveSource {
  readonly watched = new Map<NodeId, Watched>();
  private readonly streams = new Map<string, Stream>();
  private readonly streamOf = new Map<NodeId, Stream>();
  private everHeard = false;
  private stopped = false;

  constructor(private readonly options: SourceOptions) {}

  start(): void {
    this.follow(new URL(this.options.url).origin);
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.streams.values()) {
      if (s.timer) clearTimeout(s.timer);
      s.socket?.close();
    }
    this.streams.clear();
  }

  /** The cluster's servers, their addresses and the launcher, as the frames tell them. */
  map(): ReturnType<typeof clusterMap> {
    return clusterMap(this.watched);
  }

  private follow(url: string): void {
    if (this.stopped || this.streams.has(url)) return;
    const stream: Stream = {
      socket: null,
      url,
      backoffMs: LIVE_RECONNECT_MS_MIN,
      timer: null,
      retired: false,
    };
    this.streams.set(url, stream);
    this.connect(stream);
  }

  private connect(stream: Stream): void {
    if (this.stopped) return;
    let socket: SocketLike;
    try {
      socket = this.options.open(eventsUrl(stream.url));
    } catch {
      return this.closed(stream, null);
    }
    stream.socket = socket;
    let id: NodeId | null = null;
    socket.onmessage = (event) => {
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        data = null;
      }
      const view = readServerView(data);
      if (!view) {
        if (!this.everHeard) this.options.onTrouble('not-a-server');
        socket.close();
        return;
      }
      this.everHeard = true;
      const other = this.streamOf.get(view.id);
      if (other && other !== stream) {
        stream.retired = true;
        socket.close();
        return;
      }
      this.streamOf.set(view.id, stream);
      stream.backoffMs = LIVE_RECONNECT_MS_MIN;
      id = view.id;
      this.watched.set(id, { view, alive: true, offsetMs: this.options.clock() - view.now });
      for (const [peer, url] of Object.entries(view.peers))
        if (!this.streamOf.has(Number(peer))) this.follow(new URL(url).origin);
      this.options.onChange();
    };
    socket.onclose = () => this.closed(stream, id);
    socket.onerror = () => socket.close();
  }

  private closed(stream: Stream, id: NodeId | null): void {
    stream.socket = null;
    if (this.stopped || stream.retired) return;
    if (!this.everHeard) this.options.onTrouble('unreachable');
    if (id !== null) {
      const w = this.watched.get(id);
      if (w) this.watched.set(id, { ...w, alive: false });
      this.options.onChange();
    }
    stream.timer = setTimeout(() => {
      stream.timer = null;
      this.connect(stream);
    }, stream.backoffMs);
    stream.backoffMs = Math.min(LIVE_RECONNECT_MS_MAX, stream.backoffMs * 2);
  }
}
