/**
 * The page's requests to a live cluster: the seed's routes for the
 * clients panel, the servers' link controls, and the launcher's crash and
 * restart (src/server/control.ts). Every answer that is not a success
 * becomes an Error carrying the server's own words.
 */

/** Bound on one request, in ms: a server retries through an election for 4 s before it answers 503. */
export const LIVE_REQUEST_TIMEOUT_MS = 6_000;

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

export class LiveRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** One JSON request; throws LiveRequestError when no answer came or the answer is an error. */
export async function requestJson(
  fetchImpl: Fetch,
  url: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        // JSON for every request: the control routes take nothing else (src/server/cors.ts).
        'Content-Type': 'application/json',
        ...(init.token !== undefined && { Authorization: `Bearer ${init.token}` }),
      },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(LIVE_REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new LiveRequestError(
      `no answer from ${new URL(url).origin} (${error instanceof Error ? error.message : String(error)})`,
      null,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const said = (body as { error?: unknown } | null)?.error;
    throw new LiveRequestError(
      typeof said === 'string' ? said : `HTTP ${response.status}`,
      response.status,
    );
  }
  return { status: response.status, body, headers: response.headers };
}
