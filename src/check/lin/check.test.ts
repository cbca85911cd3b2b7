import { describe, expect, it } from 'vitest';
import { checkOperations } from './check';
import { registerModel } from './models/register';
import type { Model } from './model';
import type { Operation } from './operation';
import { read, write } from './testing';

const register = registerModel(0);

describe('checkOperations on a register', () => {
  it('accepts the empty history', () => {
    expect(checkOperations(register, [])).toEqual({ result: 'linearizable' });
  });

  // Reference: MIT 6.824 2017 quiz 2 §VII, as in Porcupine's tests. A read
  // concurrent with a write may see it or not, in either order of the reads.
  it('lets concurrent reads see a concurrent write or not', () => {
    const history = [write(0, 100, 0, 100), read(1, 100, 25, 75), read(2, 0, 30, 60)];

    expect(checkOperations(register, history).result).toBe('linearizable');
  });

  it('rejects a read of the old value after a read of the new one has completed', () => {
    const history = [write(0, 200, 0, 100), read(1, 200, 10, 30), read(2, 0, 40, 90)];

    const verdict = checkOperations(register, history);

    expect(verdict.result).toBe('not-linearizable');
  });

  it('orders operations that do not overlap in real time', () => {
    // write(1) completes before write(2) starts, so a later read cannot see 1.
    const history = [write(0, 1, 0, 10), write(1, 2, 20, 30), read(2, 1, 40, 50)];

    expect(checkOperations(register, history).result).toBe('not-linearizable');
  });

  it('lets overlapping writes take effect in either order', () => {
    const history = [write(0, 1, 0, 30), write(1, 2, 10, 40), read(2, 1, 50, 60)];

    expect(checkOperations(register, history).result).toBe('linearizable');
  });

  it('counts operations that touch at one instant as concurrent', () => {
    // The read returns at 10, the instant the write is called.
    const history = [write(0, 5, 10, 20), read(1, 5, 0, 10)];

    expect(checkOperations(register, history).result).toBe('linearizable');
  });

  it('linearizes an operation before every operation called after it returned', () => {
    // read -> 0 returned before write(3) was called: it goes first, and the
    // reads called after the write returned must see 3.
    const history = [read(0, 0, 0, 5), write(1, 3, 6, 8), read(2, 3, 9, 12), read(0, 3, 13, 14)];
    expect(checkOperations(register, history).result).toBe('linearizable');

    // A read that returned before the write was called cannot see it.
    const seesTheFuture = [read(0, 3, 0, 5), write(1, 3, 6, 8)];
    expect(checkOperations(register, seesTheFuture).result).toBe('not-linearizable');
  });
});

describe('operations with an unknown outcome', () => {
  it('may take effect after their call', () => {
    const history = [write(0, 1, 0), read(1, 1, 10, 20)];

    expect(checkOperations(register, history).result).toBe('linearizable');
  });

  it('may never take effect', () => {
    const history = [write(0, 1, 0), read(1, 0, 10, 20), read(2, 0, 30, 40)];

    expect(checkOperations(register, history).result).toBe('linearizable');
  });

  it('may take effect long after every other operation has completed', () => {
    // Its return is at +Infinity, so it stays a candidate to the end.
    const history = [write(0, 7, 0), read(1, 0, 100, 110), read(1, 7, 200, 210)];

    expect(checkOperations(register, history).result).toBe('linearizable');
  });

  it('cannot take effect before their call', () => {
    const history = [read(0, 1, 0, 5), write(1, 1, 10)];

    expect(checkOperations(register, history).result).toBe('not-linearizable');
  });

  it('cannot be undone once a read has seen them', () => {
    const history = [write(0, 1, 0), read(1, 1, 10, 20), read(2, 0, 30, 40)];

    expect(checkOperations(register, history).result).toBe('not-linearizable');
  });

  it('make a history of nothing else linearizable', () => {
    expect(checkOperations(register, [write(0, 1, 0), write(1, 2, 3)]).result).toBe('linearizable');
  });

  it('are unknown whether return is undefined or Infinity', () => {
    const infinite: Operation<{ kind: 'write'; value: number }, { kind: 'write' }> = {
      clientId: 0,
      input: { kind: 'write', value: 1 },
      call: 0,
      output: { kind: 'write' },
      return: Infinity,
    };

    expect(checkOperations(register, [infinite, read(1, 0, 10, 20)]).result).toBe('linearizable');
  });
});

