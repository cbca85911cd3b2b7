import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../sim/index.ts';
import { copyHistory } from './historyCopy.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const op = (id: number): Mutable<HistoryOp> => ({
  id,
  client: `c${id % 2}`,
  kind: 'setState',
  input: { user: 'alice', state: `s${id}` },
  status: 'pending',
  invokeMs: id * 10,
  completeMs: null,
  attempts: 1,
});

describe('copyHistory', () => {
  it('copies every operation the first time, detached from the live ones', () => {
    const live = [op(1), op(2)];
    const copy = copyHistory(live, []);
    expect(copy).toEqual(live);
    expect(copy[0]).not.toBe(live[0]);
    live[0]!.status = 'ok';
    expect(copy[0]!.status).toBe('pending');
  });

  it('keeps the copy of an unchanged operation and copies again one that settled, was retried or is new', () => {
    const live = [op(1), op(2), op(3), op(4)];
    const first = copyHistory(live, []);
    live[1]!.status = 'ok';
    live[1]!.completeMs = 40;
    live[2]!.attempts = 2;
    live.push(op(5));
    const second = copyHistory(live, first);
    expect(second).toEqual(live);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
    expect(second[3]).toBe(first[3]);
    expect(second[4]).toEqual(op(5));
  });

  it('gives back the previous copy itself when no operation changed', () => {
    const live = [op(1), op(2)];
    const first = copyHistory(live, []);
    expect(copyHistory(live, first)).toBe(first);
    live.pop();
    expect(copyHistory(live, first)).not.toBe(first);
  });

  it('follows the history as its oldest operations are dropped', () => {
    const live = [op(1), op(2), op(3)];
    const first = copyHistory(live, []);
    live.shift();
    live.push(op(4));
    const second = copyHistory(live, first);
    expect(second.map((o) => o.id)).toEqual([2, 3, 4]);
    expect(second[0]).toBe(first[1]);
    expect(second[1]).toBe(first[2]);
  });
});
