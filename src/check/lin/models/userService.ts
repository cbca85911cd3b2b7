import { mix32 } from '../bitset';
import { ILLEGAL, type Model } from '../model';
import type { Operation } from '../operation';
import { stringDigest } from './digest';
import { partitionByKey } from './partitionByKey';
import { findNode, listNodes, type SortedNode } from './sortedList';

/**
 * The per-user state service that the cluster replicates, as its clients
 * see it. The shape is this checker's own, so that any client (the
 * simulator, the page) can record a history without importing the service.
 */
export type UserServiceInput =
  | { readonly kind: 'login'; readonly user: string }
  | { readonly kind: 'setState'; readonly user: string; readonly state: string }
  | { readonly kind: 'getState'; readonly user: string };

export type UserServiceOutput =
  | { readonly kind: 'login'; readonly ok: boolean }
  /** The write was applied, and the user's state now has this version. */
  | { readonly kind: 'setState'; readonly ok: true; readonly version: number }
  /** The write was refused and did not happen. A lost reply is an unknown outcome, not an error. */
  | { readonly kind: 'setState'; readonly ok: false; readonly error: string }
  | {
      readonly kind: 'getState';
      readonly found: true;
      readonly state: string;
      readonly version: number;
    }
  /** The user has never logged in. */
  | { readonly kind: 'getState'; readonly found: false };

export type UserServiceOp = Operation<UserServiceInput, UserServiceOutput>;

/** A registered user's replicated value. Version 0: logged in, never set (state ""). */
export interface UserRecord extends SortedNode<UserRecord> {
  /** The user's name (called `key`, as in every sorted list; see sortedList.ts). */
  readonly key: string;
  readonly state: string;
  readonly version: number;
  /** Digest of `state`, for the search cache's hash. */
  readonly digest: number;
}

/** Registered users, sorted by name; `null` when there are none. */
export type UserServiceState = UserRecord | null;

/**
 * The sequential specification of the per-user state service, for a
 * history that starts from an empty service and records every operation,
 * logins included:
 * - A user exists from their first successful `login`, with state "" at
 *   version 0. A failed login (wrong password, a limit) changes nothing.
 * - `setState` replaces the user's state and bumps its version by exactly
 *   one; the reply carries the new version. Only an existing user can
 *   have a successful setState. A refused one changes nothing.
 * - `getState` returns the current state and version, or "not found" for
 *   a user who does not exist yet.
 * Users are independent, so histories partition by user.
 */
export const userServiceModel: Model<UserServiceState, UserServiceInput, UserServiceOutput> = {
  init: () => null,
  step(state, input, output) {
    const current = findNode(state, input.user);
    switch (input.kind) {
      case 'login':
        if (output !== undefined && (output.kind !== 'login' || !output.ok)) {
          return output.kind === 'login' ? { ok: true, state } : ILLEGAL;
        }
        if (current !== undefined) return { ok: true, state };
        return { ok: true, state: withRecord(state, input.user, '', 0) };
      case 'setState': {
        if (output !== undefined && (output.kind !== 'setState' || !output.ok)) {
          return output.kind === 'setState' ? { ok: true, state } : ILLEGAL;
        }
        // With an unknown outcome, a setState for a user who does not exist was refused.
        if (current === undefined) return output === undefined ? { ok: true, state } : ILLEGAL;
        const version = current.version + 1;
        if (output !== undefined && output.version !== version) return ILLEGAL;
        return {
          ok: true,
          state: withRecord(state, input.user, input.state, version),
        };
      }
      case 'getState': {
        if (output === undefined) return { ok: true, state };
        if (output.kind !== 'getState') return ILLEGAL;
        const matches = output.found
          ? current !== undefined &&
            output.version === current.version &&
            output.state === current.state
          : current === undefined;
        return matches ? { ok: true, state } : ILLEGAL;
      }
    }
  },
  isReadOnly: (input, output) =>
    input.kind === 'getState' ||
    (input.kind === 'login' && output.kind === 'login' && !output.ok) ||
    (input.kind === 'setState' && output.kind === 'setState' && !output.ok),
  equal(a, b) {
    let x = a;
    let y = b;
    for (; x !== y && x !== null && y !== null; x = x.next, y = y.next) {
      if (x.version !== y.version || x.key !== y.key || x.state !== y.state) return false;
    }
    return x === y;
  },
  hash(state) {
    let h = 0;
    for (let user = state; user !== null; user = user.next) {
      h = mix32(h ^ user.digest ^ Math.imul(user.version + 1, 0x9e3779b1));
    }
    return h;
  },
  partition: (history) => partitionByKey(history, (input) => input.user),
  describeOperation(input, output) {
    switch (input.kind) {
      case 'login':
        return `login(${input.user}) -> ${output?.kind === 'login' ? (output.ok ? 'ok' : 'fail') : 'unknown'}`;
      case 'setState': {
        const reply =
          output?.kind !== 'setState'
            ? 'unknown'
            : output.ok
              ? `version ${output.version}`
              : `error: ${output.error}`;
        return `setState(${input.user}, '${input.state}') -> ${reply}`;
      }
      case 'getState': {
        const reply =
          output?.kind !== 'getState'
            ? 'unknown'
            : output.found
              ? `'${output.state}' version ${output.version}`
              : 'not found';
        return `getState(${input.user}) -> ${reply}`;
      }
    }
  },
  describeState: (state) =>
    `{${listNodes(state)
      .map((user) => `${user.key}: '${user.state}' v${user.version}`)
      .join(', ')}}`,
};

/** `state` with `user`'s record replaced or added: copies the records before it, shares the rest. */
function withRecord(
  state: UserServiceState,
  user: string,
  text: string,
  version: number,
): UserServiceState {
  if (state === null || state.key > user) {
    return { key: user, state: text, version, digest: stringDigest(text), next: state };
  }
  if (state.key === user) {
    return { key: user, state: text, version, digest: stringDigest(text), next: state.next };
  }
  return { ...state, next: withRecord(state.next, user, text, version) };
}
