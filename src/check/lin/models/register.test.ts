import { describe, expect, it } from 'vitest';
import { checkOperations } from '../check';
import { done, read, unknown, write } from '../testing';
import { registerModel } from './register';

describe('registerModel', () => {
  const register = registerModel(0);

  it('reads the last write', () => {
    const history = [write(0, 1, 0, 1), read(1, 1, 2, 3), write(0, 2, 4, 5), read(1, 2, 6, 7)];

    expect(checkOperations(register, history).result).toBe('linearizable');
  });

  it('rejects a read of a value nobody wrote', () => {
    const history = [write(0, 1, 0, 10), read(1, 2, 5, 15)];

    expect(checkOperations(register, history).result).toBe('not-linearizable');
  });

  it('accepts a read with an unknown outcome anywhere', () => {
    const lost = unknown<{ kind: 'read' }, { kind: 'read'; value: number }>(1, { kind: 'read' }, 3);

    expect(checkOperations(register, [write(0, 1, 0, 1), lost]).result).toBe('linearizable');
  });

  it('holds any value type, compared with Object.is', () => {
    const text = registerModel<string>('');
    const history = [
      done(0, { kind: 'write' as const, value: 'x' }, 0, 1, { kind: 'write' as const }),
      done(1, { kind: 'read' as const }, 2, 3, { kind: 'read' as const, value: 'x' }),
    ];

    expect(checkOperations(text, history).result).toBe('linearizable');
    expect(text.describeOperation!(history[1]!.input, history[1]!.output)).toBe('read() -> x');
  });
});
