import { describe, expect, it } from 'vitest';
import { checkOperations } from './check';
import type { Model } from './model';
import {
  casRegisterModel,
  type CasRegisterInput,
  type CasRegisterOutput,
  type CasRegisterState,
} from './models/casRegister';
import {
  userServiceModel,
  type UserServiceInput,
  type UserServiceOutput,
} from './models/userService';
import { isOutcomeUnknown, returnTime, type Operation } from './operation';

/**
 * The definition, searched without any of the checker's tricks (no cache,
 * no just-in-time list, no read-only pruning, no ordering of unknown
 * operations): is there a sequence of all operations with a known outcome
 * and any of the others, each legal in turn, in which no operation comes
 * before one that returned before it was called?
 */
function bruteForce<S, I, O>(model: Model<S, I, O>, ops: readonly Operation<I, O>[]): boolean {
  const placed = new Array<boolean>(ops.length).fill(false);
  const mustPlace = ops.filter((op) => !isOutcomeUnknown(op)).length;
  const search = (state: S, count: number): boolean => {
    if (count === mustPlace) return true;
    for (const [i, op] of ops.entries()) {
      if (placed[i]) continue;
      // Every operation that returned before this one was called is placed,
      // or had an unknown outcome and is left out for good.
      const blocked = ops.some((other, j) => !placed[j] && returnTime(other) < op.call);
      if (blocked) continue;
      const result = model.step(state, op.input, isOutcomeUnknown(op) ? undefined : op.output);
      if (!result.ok) continue;
      placed[i] = true;
      const found = search(result.state, count + (isOutcomeUnknown(op) ? 0 : 1));
      placed[i] = false;
      if (found) return true;
    }
    return false;
  };
  return search(model.init(), 0);
}

/** mulberry32: a tiny seeded PRNG, so the random histories are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sequential implementation: what the object answers, and its next state. */
type Execute<S, I, O> = (state: S, input: I) => { state: S; output: O };

/**
 * A random history: three clients, each operation at a random point inside
 * its interval of real time, and outputs from running the sequential object
 * in the order of those points. So the history is linearizable, unless a
 * random output then replaces a true one (in most of them), and some
 * outcomes are lost (unknown), some of those after taking effect.
 */
function randomHistory<S, I, O>(
  random: () => number,
  size: number,
  init: S,
  randomInput: () => I,
  execute: Execute<S, I, O>,
  randomOutput: (input: I) => O,
): Operation<I, O>[] {
  const clientFree = [0, 0, 0];
  const drafts = Array.from({ length: size }, () => {
    const clientId = Math.floor(random() * clientFree.length);
    const call = clientFree[clientId]! + Math.floor(random() * 3);
    const ret = call + 1 + Math.floor(random() * 6);
    clientFree[clientId] = ret + 1;
    const lost = random() < 0.15;
    // A lost operation may take effect after its client gave up on it, or never.
    const point = lost && random() < 0.3 ? Infinity : call + random() * (lost ? 20 : ret - call);
    return {
      clientId,
      call,
      ret,
      lost,
      point,
      input: randomInput(),
      output: undefined as O | undefined,
    };
  });
  let state = init;
  for (const draft of [...drafts].sort((a, b) => a.point - b.point)) {
    if (draft.point === Infinity) break;
    const next = execute(state, draft.input);
    state = next.state;
    draft.output = next.output;
  }
  if (random() < 0.7) {
    const victim = drafts[Math.floor(random() * drafts.length)]!;
    victim.output = randomOutput(victim.input);
  }
  return drafts.map(({ clientId, call, ret, lost, input, output }) =>
    lost || output === undefined
      ? { clientId, input, call, output: undefined, return: undefined }
      : { clientId, input, call, output, return: ret },
  );
}

function pickFrom(random: () => number) {
  return <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
}

