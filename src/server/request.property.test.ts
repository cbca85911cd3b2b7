import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiResponse } from './api';
import { isTrue, parseFields, requestTarget, routeOf, ROUTES, tokenOf } from './request';

/**
 * Property tests of how the server reads a request before any Raft work
 * (issue #17): any target, method, header or body is read or refused, never
 * thrown on; a refusal is a 4xx whose JSON error is a sentence saying what to
 * send; what a client sends in any of the places it may is what is read.
 */
const RUNS = { seed: 17, numRuns: 300 } as const;

/** A refusal as a client gets it: a 4xx with {"error": a sentence}. */
function expectRefusal(answer: ApiResponse, status?: number): void {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  if (status !== undefined) expect(answer.status).toBe(status);
  expect(Object.keys(answer.body as object)).toEqual(['error']);
  const error = (answer.body as { error: unknown }).error;
  expect(typeof error).toBe('string');
  expect((error as string).trim()).toMatch(/[.?]$/);
}

const PATHS = Object.keys(ROUTES);
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'];

/** A request target: a known route with a query, a web path, an absolute URL, or any text. */
const target = fc.oneof(
  fc
    .tuple(fc.constantFrom(...PATHS), fc.webQueryParameters())
    .map(([path, query]) => `${path}?${query}`),
  fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('*', 'http://[', 'http://a:99999/status', '//evil/status', '/%', '/\u0000'),
);

describe('the request target and its route', () => {
  it('reads any target to a URL or a 400 in words, and never throws', () => {
    fc.assert(
      fc.property(target, (raw) => {
        const url = requestTarget(raw);
        // The origin form is a path on this server: its host is never the client's to choose.
        if (url instanceof URL) {
          if (raw.startsWith('/')) expect(url.host).toBe('localhost');
        } else expectRefusal(url, 400);
      }),
      { ...RUNS, examples: [['http://['], ['*'], ['//evil/status']] },
    );
    // What new URL() throws on, a client can send: the absolute form with a bad host or port.
    for (const raw of ['http://[', 'http://a:99999/status', '*'])
      expectRefusal(requestTarget(raw) as ApiResponse, 400);
    expect((requestTarget('//evil/status') as URL).pathname).toBe('//evil/status');
  });

  it('keeps a path as the path, and the query as its fields', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATHS),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 12 }), {
          maxKeys: 4,
        }),
        (path, fields) => {
          const url = requestTarget(`${path}?${new URLSearchParams(fields).toString()}`);
          if (!(url instanceof URL)) throw new Error('refused a route with a query');
          expect(url.pathname).toBe(path);
          expect(Object.fromEntries(url.searchParams)).toEqual(fields);
        },
      ),
      RUNS,
    );
  });

  it('routes a known path and method, and refuses any other with 404, or 405 and Allow', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...PATHS, '/__proto__', '/constructor', '/events'), fc.webPath()),
        fc.oneof(fc.constantFrom(...METHODS, '__proto__', 'toString'), fc.string()),
        (path, method) => {
          const route = routeOf(path, method);
          const known = Object.hasOwn(ROUTES, path) ? ROUTES[path]! : null;
          if (typeof route === 'string') {
            expect(known && Object.hasOwn(known, method) ? known[method] : null).toBe(route);
            return;
          }
          if (known === null) {
            expectRefusal(route, 404);
            expect((route.body as { error: string }).error).toContain(path);
          } else {
            expectRefusal(route, 405);
            expect(route.headers?.allow?.split(', ')).toEqual(Object.keys(known));
          }
        },
      ),
      RUNS,
    );
  });
});

describe('the request body', () => {
  const contentType = fc.option(
    fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/x-www-form-urlencoded; charset=utf-8',
    ),
    { nil: undefined },
  );

  it('reads any bytes under any label to fields or to a sentence, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
          fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
          fc.json({ maxDepth: 3 }).map((s) => Buffer.from(s)),
        ),
        contentType,
        (body, type) => {
          const fields = parseFields(body, type);
          if (typeof fields === 'string') expect(fields).toMatch(/^[A-Z].*\.$/);
          else {
            expect(typeof fields).toBe('object');
            expect(Array.isArray(fields)).toBe(false);
          }
        },
      ),
      RUNS,
    );
  });

  it('reads a JSON object back as sent, whatever it is labelled', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })),
        contentType,
        (object, type) => {
          const sent = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
          expect(parseFields(Buffer.from(JSON.stringify(object)), type)).toEqual(sent);
        },
      ),
      RUNS,
    );
  });

  it('reads a form back as sent', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 }), {
          minKeys: 1,
        }),
        (form) => {
          const text = new URLSearchParams(form).toString();
          // A form that starts like JSON is read as JSON (curl -d labels JSON as a form).
          fc.pre(!/^\s*[[{]/.test(text));
          expect(parseFields(Buffer.from(text), 'application/x-www-form-urlencoded')).toEqual(form);
        },
      ),
      RUNS,
    );
  });
});

describe('the session token', () => {
  const token = fc.stringMatching(/^[0-9a-f]{64}$/);

  it('is the one token sent, in whichever place the client put it', () => {
    fc.assert(
      fc.property(
        token,
        fc.constantFrom(
          'bearer',
          'plain',
          'token',
          'x-session-token',
          'cookie',
          'field',
          'session_token',
        ),
        fc.constantFrom('', ' ', '  '),
        (t, place, pad) => {
          const headers =
            place === 'bearer'
              ? { authorization: `Bearer ${pad}${t}${pad}` }
              : place === 'plain'
                ? { authorization: `${pad}${t}${pad}` }
                : place === 'token'
                  ? { authorization: `token ${t}` }
                  : place === 'x-session-token'
                    ? { 'x-session-token': `${pad}${t}${pad}` }
                    : place === 'cookie'
                      ? { cookie: `theme=dark; session=${t}; lang=zh` }
                      : {};
          const fields =
            place === 'field'
              ? { token: t }
              : place === 'session_token'
                ? { session_token: t }
                : {};
          expect(tokenOf(headers, fields)).toBe(t);
        },
      ),
      RUNS,
    );
  });

  it('is null when no place holds one, whatever else the request holds', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc
            .string({ maxLength: 12 })
            .filter((k) => !['token', 'session_token', 'session'].includes(k)),
          fc.jsonValue({ maxDepth: 1 }),
        ),
        fc.string({ maxLength: 40 }).filter((c) => !/(?:^|;\s*)session=[^;]/.test(c)),
        (fields, cookie) => {
          expect(tokenOf({ cookie, accept: 'application/json' }, fields)).toBeNull();
        },
      ),
      RUNS,
    );
  });

  it('reads "stale" as true only for true, 1, "1" and "true"', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 1 }), (value) => {
        expect(isTrue(value)).toBe([true, 1, '1', 'true'].includes(value as never));
      }),
      RUNS,
    );
  });
});
