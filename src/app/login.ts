/**
 * The login command: the first login of a name registers it with the given
 * password hash; later logins must give the same hash. A login opens a
 * session for the client, whose id is the log index of the login entry
 * (like RegisterClient in dissertation §6.3), replacing any earlier session
 * of that client.
 */
import type { LoginCommand, Stamped } from './commands';
import { answerAgain } from './exactly-once';
import { SESSIONS_MAX, SESSION_TIMEOUT_MS, USERS_MAX } from './limits';
import { sameHash } from './password';
import { quote } from './quote';
import { fail, succeed, type ServiceResponse } from './responses';
import { makeRoomForSession, saveSession } from './sessions';
import type { ServiceState } from './state';
import { putUser } from './store';

export function applyLogin(
  state: ServiceState,
  command: Stamped<LoginCommand>,
  index: number,
): ServiceResponse {
  const earlierSession = state.sessions.get(command.clientId);
  if (earlierSession !== undefined) {
    const earlier = answerAgain(state, earlierSession, command.seq, 'login');
    if (earlier !== null) return earlier;
  }

  // Check everything before changing anything: a rejected login leaves no trace.
  const user = state.users.get(command.user);
  if (user === undefined && state.users.size >= USERS_MAX) {
    return fail(
      'limit',
      `The cluster already has ${USERS_MAX} users, the most it keeps; log in as an existing user.`,
    );
  }
  if (user !== undefined && !sameHash(user.passwordHash, command.passwordHash)) {
    return fail(
      'bad-password',
      `Wrong password for ${quote(command.user)}. (The first login of a name registers it, and this name is taken.)`,
    );
  }
  if (earlierSession === undefined && !makeRoomForSession(state)) {
    return fail(
      'limit',
      `The cluster already has ${SESSIONS_MAX} live sessions, the most it keeps; ` +
        `try again when one has gone ${SESSION_TIMEOUT_MS / 1000} s without requests.`,
    );
  }

  if (user === undefined) {
    putUser(state, command.user, { passwordHash: command.passwordHash, state: '', version: 0 });
  }
  const response = succeed({
    kind: 'login',
    user: command.user,
    sessionId: index,
    registered: user === undefined,
  });
  saveSession(state, {
    clientId: command.clientId,
    user: command.user,
    sessionId: index,
    lastSeq: command.seq,
    lastResponse: response,
  });
  return response;
}
