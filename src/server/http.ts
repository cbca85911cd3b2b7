/**
 * Every server answers every route. Writes and linearizable reads need the
 * leader: a follower forwards them to the leader it knows (one hop) and
 * passes the answer back, so a client that knows one address works. Stale
 * reads, the status and the nemesis's control routes are answered locally.
 *
 * Liberal in what it accepts from a real client (the seed's Python client
 * among them): the token in `Authorization: Bearer t` or `Authorization: t`,
 * `X-Session-Token`, the login cookie, or a `token` field; fields in the
 * query string, a JSON body (also on GET) or a form body.
 */
import {
  createServer,
  request as httpRequest,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { Api, problem, retryLater, type ApiRequest, type ApiResponse } from './api';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { answerCors, corsHeaders, originOf } from './cors';
import { EventStream } from './events';
import { header, isTrue, parseFields, requestTarget, routeOf, tokenOf } from './request';
import type { Replica } from './replica';
import type { Direction, Transport } from './transport';
import { serverView } from './view';

/** Largest request body, in bytes: a state is at most 256 characters. */
export const BODY_BYTES_MAX = 16 * 1024;
/** How long a forwarded request may take at the leader, in ms. */
export const FORWARD_TIMEOUT_MS = 10_000;
/** How long the server a client asked keeps trying through elections before it answers 503, in ms. */
export const REQUEST_DEADLINE_MS = 4_000;
/** Pause between those tries, in ms: about one election. */
export const RETRY_PAUSE_MS = 200;
/** Headers of one HTTP hop, not of the answer: the forwarding server sets its own. */
const HOP_HEADERS = new Set([
  'content-length',
  'content-type',
  'connection',
  'keep-alive',
  'date',
  'transfer-encoding',
]);

/** Marks a forwarded request, so a follower that is wrong about the leader does not forward again. */
const FORWARDED_HEADER = 'x-raft-forwarded-by';

/** The routes a page that watches the cluster calls (src/ui/live): the only ones that answer CORS (cors.ts). */
const PAGE_ROUTES: ReadonlySet<string> = new Set([
  '/login',
  '/state',
  '/status',
  '/control/cut',
  '/control/heal',
]);

export class HttpFront {
  private readonly api: Api;
  /** The view of /status, also streamed to watchers of /events. */
  private readonly events = new EventStream(() => this.status());
  private server: Server | null = null;

  constructor(
    private readonly replica: Replica,
    private readonly transport: Transport,
    /** The launcher's control address, shown to watchers; null when no launcher runs this server. */
    private readonly launcher: string | null = null,
  ) {
    this.api = new Api(replica);
  }

  listen(port: number, host: string): Promise<void> {
    // Liberal in what it accepts: an HTTP/1.1 client that sends no Host is served.
    const server = createServer({ requireHostHeader: false }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.reply(
          res,
          problem(
            500,
            `The server failed on this request (${message}); retry, and report it if it persists.`,
          ),
        );
      });
    });
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
      refuseUnreadable(error, socket),
    );
    server.on('upgrade', (req: IncomingMessage, socket: Duplex) =>
      this.events.upgrade(req, socket),
    );
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  }

  close(): void {
    this.events.close();
    this.server?.closeAllConnections();
    this.server?.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestTarget(req.url ?? '/');
    if (!(url instanceof URL)) return this.reply(res, url);
    if (answerCors(req, res, url.pathname, PAGE_ROUTES, 'GET, POST')) return;
    if (PAGE_ROUTES.has(url.pathname))
      for (const [name, value] of Object.entries(corsHeaders(originOf(req))))
        res.setHeader(name, value);
    const route = routeOf(url.pathname, req.method ?? 'GET');
    if (typeof route !== 'string') return this.reply(res, route);
    const body = await readBody(req);
    if (body === 'too-large') {
      this.reply(
        res,
        problem(
          413,
          `The request body is larger than ${BODY_BYTES_MAX} bytes; a state is at most 256 characters.`,
        ),
      );
      req.resume();
      return;
    }
    const parsed = parseFields(body, req.headers['content-type']);
    if (typeof parsed === 'string') {
      this.reply(res, problem(400, parsed));
      return;
    }
    const fields: Record<string, unknown> = { ...Object.fromEntries(url.searchParams), ...parsed };
    const stale = isTrue(fields.stale);

    if (route === 'status') return this.reply(res, { status: 200, body: this.status() });
    if (route === 'cut' || route === 'heal') {
      // A page on another origin can post text/plain here without asking, but
      // not application/json: that needs a CORS preflight this server never
      // grants, so no web page can cut a link behind the user's back.
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
        return this.reply(
          res,
          problem(
            415,
            `${url.pathname} takes JSON only: send it with "Content-Type: application/json".`,
          ),
        );
      return this.reply(res, this.control(route, fields));
    }
    if (route === 'getState' && stale) {
      const user = this.userToRead(fields, tokenOf(req.headers, fields));
      if (typeof user !== 'string') return this.reply(res, user);
      return this.reply(res, this.api.staleState(user));
    }
    const token = tokenOf(req.headers, fields);
    // A client that knows one address works: the server it asked tries again
    // through elections until REQUEST_DEADLINE_MS. A write keeps its request
    // number from try to try, so it is applied at most once (dissertation §6.3).
    const forwarded = header(req.headers, FORWARDED_HEADER) !== null;
    const deadline = performance.now() + REQUEST_DEADLINE_MS;
    let requestNumber = header(req.headers, 'x-request-number');
    for (;;) {
      const answer =
        this.replica.node.role === 'leader'
          ? await this.serve(route, fields, token, requestNumber)
          : await this.forward(req, body, requestNumber, forwarded);
      if (answer.status !== 503 || forwarded || performance.now() + RETRY_PAUSE_MS >= deadline)
        return this.reply(res, answer);
      requestNumber = answer.headers?.['x-request-number'] ?? requestNumber;
      await sleep(RETRY_PAUSE_MS);
    }
  }

  /** What the leader answers. */
  private async serve(
    route: 'login' | 'setState' | 'getState',
    fields: Record<string, unknown>,
    token: string | null,
    requestNumber: string | null,
  ): Promise<ApiResponse> {
    const apiRequest: ApiRequest = { fields, token, requestNumber };
    if (route === 'login') return this.api.login(apiRequest);
    if (route === 'setState') return this.api.setState(apiRequest);
    const user = this.userToRead(fields, token);
    if (typeof user !== 'string') return user;
    return this.api.getState(user);
  }

  /** The user a read names: `username` (or `user`), else the session's own. */
  private userToRead(fields: Record<string, unknown>, token: string | null): string | ApiResponse {
    const named = fields.username ?? fields.user;
    if (typeof named === 'string') return named;
    if (named !== undefined) return problem(400, 'The username must be a string.');
    const own = token === null ? null : this.api.sessionUser(token);
    return own ?? problem(400, 'Say whose state to read: GET /state?username=alice.');
  }

  /** One hop to the leader; its answer comes back with the leader's headers. */
  private forward(
    req: IncomingMessage,
    body: Buffer,
    requestNumber: string | null,
    forwarded: boolean,
  ): Promise<ApiResponse> {
    const leaderId = this.replica.node.leaderId;
    const leaderUrl = leaderId === null ? undefined : this.transport.httpUrls.get(leaderId);
    // A forwarded request is not forwarded again: two followers that name each other would loop.
    if (leaderUrl === undefined || forwarded)
      return Promise.resolve(
        retryLater('There is no leader yet (an election is under way); retry in a second.'),
      );
    const headers: Record<string, string | string[] | undefined> = {
      ...req.headers,
      [FORWARDED_HEADER]: `S${this.replica.node.id}`,
      'content-length': String(body.length),
    };
    delete headers['transfer-encoding'];
    if (requestNumber !== null) headers['x-request-number'] = requestNumber;
    return new Promise((resolve) => {
      const upstream = httpRequest(
        `${leaderUrl}${req.url ?? '/'}`,
        { method: req.method, headers, timeout: FORWARD_TIMEOUT_MS },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const kept: Record<string, string> = {};
            for (const [name, value] of Object.entries(answer.headers))
              if (typeof value === 'string' && !HOP_HEADERS.has(name)) kept[name] = value;
            if (answer.headers['set-cookie'])
              kept['set-cookie'] = answer.headers['set-cookie'].join(', ');
            kept['x-raft-served-by'] = kept['x-raft-server'] ?? `S${leaderId}`;
            delete kept['x-raft-server'];
            let parsed: unknown;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              parsed = {
                error: `The leader S${leaderId} answered something that is not JSON; retry.`,
              };
            }
            resolve({ status: answer.statusCode ?? 502, body: parsed, headers: kept });
          });
          answer.on('error', () =>
            resolve(retryLater(`The leader S${leaderId} broke off its answer; retry in a second.`)),
          );
        },
      );
      upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
      upstream.on('error', () =>
        resolve(retryLater(`The leader S${leaderId} did not answer; retry in a second.`)),
      );
      upstream.end(body);
    });
  }

  private control(route: 'cut' | 'heal', fields: Record<string, unknown>): ApiResponse {
    const peer = fields.peer === undefined ? undefined : Number(fields.peer);
    const peers = [...this.transport.httpUrls.keys()];
    if (peer !== undefined && (!Number.isInteger(peer) || peer === this.replica.node.id))
      return problem(400, `"peer" is the id of another server, such as 2.`);
    const direction = (fields.direction ?? 'both') as Direction;
    if (!['in', 'out', 'both'].includes(direction))
      return problem(400, `"direction" is "in", "out" or "both".`);
    if (route === 'heal') {
      this.transport.heal(peer, direction);
      return { status: 200, body: this.status() };
    }
    if (peer === undefined)
      return problem(
        400,
        `Send {"peer": 2, "direction": "in" | "out" | "both"}; known peers: ${peers.join(', ')}.`,
      );
    this.transport.cut(peer, direction);
    return { status: 200, body: this.status() };
  }

  private status(): Record<string, unknown> {
    return serverView(this.replica, this.transport, this.launcher);
  }

  private raftHeaders(): Record<string, string> {
    const n = this.replica.node;
    const leaderUrl = n.leaderId === null ? undefined : this.transport.httpUrls.get(n.leaderId);
    return {
      'x-raft-server': `S${n.id}`,
      'x-raft-term': String(n.currentTerm),
      ...(n.leaderId !== null && { 'x-raft-leader': `S${n.leaderId}` }),
      ...(leaderUrl !== undefined && { 'x-raft-leader-url': leaderUrl }),
    };
  }

  private reply(res: ServerResponse, answer: ApiResponse): void {
    const text = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
      ...this.raftHeaders(),
      ...answer.headers,
    });
    res.end(text);
  }
}

/**
 * What the HTTP parser could not read (a broken request line, a bad header,
 * headers too large) gets a 4xx in JSON like every other refusal, not
 * Node's bare one; a socket already gone or answered is just closed.
 */
function refuseUnreadable(error: NodeJS.ErrnoException, socket: Socket): void {
  // Something written already (an answer, then bytes after its Connection: close): nothing more.
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const text = JSON.stringify({
    error: tooLarge
      ? 'The request headers are too large; send a few short headers (a token is 64 characters).'
      : `This is not an HTTP request the server can read (${error.code ?? error.message}); send one such as "GET /status HTTP/1.1".`,
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > BODY_BYTES_MAX) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > BODY_BYTES_MAX) {
        req.removeAllListeners('data');
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
