/**
 * The service worker: after the first visit the playground works offline, so
 * a class on a poor network still has it. The build (scripts/offline.ts)
 * compiles this file to sw.js and fills in the two constants below.
 *
 * - Every file of the build is cached at install, in one cache per build, so
 *   the page and its scripts always come from the same build.
 * - The page itself is fetched from the network first (a new build shows as
 *   soon as there is one), and from the cache when the network fails.
 * - Everything it serves gets the cross-origin isolation headers, so
 *   performance.now() keeps its fine resolution even on a static host that
 *   cannot send them.
 */
/** Every file of this build, relative to the scope ('' is the page). */
declare const PRECACHE: readonly string[];
/** Changes with every build whose files change. */
declare const VERSION: string;

// The project's types see a page (DOM); this file runs as a service worker.
const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'raft-playground-';
const CACHE = CACHE_PREFIX + VERSION;

const scoped = (file: string): string => new URL(file, sw.registration.scope).href;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.map(scoped));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
  event.respondWith(respond(request));
});

async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  if (request.mode === 'navigate') {
    try {
      return isolated(await fetch(request));
    } catch (offline) {
      // The page of this build, whatever its query (?seed=...) or fragment.
      const page = await cache.match(scoped(''));
      if (page) return isolated(page);
      throw offline;
    }
  }
  const cached = await cache.match(request, { ignoreSearch: true });
  return isolated(cached ?? (await fetch(request)));
}

/** The response with COOP and COEP set, unless it has them or cannot be changed. */
function isolated(response: Response): Response {
  if (response.type === 'opaque' || response.headers.has('Cross-Origin-Embedder-Policy'))
    return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
