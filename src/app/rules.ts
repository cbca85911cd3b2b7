/**
 * The rules for names and texts, shared by the state machine (which must
 * enforce them on whatever the log holds) and the client helpers (which
 * check before sending). Each returns a student-readable message, or null
 * when the value is fine.
 */
import {
  CLIENT_ID_CHARS_MAX,
  PASSWORD_CHARS_MAX,
  STATE_CHARS_MAX,
  USER_NAME_CHARS_MAX,
  USER_NAME_CHARS_MIN,
} from './limits';
import { quote } from './quote';

/**
 * User names are case-sensitive, and only lowercase is allowed: so "Alice"
 * is rejected instead of becoming a second user beside "alice". No ':' is
 * allowed either, which keeps the password salt unambiguous (password.ts).
 */
const USER_NAME_CHAR = /^[a-z0-9_-]$/;
const CLIENT_ID_CHAR = /^[A-Za-z0-9_.:-]$/;

export function userNameError(user: string): string | null {
  if (user.length < USER_NAME_CHARS_MIN) {
    return `Choose a user name: ${USER_NAME_CHARS_MIN} to ${USER_NAME_CHARS_MAX} characters from a-z, 0-9, "_" and "-".`;
  }
  if (user.length > USER_NAME_CHARS_MAX) {
    return `The user name ${quote(user)} is ${user.length} characters long; the limit is ${USER_NAME_CHARS_MAX}.`;
  }
  const bad = firstCharNotMatching(user, USER_NAME_CHAR);
  if (bad !== null) {
    return (
      `The user name ${quote(user)} has ${quote(bad)}; use only lowercase letters a-z, digits 0-9, "_" and "-" ` +
      `(lowercase only, so "Alice" and "alice" can never be two users).`
    );
  }
  return null;
}

export function stateTextError(state: string): string | null {
  if (state.length > STATE_CHARS_MAX) {
    return `The state is ${state.length} characters long; the limit is ${STATE_CHARS_MAX}.`;
  }
  return null;
}

export function clientIdError(clientId: string): string | null {
  if (clientId.length === 0 || clientId.length > CLIENT_ID_CHARS_MAX) {
    return `A client id is 1 to ${CLIENT_ID_CHARS_MAX} characters; got ${clientId.length}.`;
  }
  const bad = firstCharNotMatching(clientId, CLIENT_ID_CHAR);
  if (bad !== null) {
    return `The client id ${quote(clientId)} has ${quote(bad)}; use only A-Z, a-z, 0-9, "_", ".", ":" and "-".`;
  }
  return null;
}

export function passwordError(password: string): string | null {
  if (password.length === 0) return 'Type a password.';
  if (password.length > PASSWORD_CHARS_MAX) {
    return `The password is ${password.length} characters long; the limit is ${PASSWORD_CHARS_MAX}.`;
  }
  return null;
}

/** The first character (a whole code point) not matching `allowed`, or null. */
function firstCharNotMatching(text: string, allowed: RegExp): string | null {
  for (const char of text) if (!allowed.test(char)) return char;
  return null;
}
