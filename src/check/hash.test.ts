import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hash64, hashCommand, mix32, stableStringify } from './hash';

// The hashes the checker and the trace hash rest on. A trace hash pinned in
// a golden file is only as stable as these, so each is held to values
// computed by an independent implementation (murmur3's round and finaliser,
// FNV-1a, written in Python from their published definitions).

describe('mix32: murmur3 round and finaliser', () => {
  it('gives the reference values', () => {
    expect(mix32(0, 0)).toBe(4279838538);
    expect(mix32(1, 2)).toBe(1712224151);
    expect(mix32(0xdeadbeef, -1)).toBe(699514315);
  });
});

describe('hashCommand: FNV-1a of the stable text, finalised', () => {
  it('gives the reference values', () => {
    expect(hashCommand(null)).toBe(2827039351);
    expect(hashCommand({ b: [2, 'x'], a: 1 })).toBe(1911008522);
    expect(hashCommand(undefined)).toBe(305651326);
  });

  it('hashes equal values alike whatever their key order, and different ones apart (State Machine Safety compares by it)', () => {
    expect(hashCommand({ a: 1, b: { c: 2, d: 3 } })).toBe(hashCommand({ b: { d: 3, c: 2 }, a: 1 }));
    expect(hashCommand({ a: 1 })).not.toBe(hashCommand({ a: 2 }));
    expect(hashCommand('ab')).not.toBe(hashCommand('ba'));
  });
});

describe('stableStringify', () => {
  it('writes JSON with sorted keys, at every depth', () => {
    expect(stableStringify({ b: 1, a: [{ d: null, c: 'x' }, true] })).toBe(
      '{"a":[{"c":"x","d":null},true],"b":1}',
    );
    expect(stableStringify([])).toBe('[]');
    expect(stableStringify({})).toBe('{}');
  });

  it('gives the text the map-and-join version gave, for any JSON value (trace hashes hash this text)', () => {
    // The implementation this one replaced, kept as the reference.
    const reference = (v: unknown): string => {
      if (v === undefined) return 'undefined';
      if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? typeof v;
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      const keys = Object.keys(v).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`).join(',')}}`;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(stableStringify(v)).toBe(reference(v));
      }),
    );
  });

  it("writes an array's holes as nothing and its undefined by name, as it always has (trace hashes hash this text)", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(stableStringify([1, , 2])).toBe('[1,,2]');
    expect(stableStringify([undefined, { a: undefined }])).toBe('[undefined,{"a":undefined}]');
  });

  it('names what JSON cannot write', () => {
    expect(stableStringify(undefined)).toBe('undefined');
    expect(stableStringify(() => 1)).toBe('function');
    expect(stableStringify(Symbol('s'))).toBe('symbol');
    expect(stableStringify(7)).toBe('7');
  });
});

describe('Hash64', () => {
  it('gives the reference values, empty and fed integers, a float and a string', () => {
    const empty = new Hash64();
    expect(empty.hex()).toBe('ab3e7c0b92ca2f0e');
    expect(empty.digest32()).toBe(325120289);
    const fed = new Hash64(7)
      .add(1)
      .add(-3)
      .add(2 ** 40 + 5)
      .add(0.5)
      .addString('héllo');
    expect(fed.hex()).toBe('e38312d51b7e9e6d');
    expect(fed.digest32()).toBe(2985871762);
  });

  it('tells apart what differs only in the high word or only in the fraction', () => {
    const of = (n: number) => new Hash64().add(n).hex();
    expect(of(2 ** 32)).not.toBe(of(0));
    expect(of(0.25)).not.toBe(of(0.5));
    expect(new Hash64().addString('ab').hex()).not.toBe(new Hash64().addString('ba').hex());
  });
});
