import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../sim/index.ts';
import { checkHistory } from './linVerdict.ts';

let nextId = 0;
function op(o: Partial<HistoryOp> & Pick<HistoryOp, 'kind' | 'invokeMs'>): HistoryOp {
  return {
    id: nextId++,
    client: 'alice',
    input: { user: 'alice' },
    status: 'ok',
    completeMs: o.invokeMs + 10,
    attempts: 1,
    ...o,
  };
}

const login = op({ kind: 'login', invokeMs: 0 });
const write = op({
  kind: 'setState',
  invokeMs: 20,
  input: { user: 'alice', state: 'happy' },
  output: { kind: 'setState', user: 'alice', version: 1 },
});
const read = (state: string, version: number, invokeMs = 40, stale = false) =>
  op({
    kind: 'getState',
    invokeMs,
    client: 'bob',
    input: { user: 'alice', stale },
    output: { kind: 'getState', user: 'alice', state, version },
  });

describe('checkHistory (linearizability of the clients panel history)', () => {
  it('accepts a read that sees the write before it', () => {
    expect(checkHistory([login, write, read('happy', 1)])).toEqual({ result: 'linearizable' });
  });

  it('rejects a linearizable read of an older state, naming it and the order found', () => {
    const bad = read('', 0);
    const verdict = checkHistory([login, write, bad]);
    expect(verdict.result).toBe('not-linearizable');
    expect(verdict.failedOpId).toBe(bad.id);
    expect(verdict.order).toEqual([login.id, write.id]);
  });

  it('leaves stale reads out: they promise nothing', () => {
    expect(checkHistory([login, write, read('', 0, 40, true)]).result).toBe('linearizable');
  });

  it('says unknown when the budget runs out', () => {
    expect(checkHistory([login, write, read('happy', 1)], { maxSteps: 1 }).result).toBe('unknown');
  });
});
