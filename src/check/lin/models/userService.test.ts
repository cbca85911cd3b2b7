import { describe, expect, it } from 'vitest';
import { checkOperations } from '../check';
import { done, unknown } from '../testing';
import {
  userServiceModel,
  type UserServiceInput,
  type UserServiceOp,
  type UserServiceOutput,
} from './userService';

const login = (c: number, user: string, call: number, ret: number, ok = true): UserServiceOp =>
  done(c, { kind: 'login', user }, call, ret, { kind: 'login', ok });
const set = (
  c: number,
  user: string,
  state: string,
  call: number,
  ret?: number,
  version?: number,
) =>
  ret === undefined
    ? unknown<UserServiceInput, UserServiceOutput>(c, { kind: 'setState', user, state }, call)
    : done<UserServiceInput, UserServiceOutput>(
        c,
        { kind: 'setState', user, state },
        call,
        ret,
        version === undefined
          ? { kind: 'setState', ok: false, error: 'not logged in' }
          : { kind: 'setState', ok: true, version },
      );
const get = (c: number, user: string, call: number, ret: number, state?: string, version = 0) =>
  done<UserServiceInput, UserServiceOutput>(
    c,
    { kind: 'getState', user },
    call,
    ret,
    state === undefined
      ? { kind: 'getState', found: false }
      : { kind: 'getState', found: true, state, version },
  );

const check = (history: UserServiceOp[]) => checkOperations(userServiceModel, history).result;

describe('userServiceModel', () => {
  it('has no user before the first login, and ("", 0) after it', () => {
    expect(check([get(0, 'ann', 0, 1), login(0, 'ann', 2, 3), get(0, 'ann', 4, 5, '', 0)])).toBe(
      'linearizable',
    );
    expect(check([get(0, 'ann', 0, 1, '', 0)])).toBe('not-linearizable');
    expect(check([login(0, 'ann', 0, 1), get(1, 'ann', 2, 3)])).toBe('not-linearizable');
  });

  it('does not register a user on a failed login', () => {
    expect(check([login(0, 'ann', 0, 1, false), get(0, 'ann', 2, 3)])).toBe('linearizable');
    expect(check([login(0, 'ann', 0, 1, false), get(0, 'ann', 2, 3, '', 0)])).toBe(
      'not-linearizable',
    );
  });

  it('bumps the version by one on each setState', () => {
    const history = [
      login(0, 'ann', 0, 1),
      set(0, 'ann', 'a', 2, 3, 1),
      set(0, 'ann', 'b', 4, 5, 2),
      get(1, 'ann', 6, 7, 'b', 2),
    ];
    expect(check(history)).toBe('linearizable');
    const skipped = [login(0, 'ann', 0, 1), set(0, 'ann', 'a', 2, 3, 2)];
    expect(check(skipped)).toBe('not-linearizable');
  });

  it('returns the current state and version, never a stale one', () => {
    const history = [
      login(0, 'ann', 0, 1),
      set(0, 'ann', 'a', 2, 3, 1),
      set(0, 'ann', 'b', 4, 5, 2),
      get(1, 'ann', 6, 7, 'a', 1),
    ];
    expect(check(history)).toBe('not-linearizable');
  });

  it('orders concurrent setStates by the versions they were given', () => {
    const writes = [
      login(0, 'ann', 0, 1),
      set(0, 'ann', 'x', 2, 10, 2),
      set(1, 'ann', 'y', 3, 11, 1),
    ];
    expect(check([...writes, get(2, 'ann', 12, 13, 'x', 2)])).toBe('linearizable');
    expect(check([...writes, get(2, 'ann', 12, 13, 'y', 2)])).toBe('not-linearizable');
    // A read during the writes may see the first one.
    expect(check([...writes, get(2, 'ann', 4, 9, 'y', 1)])).toBe('linearizable');
  });

  it('accepts a successful setState only for a user who logged in', () => {
    expect(check([set(0, 'ann', 'a', 0, 1, 1)])).toBe('not-linearizable');
    // A refused one changes nothing.
    expect(check([set(0, 'ann', 'a', 0, 1), get(0, 'ann', 2, 3)])).toBe('linearizable');
  });

  it('lets a setState with an unknown outcome apply later, or never', () => {
    const base = [login(0, 'ann', 0, 1), set(0, 'ann', 'a', 2)];
    expect(check([...base, get(1, 'ann', 5, 6, '', 0), get(1, 'ann', 7, 8, 'a', 1)])).toBe(
      'linearizable',
    );
    expect(check([...base, get(1, 'ann', 5, 6, 'a', 1), get(1, 'ann', 7, 8, '', 0)])).toBe(
      'not-linearizable',
    );
  });

  it('checks each user on their own', () => {
    const history = [
      login(0, 'ann', 0, 1),
      login(1, 'bob', 0, 1),
      set(0, 'ann', 'a', 2, 3, 1),
      get(1, 'bob', 4, 5, '', 0),
      get(1, 'ann', 4, 5, 'a', 1),
    ];
    expect(check(history)).toBe('linearizable');
    expect(checkOperations(userServiceModel, history, { partition: false }).result).toBe(
      'linearizable',
    );
    const verdict = checkOperations(userServiceModel, [...history, get(1, 'bob', 6, 7, 'a', 1)]);
    expect(verdict).toMatchObject({
      result: 'not-linearizable',
      partitions: [{ partitionIndex: 1 }],
    });
  });

  it('describes operations and states for the UI', () => {
    const m = userServiceModel;
    expect(
      m.describeOperation!(
        { kind: 'setState', user: 'ann', state: 'a' },
        { kind: 'setState', ok: true, version: 3 },
      ),
    ).toBe("setState(ann, 'a') -> version 3");
    expect(
      m.describeOperation!({ kind: 'getState', user: 'ann' }, { kind: 'getState', found: false }),
    ).toBe('getState(ann) -> not found');
    expect(m.describeOperation!({ kind: 'login', user: 'ann' }, undefined)).toBe(
      'login(ann) -> unknown',
    );
  });
});
