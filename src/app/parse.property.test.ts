import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  prepareGetState,
  prepareLogin,
  prepareSetState,
  stampCommand,
} from './client';
import type { ErrorCode } from './responses';
import { parseCommand } from './parse';

/**
 * Property tests of the client request parser: whatever a log entry holds,
 * every server reaches the same verdict (Raft §5.3: all apply the same
 * entries), never throws, and says what is wrong in a sentence. The verdict
 * is compared with a second, independent reading of the rules written here
 * from the service's documentation (limits.ts, rules.ts, commands.ts).
 * Fixed seed, bounded runs.
 */
const RUNS = { seed: 23, numRuns: 400 } as const;

const CODES: readonly ErrorCode[] = [
  'bad-command',
  'limit',
  'bad-password',
  'not-logged-in',
  'session-expired',
  'stale-request',
  'no-such-user',
];

const FIELDS = {
  login: ['v', 'kind', 'clientId', 'seq', 'user', 'passwordHash', 'at'],
  setState: ['v', 'kind', 'clientId', 'seq', 'user', 'state', 'at'],
  getState: ['v', 'kind', 'user', 'at'],
} as const;

/** The rules, read a second time: true when a command of the service is well formed. */
function wellFormed(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const proto: unknown = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return false;
  const c = raw as Record<string, unknown>;
  if (c.v !== 1 || typeof c.kind !== 'string' || !Object.hasOwn(FIELDS, c.kind)) return false;
  const allowed: readonly string[] = FIELDS[c.kind as keyof typeof FIELDS];
  if (Object.keys(c).some((k) => !allowed.includes(k))) return false;
  const at = c.at;
  if (typeof at !== 'number' || !(at >= 0 && at <= Number.MAX_SAFE_INTEGER)) return false;
  if (typeof c.user !== 'string' || !/^[a-z0-9_-]{1,24}$/.test(c.user)) return false;
  if (c.kind === 'getState') return true;
  if (typeof c.clientId !== 'string' || !/^[A-Za-z0-9_.:-]{1,40}$/.test(c.clientId)) return false;
  if (typeof c.seq !== 'number' || !Number.isSafeInteger(c.seq) || c.seq < 1) return false;
  if (c.kind === 'login')
    return (
      typeof c.passwordHash === 'string' &&
      /^([0-9a-f]{64}|scrypt\$[0-9a-f]{32}\$[0-9a-f]{64})$/.test(c.passwordHash)
    );
  return typeof c.state === 'string' && c.state.length <= 256;
}

/** A field's value: mostly right, sometimes just wrong, sometimes anything at all. */
const userName = fc.stringMatching(/^[a-z0-9_-]{1,24}$/);
const fieldValues = {
  v: fc.oneof(fc.constant(1), fc.constantFrom(0, 2, '1', null)),
  kind: fc.constantFrom('login', 'setState', 'getState', 'Login', 'delete', ''),
  clientId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/), fc.string({ maxLength: 45 })),
  seq: fc.oneof(fc.integer({ min: 1 }), fc.integer(), fc.double(), fc.constant(2 ** 53)),
  user: fc.oneof(userName, fc.string({ maxLength: 30 }), fc.constant('Alice')),
  passwordHash: fc.oneof(
    fc.stringMatching(/^[0-9a-f]{64}$/),
    fc.stringMatching(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/),
    fc.string({ maxLength: 70 }),
  ),
  state: fc.oneof(fc.string({ maxLength: 256 }), fc.string({ minLength: 250, maxLength: 300 })),
  at: fc.oneof(fc.nat(), fc.double(), fc.constant(-1), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
};
const anything = fc.anything({ maxDepth: 2, withBigInt: true, withNullPrototype: true });
const fieldOrAnything = (a: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 4, arbitrary: a }, anything);

/** Values a well-formed command may hold, per field. */
const goodValues: Record<string, fc.Arbitrary<unknown>> = {
  v: fc.constant(1),
  clientId: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/),
  seq: fc.integer({ min: 1 }),
  user: userName,
  passwordHash: fieldValues.passwordHash,
  state: fc.string({ maxLength: 256 }),
  at: fc.oneof(fc.nat(), fc.double({ min: 0, max: Number.MAX_SAFE_INTEGER, noNaN: true })),
};

/**
 * A command near the shape of a real one: a well-formed command of some
 * kind, then often one change: a field set to a wrong (or any) value,
 * dropped, or one field too many.
 */
