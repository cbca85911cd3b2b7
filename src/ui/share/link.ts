import { messages } from '../i18n/index.ts';
import type { LinkHolds } from '../i18n/messages.ts';
import type { RunSpec } from './runSpec.ts';
import { readAtMost } from './stream.ts';
import { parseJson, RUN_JSON_CHARS_MAX, validateRunSpec, type Checked } from './validate.ts';

/**
 * A run in a link: `#run=` and the RunSpec as JSON, deflated (deflate-raw,
 * the browser's own CompressionStream) and written in base64url, so it pastes
 * into a chat as one word. It goes in the fragment, which the browser never
 * sends to a server, so a run stays between the people who share it.
 */
export const RUN_LINK_KEY = 'run';

/** Characters of an encoded run read at most: far above any real run's link, far below a hang. */
export const RUN_LINK_CHARS_MAX = 1_000_000;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes; null for a character base64url lacks; 'cut' for a length no bytes give (4n + 1). */
function fromBase64Url(text: string): Uint8Array | 'cut' | null {
  if (!BASE64URL.test(text)) return null;
  if (text.length % 4 === 1) return 'cut';
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates at most `maxBytes` (a few bytes can unpack to gigabytes); null beyond that. */
async function inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const read = await readAtMost(stream, maxBytes);
  return read instanceof Uint8Array ? read : null;
}

/** Text as one word of a link: deflated, then base64url. */
export async function packText(text: string): Promise<string> {
  return toBase64Url(await deflate(text));
}

/**
 * The text a word of `packText` holds, at most `maxChars` long; a problem
 * says what is wrong with the link (too long, not base64url, not deflate),
 * naming what it `holds` (the key before the word).
 */
export async function unpackText(
  encoded: string,
  maxChars: number,
  holds: LinkHolds,
): Promise<Checked<string>> {
  const p = messages().share.problems;
  if (encoded.length > RUN_LINK_CHARS_MAX)
    return { ok: false, problem: p.linkTooLong(holds, encoded.length, RUN_LINK_CHARS_MAX) };
  const bytes = fromBase64Url(encoded);
  if (!bytes || bytes.length === 0) return { ok: false, problem: p.notBase64(holds) };
  if (bytes === 'cut') return { ok: false, problem: p.notDeflate(holds) };
  let json: Uint8Array | null;
  try {
    // Bytes bound the characters: UTF-8 spends at least one byte on each.
    json = await inflate(bytes, maxChars);
  } catch {
    return { ok: false, problem: p.notDeflate(holds) };
  }
  if (!json) return { ok: false, problem: p.unpacksTooBig(holds, maxChars) };
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(json) };
  } catch {
    return { ok: false, problem: p.notDeflate(holds) };
  }
}

/** The run as the word after `#run=`. */
export function encodeRun(spec: RunSpec): Promise<string> {
  return packText(JSON.stringify(spec));
}

/** Unpacks and checks the word after `#run=`; a problem says what is wrong with the link. */
export async function decodeRun(encoded: string): Promise<Checked<RunSpec>> {
  const text = await unpackText(encoded, RUN_JSON_CHARS_MAX, RUN_LINK_KEY);
  if (!text.ok) return text;
  const parsed = parseJson(text.value);
  return parsed.ok ? validateRunSpec(parsed.value) : parsed;
}

/** The word after `#<holds>=` in a fragment such as `#run=…`, or null when it names none. */
export function wordInFragment(hash: string, holds: LinkHolds): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return params.get(holds);
}

/** The encoded run in a fragment such as `#run=…`, or null when it names none. */
export function runInFragment(hash: string): string | null {
  return wordInFragment(hash, RUN_LINK_KEY);
}

/** The page's address with the run in its fragment (the query, seed and options, kept as they are). */
export async function runLink(address: string, spec: RunSpec): Promise<string> {
  const url = new URL(address);
  url.hash = `${RUN_LINK_KEY}=${await encodeRun(spec)}`;
  return url.toString();
}
