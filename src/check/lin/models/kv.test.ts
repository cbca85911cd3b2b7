import { describe, expect, it } from 'vitest';
import { checkOperations } from '../check';
import type { Operation } from '../operation';
import { done, unknown } from '../testing';
import { kvModel, type KvInput, type KvOutput } from './kv';

type Op = Operation<KvInput, KvOutput>;

const get = (c: number, key: string, value: string, call: number, ret: number): Op =>
  done(c, { kind: 'get', key }, call, ret, { kind: 'get', value });
const put = (c: number, key: string, value: string, call: number, ret: number): Op =>
  done(c, { kind: 'put', key, value }, call, ret, { kind: 'put' });
const append = (c: number, key: string, value: string, call: number, ret?: number): Op =>
  ret === undefined
    ? unknown(c, { kind: 'append', key, value }, call)
    : done(c, { kind: 'append', key, value }, call, ret, { kind: 'append' });

/** Both ways, which must agree: partitioned by key and as one history. */
const check = (history: Op[]) => {
  const partitioned = checkOperations(kvModel, history).result;
  const whole = checkOperations(kvModel, history, { partition: false }).result;
  expect(whole).toBe(partitioned);
  return partitioned;
};

describe('kvModel', () => {
  it('reads an absent key as ""', () => {
    expect(check([get(0, 'k', '', 0, 1)])).toBe('linearizable');
    expect(check([get(0, 'k', 'x', 0, 1)])).toBe('not-linearizable');
  });

  it('puts, appends and gets', () => {
    const history = [put(0, 'k', 'a', 0, 1), append(1, 'k', 'b', 2, 3), get(0, 'k', 'ab', 4, 5)];
    expect(check(history)).toBe('linearizable');
    expect(check([...history, get(1, 'k', 'a', 6, 7)])).toBe('not-linearizable');
  });

  it('orders concurrent appends one way for every reader', () => {
    const appends = [append(0, 'k', 'a', 0, 10), append(1, 'k', 'b', 0, 10)];
    expect(check([...appends, get(2, 'k', 'ba', 11, 12)])).toBe('linearizable');
    expect(check([...appends, get(2, 'k', 'ab', 11, 12), get(3, 'k', 'ba', 13, 14)])).toBe(
      'not-linearizable',
    );
    expect(check([...appends, get(2, 'k', 'aa', 11, 12)])).toBe('not-linearizable');
  });

  it('keeps keys apart', () => {
    const history = [put(0, 'a', 'x', 0, 1), put(1, 'b', 'y', 0, 1), get(2, 'a', 'x', 2, 3)];
    expect(check(history)).toBe('linearizable');
    expect(check([...history, get(2, 'b', 'x', 4, 5)])).toBe('not-linearizable');
  });

  it('lets an append with an unknown outcome apply later, or never', () => {
    const history = [put(0, 'k', 'a', 0, 1), append(1, 'k', 'b', 2)];
    expect(check([...history, get(0, 'k', 'a', 5, 6), get(0, 'k', 'ab', 7, 8)])).toBe(
      'linearizable',
    );
    expect(check([...history, get(0, 'k', 'ab', 5, 6), get(0, 'k', 'a', 7, 8)])).toBe(
      'not-linearizable',
    );
  });

  it('reports the failing key, the prefix and the state after it', () => {
    const a = put(0, 'a', 'x', 0, 1);
    const b = put(1, 'b', 'y', 0, 1);
    const stale = get(2, 'b', '', 2, 3);

    const verdict = checkOperations(kvModel, [a, b, stale]);

    expect(verdict).toMatchObject({
      result: 'not-linearizable',
      partitions: [
        { partitionIndex: 1, operations: [b, stale], longestPrefix: [b], failedOp: stale },
      ],
    });
    if (verdict.result !== 'not-linearizable') return;
    expect(kvModel.describeState!(verdict.partitions[0]!.stateAfterPrefix)).toBe("{'b': 'y'}");
  });

  it('makes equal maps equal, whatever order built them', () => {
    const m = kvModel;
    const step = (state: ReturnType<typeof m.init>, input: KvInput) => {
      const result = m.step(state, input, { kind: input.kind } as KvOutput);
      if (!result.ok) throw new Error('illegal');
      return result.state;
    };
    const ab = step(step(m.init(), { kind: 'put', key: 'a', value: '1' }), {
      kind: 'append',
      key: 'b',
      value: '2',
    });
    const ba = step(step(m.init(), { kind: 'put', key: 'b', value: '2' }), {
      kind: 'put',
      key: 'a',
      value: '1',
    });
    expect(m.equal(ab, ba)).toBe(true);
    expect(m.hash!(ab)).toBe(m.hash!(ba));
    // put "" removes the key: the map is empty again.
    const cleared = step(step(ab, { kind: 'put', key: 'a', value: '' }), {
      kind: 'put',
      key: 'b',
      value: '',
    });
    expect(m.equal(cleared, m.init())).toBe(true);
  });
});
