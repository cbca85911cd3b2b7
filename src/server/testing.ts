/**
 * Helpers for tests and the benchmark: a local cluster on free ports in a
 * temporary directory, a small JSON-over-HTTP client, and waits that poll
 * the servers' /status with a bound.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LauncherControl } from './control';
import { LocalCluster, freePorts } from './launch';

/** Bound on any one HTTP request a test makes, in ms. */
export const HTTP_TIMEOUT_MS = 5_000;
/** How often waits poll the servers, in ms. */
export const POLL_MS = 50;

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body as JSON, or undefined if it is not JSON. */
  readonly json: unknown;
}

export interface Call {
  readonly method?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly timeoutMs?: number;
}

/** One HTTP request; throws only if no answer came (refused, reset, timed out). */
export async function call(url: string, options: Call = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? HTTP_TIMEOUT_MS),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface Status {
  readonly id: number;
  readonly role: string;
  readonly term: number;
  readonly leader: number | null;
  readonly commitIndex: number;
  readonly lastApplied: number;
  readonly lastIndex: number;
}

export class TestCluster extends LocalCluster {
  readonly dir: string;
  /** The launcher's control (control.ts), when started with `control`. */
  readonly control: { readonly url: string; readonly server: LauncherControl } | null;

  constructor(
    servers: number,
    httpPorts: number[],
    raftPorts: number[],
    dir: string,
    flags: string[],
    controlPort: number | null = null,
  ) {
    const url = controlPort === null ? null : `http://127.0.0.1:${controlPort}`;
    super({ servers, httpPorts, raftPorts, dir, flags, ...(url && { launcherUrl: url }) });
    this.dir = dir;
    this.control = url === null ? null : { url, server: new LauncherControl(this) };
  }

  /**
   * Starts `servers` servers on free ports in a fresh temporary directory;
   * with `control`, also the launcher's control that crashes and restarts them.
   */
  static async start(
    servers: number,
    flags: string[] = [],
    { control = false }: { control?: boolean } = {},
  ): Promise<TestCluster> {
    const ports = await freePorts(2 * servers + 1);
    const dir = mkdtempSync(join(tmpdir(), 'raft-serve-'));
    const cluster = new TestCluster(
      servers,
      ports.slice(0, servers),
      ports.slice(servers, 2 * servers),
      dir,
      flags,
      control ? ports[2 * servers]! : null,
    );
    try {
      if (cluster.control) await cluster.control.server.listen(ports[2 * servers]!);
      await cluster.startAll();
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
    return cluster;
  }

  url(id: number): string {
    return this.urls[id - 1]!;
  }

  /** Every running server's status (a server that does not answer is left out). */
  async statuses(): Promise<Status[]> {
    const answers = await Promise.all(
      this.ids
        .filter((id) => this.isRunning(id))
        .map((id) => call(`${this.url(id)}/status`, { timeoutMs: 1_000 }).catch(() => null)),
    );
    return answers.flatMap((a) => (a?.status === 200 ? [a.json as Status] : []));
  }

  /** Waits until running servers agree on one leader; returns its id. */
  async waitForLeader(timeoutMs = 10_000): Promise<number> {
    const leader = await this.waitFor(async () => {
      const all = await this.statuses();
      const leaders = all.filter((s) => s.role === 'leader');
      const top = leaders.sort((a, b) => b.term - a.term)[0];
      return top && all.filter((s) => s.leader === top.id).length > all.length / 2 ? top.id : null;
    }, timeoutMs);
    if (leader === null) throw new Error(`no leader within ${timeoutMs} ms:\n${this.tail()}`);
    return leader;
  }

  /** Waits until every server (all must be running) has applied the same, latest entry. */
  async waitForConvergence(timeoutMs = 10_000): Promise<Status[]> {
    const converged = await this.waitFor(async () => {
      const all = await this.statuses();
      if (all.length !== this.ids.length) return null;
      const applied = all[0]!.lastApplied;
      return all.every((s) => s.lastApplied === applied && s.commitIndex === applied) ? all : null;
    }, timeoutMs);
    if (converged === null)
      throw new Error(`no convergence within ${timeoutMs} ms:\n${this.tail()}`);
    return converged;
  }

  /** The last lines the servers printed, for a failure message. */
  tail(lines = 30): string {
    return this.logs.slice(-lines).join('\n');
  }

  async destroy(): Promise<void> {
    await this.control?.server.close();
    await this.stopAll();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T | null> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const value = await probe();
      if (value !== null) return value;
      await sleep(POLL_MS);
    }
    return null;
  }
}

/** Logs in, retrying while the cluster has no leader; returns the session token. */
export async function login(url: string, username: string, password: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const answer = await call(`${url}/login`, { body: { username, password } });
    if (answer.status === 200) return (answer.json as { token: string }).token;
    if (answer.status !== 503 || attempt > 50) throw new Error(`login failed: ${answer.text}`);
    await sleep(100);
  }
}

/** A WebSocket client of the smallest kind: the handshake, then unmasked text frames. */
export class Watcher {
  private buffered = Buffer.alloc(0);
  private waiting: (() => void) | null = null;
  readonly handshake: Promise<string>;
  readonly frames: unknown[] = [];

  /** `origin`: the Origin header a browser would send for its page. */
  constructor(port: number, origin?: string) {
    const socket: Socket = connect(port, '127.0.0.1');
    socket.write(
      'GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        (origin === undefined ? '' : `Origin: ${origin}\r\n`) +
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
  async until<V = { role: string; term: number; log: { kind: string; user?: string }[] }>(
    test: (view: V) => boolean,
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
      else if (length === 127) [length, offset] = [Number(this.buffered.readBigUInt64BE(2)), 10];
      if (this.buffered.length < offset + length) return;
      this.frames.push(JSON.parse(this.buffered.subarray(offset, offset + length).toString()));
      this.buffered = this.buffered.subarray(offset + length);
      this.waiting?.();
    }
  }
}
