/**
 * The launcher's control (`npm run serve`, the tests): a page cannot signal
 * a process, so the launcher that started the servers crashes (SIGKILL) and
 * restarts them when asked. Bound to 127.0.0.1 only; JSON only (so no web
 * page can post to it without a CORS preflight), and CORS only for the
 * playground served from this machine (cors.ts).
 *
 *   GET  /servers                  [{id, running, pid, url}]
 *   POST /crash   {"server": 2}    SIGKILL: nothing flushed, the disk stays
 *   POST /restart {"server": 2}    starts it again from its disk
 *
 * A server crashed here stays down until it is restarted here: the
 * launcher's own restart of a server that died by itself (serve.ts) does
 * not apply to a kill it made.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerCors, corsHeaders, originOf } from './cors';
import type { LocalCluster } from './launch';
import { requestTarget } from './request';

/** Largest request body, in bytes. */
const CONTROL_BODY_BYTES_MAX = 1024;
const PAGE_ROUTES: ReadonlySet<string> = new Set(['/servers', '/crash', '/restart']);

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export class LauncherControl {
  private server: Server | null = null;

  constructor(
    private readonly cluster: LocalCluster,
    /** One line per crash or restart it made. */
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  listen(port: number): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = requestTarget(req.url ?? '/');
    const path = target instanceof URL ? target.pathname : null;
    if (path !== null && answerCors(req, res, path, PAGE_ROUTES, 'GET, POST')) return;
    const body = await readSmallBody(req);
    const answer = target instanceof URL ? await this.route(req, target.pathname, body) : target;
    const text = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
      ...(path !== null && PAGE_ROUTES.has(path) && corsHeaders(originOf(req))),
    });
    res.end(text);
  }

  private async route(req: IncomingMessage, path: string, body: string | null): Promise<Answer> {
    const c = this.cluster;
    if (path === '/servers' && req.method === 'GET')
      return {
        status: 200,
        body: c.ids.map((id) => ({
          id,
          running: c.isRunning(id),
          pid: c.pid(id) ?? null,
          url: c.urls[id - 1],
        })),
      };
    if (path !== '/crash' && path !== '/restart')
      return fail(
        404,
        `There is no route ${path}. Routes: GET /servers, POST /crash, POST /restart.`,
      );
    if (req.method !== 'POST') return fail(405, `${path} takes POST, not ${req.method}.`);
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return fail(415, `${path} takes JSON only: send it with "Content-Type: application/json".`);
    if (body === null) return fail(413, `The body is larger than ${CONTROL_BODY_BYTES_MAX} bytes.`);
    let server: unknown;
    try {
      server = (JSON.parse(body) as { server?: unknown }).server;
    } catch {
      return fail(400, 'The body is not valid JSON; send {"server": 2}.');
    }
    if (typeof server !== 'number' || !c.ids.includes(server))
      return fail(400, `Say which server: {"server": N}, N one of ${c.ids.join(', ')}.`);
    if (path === '/crash') {
      if (!c.isRunning(server)) return fail(409, `S${server} is not running.`);
      await c.kill(server);
      this.log(`S${server} crashed by the control (SIGKILL); it stays down until restarted there`);
      return { status: 200, body: { server, running: false } };
    }
    if (c.isRunning(server)) return fail(409, `S${server} is running already.`);
    try {
      await c.start(server);
    } catch (error) {
      return fail(500, `S${server} did not start: ${(error as Error).message}`);
    }
    this.log(`S${server} restarted by the control from its disk (pid ${c.pid(server)})`);
    return { status: 200, body: { server, running: true, pid: c.pid(server) ?? null } };
  }
}

function fail(status: number, error: string): Answer {
  return { status, body: { error } };
}

/** The body as text, or null when it is larger than CONTROL_BODY_BYTES_MAX. */
function readSmallBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= CONTROL_BODY_BYTES_MAX) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(bytes > CONTROL_BODY_BYTES_MAX ? null : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}
