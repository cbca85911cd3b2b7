import fc from 'fast-check';
import { request } from 'node:http';
import { connect } from 'node:net';
import { stateTextError } from '../app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_BYTES_MAX } from './http';
import { ROUTES } from './request';
import { TestCluster, call, type Call, type Status } from './testing';

/**
 * Property tests of the real server's HTTP handling (issue #17), on a
 * one-server cluster on 127.0.0.1 (it leads at once, so no request waits on
 * an election): any method, target, headers and body get an answer, never a
 * dropped connection or a 5xx; a refusal is a 4xx with {"error": a sentence}
 * and leaves the log as it was; what a client writes it reads back.
 */
const RUNS = { seed: 17, numRuns: 60 } as const;

let cluster: TestCluster;
let url: string;
let port: number;

beforeAll(async () => {
  cluster = await TestCluster.start(1);
  url = cluster.url(await cluster.waitForLeader());
  port = Number(new URL(url).port);
}, 30_000);
afterAll(() => cluster?.destroy());

interface Reply {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly text: string;
}

/** One request as a client library sends it (node:http checks only the method and header syntax). */
function send(method: string, path: string, headers: Record<string, string>, body: string) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Bytes written as they are on a fresh connection, and everything the server answers before it closes. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.end(bytes);
  });
}

async function lastIndex(): Promise<number> {
  return ((await call(`${url}/status`)).json as Status).lastIndex;
}

/** A refusal as a client reads it: a 4xx, JSON, {"error": a sentence}. */
function expectRefusal(reply: Reply, method = 'GET'): void {
  expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
  expect(reply.status, reply.text).toBeLessThan(500);
  expect(reply.contentType).toBe('application/json');
  if (method === 'HEAD') return;
  const body = JSON.parse(reply.text) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['error']);
  expect(String(body.error).trim()).toMatch(/[.?]$/);
}

const PATHS = Object.keys(ROUTES);
const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
  fc.stringMatching(/^[A-Z][A-Z_-]{0,9}$/),
);
const path = fc.oneof(
  fc
    .tuple(fc.constantFrom(...PATHS), fc.webQueryParameters())
    .map(([p, q]) => (q === '' ? p : `${p}?${q}`)),
  fc
    .tuple(fc.constantFrom('/state', '/get_state'), fc.stringMatching(/^[a-z]{1,6}$/))
    .map(([p, user]) => `${p}?username=${user}&stale=1`),
  fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
  fc.constantFrom('http://[/state', 'http://a:99999/status', '/events', '/%zz'),
);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const headers = fc
  .tuple(
    fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,12}$/), headerValue, { maxKeys: 3 }),
    fc.record(
      {
        'content-type': fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'text/plain',
        ),
        authorization: fc.oneof(headerValue, fc.stringMatching(/^Bearer [0-9a-f]{64}$/)),
        'x-session-token': headerValue,
        'x-request-number': fc.oneof(headerValue, fc.nat().map(String)),
        cookie: headerValue.map((v) => `session=${v}`),
        origin: fc.constantFrom('http://evil.example', 'http://localhost:5173', 'null'),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([extra, known]) => ({ ...extra, ...known }));
const body = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 80 }),
  fc.json({ maxDepth: 2 }),
  fc
    .record(
      {
        username: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/), fc.jsonValue()),
        password: fc.oneof(fc.string({ maxLength: 12 }), fc.jsonValue()),
        state: fc.oneof(fc.string({ maxLength: 40 }), fc.jsonValue()),
        peer: fc.oneof(fc.integer({ min: -1, max: 9 }), fc.jsonValue()),
        direction: fc.oneof(fc.constantFrom('in', 'out', 'both'), fc.jsonValue()),
        stale: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
);

describe('the real server, whatever it is sent', () => {
  it('answers any method, target, headers and body: a refusal is a 4xx in JSON words and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, headers, body, async (m, p, h, b) => {
        const before = await lastIndex();
        const reply = await send(m, p, h, b);
        expect(reply.status, reply.text).toBeLessThan(500);
        if (reply.status === 204) return; // a CORS preflight granted
        expect(reply.contentType).toBe('application/json');
        if (reply.status >= 400) {
          expectRefusal(reply, m);
          expect(await lastIndex()).toBe(before);
        }
      }),
      RUNS,
    );
  }, 60_000);

  it('answers what its HTTP parser cannot read with a 4xx in JSON, and keeps serving', async () => {
    const lines = [
      'GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /status HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
      'NOT HTTP AT ALL\r\n\r\n',
      `GET /status HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`,
      'POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      // A WebSocket upgrade to a target no URL parser takes: refused, not a crash of the server.
      'GET http://[ HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    ];
    for (const line of lines) {
      const answer = await raw(line);
      expect(answer, JSON.stringify(line.slice(0, 40))).toMatch(/^HTTP\/1\.1 4\d\d /);
      if (!/Upgrade: websocket/.test(line)) {
        expect(answer).toMatch(/\r\nContent-Type: application\/json\r\n/i);
        const json = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: string };
        expect(json.error).toMatch(/\.$/);
      }
    }
    // An HTTP/1.1 request without Host is served like any other.
    expect(await raw('GET /status HTTP/1.1\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 200 /,
    );
    expect((await call(`${url}/status`)).status).toBe(200);
  });

  it('refuses a body over the bound, declared or streamed, with 413', async () => {
    const big = JSON.stringify({ state: 'x'.repeat(BODY_BYTES_MAX) });
    expectRefusal(await send('POST', '/state', { 'content-type': 'application/json' }, big));
  });
});

describe('what a client writes, it reads back', () => {
  const userName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
  const state = fc.string({ maxLength: 60 }).filter((s) => stateTextError(s) === null);

  it('logs in, sets a state and reads it back, linearizable and stale, with its version', async () => {
    await fc.assert(
      fc.asyncProperty(
        userName,
        fc.stringMatching(/^[!-~]{1,20}$/),
        fc.array(state, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('bearer', 'x-session-token', 'cookie', 'field'),
        async (user, password, states, place) => {
          // A name may come up twice: a fixed password per run, so its second login is the same user's.
          const login = await call(`${url}/login`, { body: { username: user, password } });
          if (login.status === 401) return; // a name taken by an earlier run, with another password
          expect(login.status, login.text).toBe(200);
          const token = (login.json as { token: string }).token;
          let version = 0;
          for (const s of states) {
            const where: Call =
              place === 'bearer'
                ? { headers: { Authorization: `Bearer ${token}` }, body: { state: s } }
                : place === 'x-session-token'
                  ? { headers: { 'X-Session-Token': token }, body: { state: s } }
                  : place === 'cookie'
                    ? { headers: { Cookie: `session=${token}` }, body: { state: s } }
                    : { body: { state: s, token } };
            const set = await call(`${url}/state`, where);
            expect(set.status, set.text).toBe(200);
            const written = set.json as { ok: boolean; version: number };
            expect(written.ok).toBe(true);
            expect(written.version).toBeGreaterThan(version);
            version = written.version;
          }
          const read = await call(`${url}/state?username=${user}`);
          expect(read.json).toEqual({ state: states[states.length - 1] });
          expect(read.headers.get('x-state-version')).toBe(String(version));
          const stale = await call(`${url}/get_state?username=${user}&stale=true`);
          expect(stale.json).toEqual({ state: states[states.length - 1], stale: true });
        },
      ),
      { ...RUNS, numRuns: 15 },
    );
  }, 60_000);
});
