/**
 * The address of a live cluster, as a user types it or `?attach=` gives
 * it: one server of `npm run serve` on this machine. Only loopback
 * addresses are taken, the ones the page's security policy lets it reach
 * (vite.config.ts) and the servers answer (src/server/cors.ts).
 */
import type { Text } from '../i18n/index.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type AttachAddress =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: Text };

/** `http://127.0.0.1:5000`, also without the scheme; gives its origin. */
export function readAttachAddress(text: string): AttachAddress {
  const typed = text.trim();
  const bad: AttachAddress = { ok: false, problem: (m) => m.live.badAddress(typed) };
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(typed) ? typed : `http://${typed}`);
  } catch {
    return bad;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.port === '') return bad;
  if (url.username !== '' || url.password !== '') return bad;
  return { ok: true, url: url.origin };
}

/** The `?attach=` of a page address, or null when it has none. */
export function attachParam(search: string): string | null {
  return new URLSearchParams(search).get('attach');
}

/** The page address with `?attach=` set to `url`, or removed (null). */
export function withAttach(search: string, url: string | null): string {
  const params = new URLSearchParams(search);
  if (url === null) params.delete('attach');
  else params.set('attach', url);
  const text = params.toString();
  return text === '' ? window.location.pathname : `?${text}`;
}
