import { describe, expect, it } from 'vitest';
import { utf8Encode } from './utf8';

describe('utf8Encode', () => {
  const cases: [string, string, number[]][] = [
    ['empty', '', []],
    ['ASCII', 'Az0', [0x41, 0x7a, 0x30]],
    ['two bytes', 'é', [0xc3, 0xa9]],
    ['three bytes', '€', [0xe2, 0x82, 0xac]],
    ['a surrogate pair as four bytes', '😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['a lone high surrogate as U+FFFD', '\ud800x', [0xef, 0xbf, 0xbd, 0x78]],
    ['a lone low surrogate as U+FFFD', '\udc00', [0xef, 0xbf, 0xbd]],
    ['U+FFFF', '\uffff', [0xef, 0xbf, 0xbf]],
  ];
  it.each(cases)('encodes %s', (_name, text, bytes) => {
    expect([...utf8Encode(text)]).toEqual(bytes);
  });

  it('matches TextEncoder on every code unit class', () => {
    const text = 'a\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff\u{10000}\u{10ffff}\ud800\udfff';
    expect([...utf8Encode(text)]).toEqual([...new TextEncoder().encode(text)]);
  });
});
