import { describe, expect, it } from 'vitest';
import { operationsFromEvents, type HistoryEvent } from './events';

type Event = HistoryEvent<'read' | 'write', number | null>;
const interpreter = {
  input: (invoke: Event) => ({ f: invoke.f, value: invoke.value }),
  output: (_invoke: Event, ok: Event) => ({ value: ok.value }),
};
const e = (process: number, type: Event['type'], f: Event['f'], value: number | null): Event => ({
  process,
  type,
  f,
  value,
});

describe('operationsFromEvents', () => {
  it('pairs each invocation with its completion, timed by position', () => {
    const ops = operationsFromEvents(
      [
        e(0, 'invoke', 'write', 1),
        e(1, 'invoke', 'read', null),
        e(0, 'ok', 'write', 1),
        e(1, 'ok', 'read', 1),
      ],
      interpreter,
    );

    expect(ops).toEqual([
      { clientId: 0, input: { f: 'write', value: 1 }, call: 0, output: { value: 1 }, return: 2 },
      { clientId: 1, input: { f: 'read', value: null }, call: 1, output: { value: 1 }, return: 3 },
    ]);
  });

  it('drops an operation that failed: it definitely did not happen', () => {
    const ops = operationsFromEvents(
      [
        e(0, 'invoke', 'write', 1),
        e(0, 'fail', 'write', 1),
        e(0, 'invoke', 'read', null),
        e(0, 'ok', 'read', null),
      ],
      interpreter,
    );

    expect(ops.map((op) => op.input.f)).toEqual(['read']);
  });

  it('leaves info, and invocations still pending at the end, with an unknown outcome', () => {
    const ops = operationsFromEvents(
      [e(0, 'invoke', 'write', 1), e(0, 'info', 'write', 1), e(1, 'invoke', 'write', 2)],
      interpreter,
    );

    expect(ops).toEqual([
      {
        clientId: 0,
        input: { f: 'write', value: 1 },
        call: 0,
        output: undefined,
        return: undefined,
      },
      {
        clientId: 1,
        input: { f: 'write', value: 2 },
        call: 2,
        output: undefined,
        return: undefined,
      },
    ]);
  });

  it('uses the events own times when they have them', () => {
    const ops = operationsFromEvents(
      [
        { ...e(0, 'invoke', 'read', null), time: 100 },
        { ...e(0, 'ok', 'read', 3), time: 250 },
      ],
      interpreter,
    );

    expect(ops[0]).toMatchObject({ call: 100, return: 250 });
  });

  it('refuses a completion with no invocation, and a second pending invocation', () => {
    expect(() => operationsFromEvents([e(0, 'ok', 'read', 1)], interpreter)).toThrow(
      /invoked nothing/,
    );
    expect(() =>
      operationsFromEvents(
        [e(0, 'invoke', 'read', null), e(0, 'invoke', 'read', null)],
        interpreter,
      ),
    ).toThrow(/still pending/);
  });
});
