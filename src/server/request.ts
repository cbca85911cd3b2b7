/**
 * A request as the HTTP front reads it, before any Raft work: its target,
 * its route, its fields and its session token. Pure functions of what came
 * over the wire, so each can be held to "no input throws; a refusal is a
 * 4xx that says what to send instead" on its own (request.property.test.ts).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { problem, type ApiResponse } from './api';

export type Route = 'login' | 'setState' | 'getState' | 'status' | 'cut' | 'heal';

export const ROUTES: Readonly<Record<string, Partial<Record<string, Route>>>> = {
  '/login': { POST: 'login' },
  '/state': { POST: 'setState', PUT: 'setState', GET: 'getState' },
  '/set_state': { POST: 'setState', PUT: 'setState' },
  '/get_state': { GET: 'getState', POST: 'getState' },
  '/status': { GET: 'status' },
  // GET /events is a WebSocket (events.ts), answered on the server's upgrade event.
  '/control/cut': { POST: 'cut' },
  '/control/heal': { POST: 'heal' },
};

/**
 * The request's target as a URL, or a 400. The origin form (`/state?x=1`)
 * is read as a path, so `//host/status` is a path and not a host; the
 * absolute form (`http://host/status`, RFC 9112 §3.2.2) is read as a URL.
 */
export function requestTarget(raw: string): URL | ApiResponse {
  try {
    return raw.startsWith('/') ? new URL(`http://localhost${raw}`) : new URL(raw);
  } catch {
    return problem(
      400,
      `The request target ${JSON.stringify(raw.slice(0, 80))} is not a path or a URL; send a path such as /state?username=alice.`,
    );
  }
}

/** The route a method on a path names, or a 404 (no such path) or a 405 (with its Allow header). */
export function routeOf(pathname: string, method: string): Route | ApiResponse {
  const methods = Object.hasOwn(ROUTES, pathname) ? ROUTES[pathname] : undefined;
  if (!methods)
    return problem(
      404,
      `There is no route ${pathname}. Routes: ${Object.keys(ROUTES).join(', ')}.`,
    );
  const route = Object.hasOwn(methods, method) ? methods[method] : undefined;
  if (route) return route;
  const allow = Object.keys(methods).join(', ');
  return problem(405, `${pathname} takes ${allow}, not ${method}.`, { allow });
}

/** The body's fields, or why it cannot be read. */
export function parseFields(
  body: Buffer,
  contentType: string | undefined,
): Record<string, unknown> | string {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  // curl -d labels JSON as a form: JSON first, whatever the label says.
  if (!/^[[{]/.test(text) && contentType?.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'The body is not valid JSON; send an object such as {"username": "alice", "password": "secret"}.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'The body must be a JSON object such as {"state": "active"}.';
  return value as Record<string, unknown>;
}

/** A header sent once, or null (absent, or sent twice). */
export function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : null;
}

/** The session token, from whichever place the client put it (see http.ts). */
export function tokenOf(
  headers: IncomingHttpHeaders,
  fields: Record<string, unknown>,
): string | null {
  const authorization = header(headers, 'authorization');
  if (authorization !== null) return authorization.replace(/^(Bearer|Token)\s+/i, '').trim();
  const explicit = header(headers, 'x-session-token');
  if (explicit !== null) return explicit.trim();
  const cookie = /(?:^|;\s*)session=([^;]+)/.exec(header(headers, 'cookie') ?? '');
  if (cookie) return cookie[1]!;
  const field = fields.token ?? fields.session_token ?? fields.session;
  return typeof field === 'string' ? field : null;
}

export function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
