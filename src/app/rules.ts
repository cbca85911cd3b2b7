/**
 * The rules for names and texts, shared by the state machine (which must
 * enforce them on whatever the log holds) and the client helpers (which
 * check before sending). Each returns a student-readable message (or, as a
 * Problem, its code and values for a translation), or null when the value is fine.
 */
import {
  CLIENT_ID_CHARS_MAX,
  PASSWORD_CHARS_MAX,
  STATE_CHARS_MAX,
  USER_NAME_CHARS_MAX,
  USER_NAME_CHARS_MIN,
} from './limits';
import type { Problem } from './problem';
import { quote } from './quote';

/**
 * User names are case-sensitive, and only lowercase is allowed: so "Alice"
 * is rejected instead of becoming a second user beside "alice". No ':' is
 * allowed either, which keeps the password salt unambiguous (password.ts).
 */
const USER_NAME_CHAR = /^[a-z0-9_-]$/;
const CLIENT_ID_CHAR = /^[A-Za-z0-9_.:-]$/;

export function userNameProblem(user: string): Problem | null {
  if (user.length < USER_NAME_CHARS_MIN) {
    return {
      code: 'user-name-empty',
      params: { min: USER_NAME_CHARS_MIN, max: USER_NAME_CHARS_MAX },
      text: `Choose a user name: ${USER_NAME_CHARS_MIN} to ${USER_NAME_CHARS_MAX} characters from a-z, 0-9, "_" and "-".`,
    };
  }
  if (user.length > USER_NAME_CHARS_MAX) {
    return {
      code: 'user-name-long',
      params: { user: quote(user), length: user.length, max: USER_NAME_CHARS_MAX },
      text: `The user name ${quote(user)} is ${user.length} characters long; the limit is ${USER_NAME_CHARS_MAX}.`,
    };
  }
  const bad = firstCharNotMatching(user, USER_NAME_CHAR);
  if (bad !== null) {
    return {
      code: 'user-name-char',
      params: { user: quote(user), char: quote(bad) },
      text:
        `The user name ${quote(user)} has ${quote(bad)}; use only lowercase letters a-z, digits 0-9, "_" and "-" ` +
        `(lowercase only, so "Alice" and "alice" can never be two users).`,
    };
  }
  return null;
}

export function stateTextProblem(state: string): Problem | null {
  if (state.length > STATE_CHARS_MAX) {
    return {
      code: 'state-long',
      params: { length: state.length, max: STATE_CHARS_MAX },
      text: `The state is ${state.length} characters long; the limit is ${STATE_CHARS_MAX}.`,
    };
  }
  return null;
}

export function clientIdProblem(clientId: string): Problem | null {
  if (clientId.length === 0 || clientId.length > CLIENT_ID_CHARS_MAX) {
    return {
      code: 'client-id-length',
      params: { length: clientId.length, max: CLIENT_ID_CHARS_MAX },
      text: `A client id is 1 to ${CLIENT_ID_CHARS_MAX} characters; got ${clientId.length}.`,
    };
  }
  const bad = firstCharNotMatching(clientId, CLIENT_ID_CHAR);
  if (bad !== null) {
    return {
      code: 'client-id-char',
      params: { clientId: quote(clientId), char: quote(bad) },
      text: `The client id ${quote(clientId)} has ${quote(bad)}; use only A-Z, a-z, 0-9, "_", ".", ":" and "-".`,
    };
  }
  return null;
}

export function passwordProblem(password: string): Problem | null {
  if (password.length === 0)
    return { code: 'password-empty', params: {}, text: 'Type a password.' };
  if (password.length > PASSWORD_CHARS_MAX) {
    return {
      code: 'password-long',
      params: { length: password.length, max: PASSWORD_CHARS_MAX },
      text: `The password is ${password.length} characters long; the limit is ${PASSWORD_CHARS_MAX}.`,
    };
  }
  return null;
}

// The same checks as sentences, for the state machine's answers.
export const userNameError = (user: string): string | null => userNameProblem(user)?.text ?? null;
export const stateTextError = (state: string): string | null =>
  stateTextProblem(state)?.text ?? null;
export const clientIdError = (clientId: string): string | null =>
  clientIdProblem(clientId)?.text ?? null;
export const passwordError = (password: string): string | null =>
  passwordProblem(password)?.text ?? null;

/** The first character (a whole code point) not matching `allowed`, or null. */
function firstCharNotMatching(text: string, allowed: RegExp): string | null {
  for (const char of text) if (!allowed.test(char)) return char;
  return null;
}
