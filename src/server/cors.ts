/**
 * Which web pages may call a server (and the launcher's control, control.ts):
 * the playground served from this machine, that is a page whose origin is
 * http(s) on 127.0.0.1, localhost or [::1], at any port. A request from
 * any other origin is refused with 403 and changes nothing; a request with
 * no Origin (curl, Python, another server) is no web page's and is served.
 * Only the routes the page uses answer CORS; JSON-only control routes need
 * a preflight, which only those pages get.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** How long a browser may keep a preflight's answer, in s. */
const PREFLIGHT_MAX_AGE_S = 600;
const ALLOWED_HEADERS = 'Content-Type, Authorization, X-Request-Number, X-Session-Token';
/** The answer headers the page reads. */
const EXPOSED_HEADERS =
  'X-Raft-Server, X-Raft-Leader, X-Raft-Leader-Url, X-Raft-Served-By, X-Request-Number, X-State-Version';

/** The page on this machine, or no page at all. */
export function originAllowed(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)
  );
}

export function originOf(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return typeof origin === 'string' ? origin : undefined;
}

/** The CORS headers of an answer to `origin` on a route the page uses; none for no page. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (origin === undefined || !originAllowed(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED_HEADERS,
    vary: 'Origin',
  };
}

export const REFUSED_ORIGIN =
  'This server answers web pages served from this machine only (127.0.0.1 or localhost).';

/**
 * Answers a request the CORS rules settle before any route runs: a
 * preflight (OPTIONS), or any request from a page on another origin.
 * Returns true when it answered.
 */
export function answerCors(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  pageRoutes: ReadonlySet<string>,
  methods: string,
): boolean {
  const origin = originOf(req);
  if (!originAllowed(origin)) {
    json(res, 403, { error: REFUSED_ORIGIN });
    return true;
  }
  if (req.method !== 'OPTIONS') return false;
  if (origin === undefined || !pageRoutes.has(path)) {
    json(res, 403, { error: `${path} does not answer web pages.` });
    return true;
  }
  res.writeHead(204, {
    ...corsHeaders(origin),
    'access-control-allow-methods': methods,
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
  });
  res.end();
  return true;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
