import { describe, expect, it } from 'vitest';
import { applyCommand } from './apply';
import { digestServiceState } from './digest';
import { passwordHash } from './password';
import { listUsers, readState } from './read';
import { restoreServiceState, snapshotServiceState } from './snapshot';
import { createServiceState, type ServiceState } from './state';
import { login, newServer, setState } from './testing';

const HASH = passwordHash('alice', 'pw');
const LOGIN = {
  v: 1,
  kind: 'login',
  clientId: 'c1',
  seq: 1,
  user: 'alice',
  passwordHash: HASH,
  at: 0,
};
const SET = { v: 1, kind: 'setState', clientId: 'c1', seq: 2, user: 'alice', state: 'x', at: 0 };

/** A server with alice logged in as client c1, to show bad commands change nothing. */
function loggedIn(): ServiceState {
  const state = createServiceState();
  applyCommand(state, LOGIN, 1);
  return state;
}

class LoginCommandClass {
  v = 1;
  kind = 'login';
  clientId = 'c1';
  seq = 1;
  user = 'alice';
  passwordHash = HASH;
  at = 0;
}

const without = (key: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(SET).filter(([k]) => k !== key));

const hostile = new Proxy(
  {},
  {
    getPrototypeOf() {
      throw new Error('gotcha');
    },
  },
);

// Reference: Raft §5.3: every server applies the same entries; a bad entry
// must get the same answer everywhere, so it is rejected, never thrown.
const BAD: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a string', 'login alice'],
  ['a boolean', true],
  ['a bigint', 10n],
  ['a symbol', Symbol('x')],
  ['a function', () => LOGIN],
  ['an empty array', []],
  ['an array holding a command', [LOGIN]],
  ['an empty object', {}],
  ["Raft's no-op", { kind: 'noop' }],
  ['a class instance with the right fields', new LoginCommandClass()],
  ['a Map', new Map(Object.entries(LOGIN))],
  ['a Date', new Date(0)],
  ['an object inheriting every field', Object.create(LOGIN) as unknown],
  [
    'a field hidden as non-enumerable',
    Object.defineProperty({ ...SET }, 'user', { value: 'alice', enumerable: false }),
  ],
  ['a hostile Proxy', hostile],
  ['version 2', { ...SET, v: 2 }],
  ['version "1"', { ...SET, v: '1' }],
  ['no kind', without('kind')],
  ['an unknown kind', { ...SET, kind: 'deleteUser' }],
  ['kind as a number', { ...SET, kind: 7 }],
  ['kind "__proto__"', { ...SET, kind: '__proto__' }],
  ['kind "toString"', { ...SET, kind: 'toString' }],
  ['an extra field', { ...SET, admin: true }],
  ['a plain password', { ...LOGIN, password: 'pw' }],
  ['a password in place of the hash', { ...LOGIN, passwordHash: 'pw' }],
  ['an uppercase hash', { ...LOGIN, passwordHash: HASH.toUpperCase() }],
  ['a hash as a number', { ...LOGIN, passwordHash: 12345 }],
  ['a huge hash', { ...LOGIN, passwordHash: 'a'.repeat(10_000_000) }],
  ['no at', without('at')],
  ['at as a string', { ...SET, at: '10' }],
  ['at negative', { ...SET, at: -1 }],
  ['at NaN', { ...SET, at: Number.NaN }],
  ['at Infinity', { ...SET, at: Number.POSITIVE_INFINITY }],
  ['no clientId', without('clientId')],
  ['clientId as a number', { ...SET, clientId: 1 }],
  ['clientId as an object', { ...SET, clientId: { toString: () => 'c1' } }],
  ['a huge clientId', { ...SET, clientId: 'c'.repeat(10_000_000) }],
  ['no seq', without('seq')],
  ['seq 0', { ...SET, seq: 0 }],
  ['seq negative', { ...SET, seq: -2 }],
  ['seq fractional', { ...SET, seq: 2.5 }],
  ['seq NaN', { ...SET, seq: Number.NaN }],
  ['seq beyond safe integers', { ...SET, seq: 2 ** 60 }],
  ['seq as a string', { ...SET, seq: '2' }],
  ['no user', without('user')],
  ['user as null', { ...SET, user: null }],
  ['user as an array', { ...SET, user: ['alice'] }],
  ['a huge user name', { ...SET, user: 'a'.repeat(10_000_000) }],
  ['no state', without('state')],
  ['state as a number', { ...SET, state: 5 }],
  ['state as an object', { ...SET, state: { text: 'x' } }],
  ['a huge state', { ...SET, state: 'x'.repeat(10_000_000) }],
  [
    'a command parsed from JSON with a "__proto__" key',
    JSON.parse('{"__proto__": {"v": 1}}') as unknown,
  ],
];

