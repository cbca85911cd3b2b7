/**
 * UTF-8 encoding in pure TypeScript, so the app layer needs no TextEncoder
 * (a host API; DESIGN.md keeps src/app free of those). Same output as
 * TextEncoder: a lone surrogate becomes U+FFFD.
 */

const REPLACEMENT_CHARACTER = 0xfffd;
/** The most bytes one UTF-16 code unit can need. */
const UTF8_BYTES_PER_CODE_UNIT_MAX = 3;

export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length * UTF8_BYTES_PER_CODE_UNIT_MAX);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        // A surrogate pair: one code point above U+FFFF, four bytes.
        const codePoint = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[n++] = 0xf0 | (codePoint >> 18);
        out[n++] = 0x80 | ((codePoint >> 12) & 0x3f);
        out[n++] = 0x80 | ((codePoint >> 6) & 0x3f);
        out[n++] = 0x80 | (codePoint & 0x3f);
        continue;
      }
      c = REPLACEMENT_CHARACTER;
    }
    out[n++] = 0xe0 | (c >> 12);
    out[n++] = 0x80 | ((c >> 6) & 0x3f);
    out[n++] = 0x80 | (c & 0x3f);
  }
  return out.subarray(0, n);
}