const nearCommand = fc
  .constantFrom('login', 'setState', 'getState')
  .chain((kind) =>
    fc.record(
      Object.fromEntries(
        FIELDS[kind].map((k) => [k, k === 'kind' ? fc.constant(kind) : goodValues[k]!]),
      ),
    ),
  )
  .chain((c) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(c) },
      {
        weight: 3,
        arbitrary: fc
          .constantFrom(...(Object.keys(fieldValues) as (keyof typeof fieldValues)[]))
          .chain((k) => fc.tuple(fc.constant(k), fieldOrAnything(fieldValues[k])))
          .map(([k, v]) => ({ ...c, [k]: v })),
      },
      fc.constantFrom(...Object.keys(c)).map((k) => {
        const { [k]: _dropped, ...rest } = c;
        return rest;
      }),
      fc
        .tuple(fc.constantFrom('password', 'token', 'constructor', '__proto__'), anything)
        .map(([k, v]) => Object.defineProperty({ ...c }, k, { value: v, enumerable: true })),
    ),
  );

function expectSentence(text: string): void {
  expect(text.trim()).not.toBe('');
  expect(text.trim()).toMatch(/[.)]$/);
}

describe('the client request parser, whatever a log entry holds', () => {
  it('never throws, and refuses with a known code and a sentence', () => {
    fc.assert(
      fc.property(fc.oneof(anything, nearCommand), (raw) => {
        const parsed = parseCommand(raw);
        if (!parsed.ok) {
          expect(CODES).toContain(parsed.code);
          expectSentence(parsed.error);
        }
      }),
      RUNS,
    );
  });

  it('accepts exactly the well-formed commands, as a second reading of the rules does', () => {
    fc.assert(
      fc.property(nearCommand, (raw) => {
        expect(parseCommand(raw).ok).toBe(wellFormed(raw));
      }),
      RUNS,
    );
  });

  it('gives a copy of a command the same verdict (what JSON carries to the followers)', () => {
    fc.assert(
      fc.property(fc.oneof(nearCommand, fc.jsonValue({ maxDepth: 2 })), (raw) => {
        let copy: unknown;
        try {
          copy = JSON.parse(JSON.stringify(raw)) as unknown;
        } catch {
          return; // a bigint: JSON cannot carry it, so no follower ever sees it
        }
        const here = parseCommand(raw);
        const there = parseCommand(copy);
        // Only a value JSON changes (NaN, -0, undefined) may be read differently.
        if (JSON.stringify(copy) === JSON.stringify(raw) && wellFormed(copy) === wellFormed(raw))
          expect(there.ok).toBe(here.ok);
      }),
      RUNS,
    );
  });

  it('round trips an accepted command: parsing what it returned returns it again', () => {
    fc.assert(
      fc.property(nearCommand, (raw) => {
        const parsed = parseCommand(raw);
        if (!parsed.ok) return;
        expect(parsed.command).toEqual(raw);
        expect(parsed.command).not.toBe(raw);
        expect(parseCommand(parsed.command)).toEqual(parsed);
        expect(parseCommand(JSON.parse(JSON.stringify(parsed.command)))).toEqual(parsed);
      }),
      RUNS,
    );
  });
});

describe('the client helpers agree with the parser', () => {
  // limits.ts: the helpers check before sending, with the same messages the
  // state machine gives on apply.
  const text = fc.oneof(fc.string({ maxLength: 30 }), userName);
  it('a request the helpers prepare is one every server accepts; one they refuse, the servers refuse in the same words', () => {
    fc.assert(
      fc.property(
        text,
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 130 }),
        fc.nat(),
        (user, state, password, at) => {
          const client = createClient('c1');
          const cases = [
            [
              prepareSetState(client, user, state),
              { v: 1, kind: 'setState', clientId: 'c1', seq: 1, user, state },
            ],
            [prepareGetState(user), { v: 1, kind: 'getState', user }],
          ] as const;
          for (const [prepared, command] of cases) {
            const applied = parseCommand(stampCommand(command, at));
            if (prepared.ok) {
              expect(prepared.command).toEqual(command);
              expect(applied.ok).toBe(true);
            } else {
              expect(applied).toEqual(prepared);
            }
          }
          const login = prepareLogin(client, user, password);
          if (login.ok) expect(parseCommand(stampCommand(login.command, at)).ok).toBe(true);
          else expectSentence(login.error);
        },
      ),
      { ...RUNS, numRuns: 150 },
    );
  });
});