describe('malformed commands', () => {
  it.each(BAD)('rejects %s without throwing or changing anything', (_name, command) => {
    const state = loggedIn();
    const before = digestServiceState(state);
    const beforeJson = JSON.stringify(snapshotServiceState(state));

    const answer = applyCommand(state, command, 2);

    expect(answer.ok).toBe(false);
    expect(!answer.ok && ['bad-command', 'limit']).toContain(!answer.ok && answer.code);
    expect(!answer.ok && answer.error.length).toBeLessThan(300);
    expect(JSON.stringify(snapshotServiceState(state))).toBe(beforeJson);
    expect(digestServiceState(state)).toBe(before);
  });

  it('gives the same answer to the same bad command on every server', () => {
    for (const [, command] of BAD) {
      expect(applyCommand(loggedIn(), command, 2)).toEqual(applyCommand(loggedIn(), command, 2));
    }
  });

  it('explains what is wrong in words a student understands', () => {
    const explain = (command: unknown): string => {
      const answer = applyCommand(createServiceState(), command, 1);
      return answer.ok ? 'ok' : answer.error;
    };
    expect(explain(null)).toBe(
      'A command must be a plain object such as {"v": 1, "kind": "login", ...}; this log entry holds null.',
    );
    expect(explain({ kind: 'noop' })).toBe(
      'This log entry is not a command of the user service (it has no "v"), so nothing was applied.',
    );
    expect(explain({ ...SET, kind: 'deleteUser' })).toBe(
      'Unknown command kind "deleteUser"; expected "login", "setState" or "getState".',
    );
    expect(explain({ ...SET, v: 2 })).toBe(
      'Command version 2 is not supported; this cluster understands version 1.',
    );
    expect(explain({ ...LOGIN, password: 'pw' })).toBe(
      'A command must never carry a plain password; send "passwordHash": passwordHash(user, password) instead.',
    );
    expect(explain({ ...SET, admin: true })).toBe(
      'A setState command has no field "admin"; its fields are v, kind, clientId, seq, user, state, at.',
    );
    expect(explain(without('seq'))).toBe(
      `The setState command is missing "seq", a whole number from 1 up (the client's request number).`,
    );
    expect(explain({ ...SET, seq: 2.5 })).toBe(
      `"seq" of a setState command must be a whole number from 1 up (the client's request number); got 2.5.`,
    );
    expect(explain(without('at'))).toBe(
      'The command has no log time "at"; the leader stamps it when it appends the entry.',
    );
    expect(explain({ ...SET, user: 'a'.repeat(10_000_000) })).toBe(
      'The user name "aaaaaaaaaaaaaaaaaaaaaaaa…" is 10000000 characters long; the limit is 24.',
    );
  });

  it('throws only for a bad log index, a bug of the caller', () => {
    expect(() => applyCommand(createServiceState(), LOGIN, 0)).toThrow(RangeError);
    expect(() => applyCommand(createServiceState(), LOGIN, 1.5)).toThrow(RangeError);
  });
});

describe('prototype-polluting names', () => {
  const names = ['__proto__', 'constructor', 'prototype', 'hasownproperty', 'tostring', 'valueof'];

  it.each(names)('treats %j as an ordinary user name', (user) => {
    const server = newServer();

    const registered = server.apply(login('c1', 1, user, 0));
    const written = server.apply(setState('c1', 2, user, 'mine', 10));

    expect(registered.ok && written.ok).toBe(true);
    expect(readState(server.state, user)).toMatchObject({
      ok: true,
      value: { state: 'mine', version: 1 },
    });
    expect(listUsers(server.state)).toEqual([{ user, state: 'mine', version: 1 }]);
    expect(readState(server.state, 'alice')).toMatchObject({ code: 'no-such-user' });
    expect(({} as Record<string, unknown>)['state']).toBeUndefined();
  });

  it('survives a snapshot round trip through JSON with "__proto__" as a user and a client id', () => {
    const server = newServer();
    server.apply(login('__proto__', 1, '__proto__', 0));
    server.apply(setState('__proto__', 2, '__proto__', 'kept', 10));

    const json = JSON.parse(JSON.stringify(snapshotServiceState(server.state))) as unknown;
    const restored = restoreServiceState(json);

    expect(restored.ok).toBe(true);
    expect(restored.ok && listUsers(restored.state)).toEqual([
      { user: '__proto__', state: 'kept', version: 1 },
    ]);
    expect(restored.ok && restored.state.sessions.get('__proto__')?.lastSeq).toBe(2);
    expect(restored.ok && digestServiceState(restored.state)).toBe(
      digestServiceState(server.state),
    );
  });
});