/** Checks `count` random histories against the definition, with and without the model's read-only hint. */
function agreeOnRandomHistories<S, I, O>(
  model: Model<S, I, O>,
  count: number,
  makeHistory: () => Operation<I, O>[],
): void {
  const verdicts = { linearizable: 0, 'not-linearizable': 0 };
  const { isReadOnly: _unused, ...withoutHint } = model;
  for (let h = 0; h < count; h++) {
    const history = makeHistory();
    const expected = bruteForce(model, history) ? 'linearizable' : 'not-linearizable';

    const verdict = checkOperations(model, history).result;
    const whole = checkOperations(model, history, { partition: false }).result;
    const unhinted = checkOperations(withoutHint, history).result;

    expect({ history, verdict, whole, unhinted }).toEqual({
      history,
      verdict: expected,
      whole: expected,
      unhinted: expected,
    });
    verdicts[expected]++;
  }
  // Both verdicts are well represented, so the comparison means something.
  expect(verdicts.linearizable).toBeGreaterThan(count / 5);
  expect(verdicts['not-linearizable']).toBeGreaterThan(count / 5);
}

describe('the search agrees with the definition', () => {
  const HISTORIES = 300;
  const OPS_PER_HISTORY = 7;

  it(`on ${HISTORIES} random cas-register histories (seeded)`, () => {
    const random = prng(20240611);
    const pick = pickFrom(random);
    const value = () => pick([0, 1, 2]);
    const execute: Execute<CasRegisterState, CasRegisterInput, CasRegisterOutput> = (
      state,
      input,
    ) => {
      switch (input.kind) {
        case 'read':
          return { state, output: { kind: 'read', value: state } };
        case 'write':
          return { state: input.value, output: { kind: 'write' } };
        case 'cas':
          return state === input.from
            ? { state: input.to, output: { kind: 'cas', ok: true } }
            : { state, output: { kind: 'cas', ok: false } };
      }
    };
    agreeOnRandomHistories(casRegisterModel, HISTORIES, () =>
      randomHistory<CasRegisterState, CasRegisterInput, CasRegisterOutput>(
        random,
        OPS_PER_HISTORY,
        null,
        () => {
          const kind = pick(['read', 'write', 'cas'] as const);
          if (kind === 'read') return { kind };
          if (kind === 'write') return { kind, value: value() };
          return { kind, from: value(), to: value() };
        },
        execute,
        (input) =>
          input.kind === 'read'
            ? { kind: 'read', value: pick([null, 0, 1, 2]) }
            : input.kind === 'write'
              ? { kind: 'write' }
              : { kind: 'cas', ok: random() < 0.5 },
      ),
    );
  });

  it(`on ${HISTORIES} random user-service histories of two users (seeded)`, () => {
    const random = prng(7);
    const pick = pickFrom(random);
    type Users = ReadonlyMap<string, { state: string; version: number }>;
    const execute: Execute<Users, UserServiceInput, UserServiceOutput> = (users, input) => {
      const user = users.get(input.user);
      switch (input.kind) {
        case 'login': {
          if (user !== undefined) return { state: users, output: { kind: 'login', ok: true } };
          const next = new Map(users).set(input.user, { state: '', version: 0 });
          return { state: next, output: { kind: 'login', ok: true } };
        }
        case 'setState': {
          if (user === undefined) {
            return { state: users, output: { kind: 'setState', ok: false, error: 'log in' } };
          }
          const version = user.version + 1;
          const next = new Map(users).set(input.user, { state: input.state, version });
          return { state: next, output: { kind: 'setState', ok: true, version } };
        }
        case 'getState':
          return {
            state: users,
            output:
              user === undefined
                ? { kind: 'getState', found: false }
                : { kind: 'getState', found: true, ...user },
          };
      }
    };
    agreeOnRandomHistories(userServiceModel, HISTORIES, () =>
      randomHistory<Users, UserServiceInput, UserServiceOutput>(
        random,
        OPS_PER_HISTORY,
        new Map(),
        () => {
          const user = pick(['ann', 'bob']);
          const kind = pick(['login', 'setState', 'setState', 'getState', 'getState'] as const);
          return kind === 'setState' ? { kind, user, state: pick(['x', 'y']) } : { kind, user };
        },
        execute,
        (input) =>
          input.kind === 'login'
            ? { kind: 'login', ok: random() < 0.5 }
            : input.kind === 'setState'
              ? { kind: 'setState', ok: true, version: pick([1, 2, 3]) }
              : {
                  kind: 'getState',
                  found: true,
                  state: pick(['', 'x', 'y']),
                  version: pick([0, 1, 2]),
                },
      ),
    );
  });
});
