/**
 * The one door into the state machine: apply a committed log entry's
 * command. Every server applies the same commands in the same order and so
 * reaches the same state and the same answers (Raft §5.3); for that this
 * function reads nothing but its arguments (no clock, no randomness) and
 * never throws on any command, however malformed.
 */
import { parseCommand } from './parse';
import { applyLogin } from './login';
import { readState } from './read';
import type { ServiceResponse } from './responses';
import { applySetState } from './set-state';
import type { ServiceState } from './state';

/**
 * Apply `command`, the command of the log entry at `index`, to `state` in
 * place, and return the answer for the client. A command that is not a
 * well-formed service command (Raft's no-op included) changes nothing and
 * gets a 'bad-command' answer. Throws only if `index` is not a log index
 * (1, 2, ...), which is a bug in the caller, not in the log.
 */
export function applyCommand(
  state: ServiceState,
  command: unknown,
  index: number,
): ServiceResponse {
  if (!Number.isSafeInteger(index) || index < 1) {
    throw new RangeError(`applyCommand: index must be a log index (1, 2, ...), got ${index}`);
  }
  const parsed = parseCommand(command);
  if (!parsed.ok) return parsed;
  const valid = parsed.command;

  // Log time comes from the entry, as the leader stamped it (dissertation
  // §6.3), and never goes back, so a new leader with a slower clock cannot
  // revive expired sessions.
  state.clockMs = Math.max(state.clockMs, valid.at);

  switch (valid.kind) {
    case 'login':
      return applyLogin(state, valid, index);
    case 'setState':
      return applySetState(state, valid);
    case 'getState':
      return readState(state, valid.user);
  }
}
