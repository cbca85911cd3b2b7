import { describe, expect, it } from 'vitest';
import { checkOperations } from '../check';
import type { Operation } from '../operation';
import { done, unknown } from '../testing';
import { casRegisterModel, type CasRegisterInput, type CasRegisterOutput } from './casRegister';

type Op = Operation<CasRegisterInput, CasRegisterOutput>;

const read = (c: number, value: number | null, call: number, ret: number): Op =>
  done(c, { kind: 'read' }, call, ret, { kind: 'read', value });
const write = (c: number, value: number, call: number, ret?: number): Op =>
  ret === undefined
    ? unknown(c, { kind: 'write', value }, call)
    : done(c, { kind: 'write', value }, call, ret, { kind: 'write' });
const cas = (c: number, from: number, to: number, call: number, ret?: number, ok?: boolean): Op =>
  ret === undefined
    ? unknown(c, { kind: 'cas', from, to }, call)
    : done(c, { kind: 'cas', from, to }, call, ret, { kind: 'cas', ok: ok ?? true });

const check = (history: Op[]) => checkOperations(casRegisterModel, history).result;

describe('casRegisterModel (Jepsen etcd)', () => {
  it('starts absent (nil), not 0', () => {
    expect(check([read(0, null, 0, 1)])).toBe('linearizable');
    expect(check([read(0, 0, 0, 1)])).toBe('not-linearizable');
  });

  it('applies a cas only when the value is `from`', () => {
    expect(check([write(0, 1, 0, 1), cas(1, 1, 2, 2, 3), read(0, 2, 4, 5)])).toBe('linearizable');
    expect(check([write(0, 1, 0, 1), cas(1, 3, 2, 2, 3)])).toBe('not-linearizable');
  });

  it('takes a reported cas failure as an observation that the value was not `from`', () => {
    expect(check([write(0, 1, 0, 1), cas(1, 2, 3, 2, 3, false)])).toBe('linearizable');
    expect(check([write(0, 1, 0, 1), cas(1, 1, 3, 2, 3, false)])).toBe('not-linearizable');
  });

  it('fails a cas on an absent value', () => {
    expect(check([cas(0, 0, 1, 0, 1, true)])).toBe('not-linearizable');
    expect(check([cas(0, 0, 1, 0, 1, false), read(1, null, 2, 3)])).toBe('linearizable');
  });

  it('lets only one of two concurrent cas from the same value succeed', () => {
    const both = [write(0, 0, 0, 1), cas(1, 0, 1, 2, 10), cas(2, 0, 2, 3, 11)];
    expect(check(both)).toBe('not-linearizable');

    const oneFails = [write(0, 0, 0, 1), cas(1, 0, 1, 2, 10), cas(2, 0, 2, 3, 11, false)];
    expect(check([...oneFails, read(0, 1, 12, 13)])).toBe('linearizable');
  });

  it('lets a cas with an unknown outcome apply later, or never', () => {
    const base = [write(0, 1, 0, 1), cas(1, 1, 2, 2)];
    expect(check([...base, read(2, 2, 10, 11)])).toBe('linearizable');
    expect(check([...base, read(2, 1, 10, 11)])).toBe('linearizable');
    expect(check([...base, read(2, 2, 10, 11), read(2, 1, 12, 13)])).toBe('not-linearizable');
  });

  it('lets a write with an unknown outcome apply at most once', () => {
    const history = [write(0, 4, 0), read(1, 4, 5, 6), write(1, 3, 7, 8), read(1, 4, 9, 10)];
    expect(check(history)).toBe('not-linearizable');
  });

  it('describes operations and states for the UI', () => {
    const m = casRegisterModel;
    expect(m.describeOperation!({ kind: 'cas', from: 1, to: 2 }, { kind: 'cas', ok: false })).toBe(
      'cas(1, 2) -> fail',
    );
    expect(m.describeOperation!({ kind: 'read' }, { kind: 'read', value: null })).toBe(
      'read() -> nil',
    );
    expect(m.describeOperation!({ kind: 'write', value: 3 }, undefined)).toBe('write(3)');
    expect(m.describeState!(null)).toBe('nil');
  });
});