describe('the not-linearizable verdict', () => {
  it('gives the longest linearizable prefix, the state after it and the operation that failed', () => {
    const w1 = write(0, 1, 0, 10);
    const r1 = read(1, 1, 20, 30);
    const w2 = write(0, 2, 40, 50);
    const stale = read(1, 1, 60, 70);
    const history = [w1, r1, w2, stale];

    const verdict = checkOperations(register, history);

    expect(verdict).toEqual({
      result: 'not-linearizable',
      partitions: [
        {
          partitionIndex: 0,
          operations: history,
          longestPrefix: [w1, r1, w2],
          stateAfterPrefix: 2,
          failedOp: stale,
        },
      ],
    });
    // The same objects as the history, so a UI can find them.
    if (verdict.result !== 'not-linearizable') throw new Error('unreachable');
    expect(verdict.partitions[0]!.failedOp).toBe(stale);
  });

  it('names the first operation when nothing can be linearized', () => {
    const impossible = read(0, 9, 0, 10);

    const verdict = checkOperations(register, [impossible]);

    expect(verdict).toMatchObject({
      result: 'not-linearizable',
      partitions: [{ longestPrefix: [], failedOp: impossible, stateAfterPrefix: 0 }],
    });
  });

  it('is the same on every run', () => {
    const history = [write(0, 1, 0, 30), write(1, 2, 10, 40), read(2, 3, 50, 60), write(0, 3, 45)];

    expect(checkOperations(register, history)).toEqual(checkOperations(register, history));
  });
});

/** A map of independent registers, one per key, partitioned by key. */
type KeyedInput = { key: string; value: number | null };
const keyed: Model<number, KeyedInput, number> = {
  init: () => 0,
  step: (state, input, output) =>
    input.value !== null
      ? { ok: true, state: input.value }
      : output === undefined || output === state
        ? { ok: true, state }
        : { ok: false },
  equal: (a, b) => a === b,
  partition: (history) => {
    const keys = [...new Set(history.map((op) => op.input.key))];
    return keys.map((key) => history.filter((op) => op.input.key === key));
  },
};
const put = (key: string, value: number, call: number, ret: number) => ({
  clientId: 0,
  input: { key, value },
  call,
  output: 0,
  return: ret,
});
const get = (key: string, value: number, call: number, ret: number) => ({
  clientId: 1,
  input: { key, value: null },
  call,
  output: value,
  return: ret,
});

describe('partitions', () => {
  const history = [put('a', 1, 0, 1), get('b', 1, 2, 3), put('c', 5, 4, 5), get('a', 2, 6, 7)];

  it('are checked on their own: a value of one key is not a value of another', () => {
    expect(checkOperations(keyed, history, { partition: false }).result).toBe('not-linearizable');
    const verdict = checkOperations(keyed, history);
    expect(verdict.result).toBe('not-linearizable');
  });

  it('stop at the first failing one by default', () => {
    const verdict = checkOperations(keyed, history);

    expect(verdict.result === 'not-linearizable' && verdict.partitions.length).toBe(1);
  });

  it('all fail in the verdict with stopAtFirstFailure: false, in partition order', () => {
    const verdict = checkOperations(keyed, history, { stopAtFirstFailure: false });

    expect(verdict.result).toBe('not-linearizable');
    if (verdict.result !== 'not-linearizable') return;
    expect(verdict.partitions.map((p) => p.partitionIndex)).toEqual([0, 1]);
    expect(verdict.partitions.map((p) => p.failedOp.input.key)).toEqual(['a', 'b']);
  });

  it('pass together when each passes', () => {
    const ok = [put('a', 1, 0, 1), get('b', 0, 2, 3), get('a', 1, 4, 5)];

    expect(checkOperations(keyed, ok)).toEqual({ result: 'linearizable' });
  });
});

describe('the budget', () => {
  // Many concurrent writes and a read no order explains: the search must
  // try every order before it can say no.
  const hard = [
    ...Array.from({ length: 12 }, (_, i) => write(i, i + 1, 0, 100)),
    read(20, 99, 0, 100),
  ];

  it('gives unknown when the steps run out', () => {
    const verdict = checkOperations(register, hard, { maxSteps: 100 });

    expect(verdict).toEqual({
      result: 'unknown',
      exhausted: 'steps',
      partitionsChecked: 0,
      partitionCount: 1,
    });
  });

  it('gives unknown when the injected clock passes the deadline', () => {
    let nowMs = 0;
    // Every reading of the clock advances it by one second.
    const now = () => (nowMs += 1000);

    const verdict = checkOperations(register, hard, { now, timeoutMs: 5000 });

    expect(verdict).toMatchObject({ result: 'unknown', exhausted: 'time' });
  });

  it('decides when it is large enough', () => {
    expect(checkOperations(register, hard, { maxSteps: 10_000_000 }).result).toBe(
      'not-linearizable',
    );
  });

  it('lets a failing partition decide even when another runs out', () => {
    const failing = [put('x', 1, 0, 1), get('x', 2, 2, 3)];
    const busy = Array.from({ length: 14 }, (_, i) => put('y', i + 1, 0, 100));
    const verdict = checkOperations(keyed, [...busy, get('y', 99, 0, 100), ...failing], {
      maxSteps: 50_000,
    });

    expect(verdict).toMatchObject({
      result: 'not-linearizable',
      partitions: [{ failedOp: failing[1] }],
    });
  });

  it('needs a clock for a time limit', () => {
    expect(() => checkOperations(register, [], { timeoutMs: 10 })).toThrow(/needs a clock/);
  });
});

describe('malformed histories', () => {
  it('are refused when an operation returns before its call', () => {
    expect(() => checkOperations(register, [read(0, 0, 10, 5)])).toThrow(/before its call/);
  });
});
