/**
 * Helpers for this folder's tests: build stamped commands in one line and
 * apply them at increasing log indexes, as a Raft server would.
 */
import { applyCommand } from './apply';
import { COMMAND_VERSION, type ServiceCommand } from './commands';
import { passwordHash } from './password';
import type { ServiceResponse } from './responses';
import { createServiceState, type ServiceState } from './state';

export interface Server {
  readonly state: ServiceState;
  /** Apply at the next log index; returns the answer. */
  apply(command: unknown): ServiceResponse;
  /** The log index the next apply will use. */
  nextIndex(): number;
}

export function newServer(state: ServiceState = createServiceState(), firstIndex = 1): Server {
  let index = firstIndex;
  return {
    state,
    apply: (command) => applyCommand(state, command, index++),
    nextIndex: () => index,
  };
}

export const passwordOf = (user: string): string => `pw-of-${user}`;

export function login(
  clientId: string,
  seq: number,
  user: string,
  at: number,
  password = passwordOf(user),
): ServiceCommand {
  return {
    v: COMMAND_VERSION,
    kind: 'login',
    clientId,
    seq,
    user,
    passwordHash: passwordHash(user, password),
    at,
  };
}

export function setState(
  clientId: string,
  seq: number,
  user: string,
  state: string,
  at: number,
): ServiceCommand {
  return { v: COMMAND_VERSION, kind: 'setState', clientId, seq, user, state, at };
}

export function getState(user: string, at: number): ServiceCommand {
  return { v: COMMAND_VERSION, kind: 'getState', user, at };
}
