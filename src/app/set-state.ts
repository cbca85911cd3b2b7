/**
 * The setState command: replace a user's state through a session of that
 * user, and bump the user's version. The session decides whose state
 * changes; `user` in the command only states the intent, and a mismatch is
 * an error, so one user's session can never change another user's state.
 */
import type { SetStateCommand, Stamped } from './commands';
import { answerAgain, sessionExpired } from './exactly-once';
import { quote } from './quote';
import { fail, succeed, type ServiceResponse } from './responses';
import { isExpired, saveSession } from './sessions';
import type { ServiceState } from './state';
import { putUser } from './store';

export function applySetState(
  state: ServiceState,
  command: Stamped<SetStateCommand>,
): ServiceResponse {
  const session = state.sessions.get(command.clientId);
  if (session === undefined) {
    return fail('not-logged-in', 'This client is not logged in; log in first.');
  }
  if (isExpired(session, state.clockMs)) return sessionExpired();

  const earlier = answerAgain(state, session, command.seq, 'setState');
  if (earlier !== null) return earlier;

  if (session.user !== command.user) {
    return fail(
      'not-logged-in',
      `This client is logged in as ${quote(session.user)}, so it can change only that user's state; ` +
        `log in as ${quote(command.user)} to change theirs.`,
    );
  }

  const user = state.users.get(session.user);
  // Users are never deleted, and a session is only opened for a user.
  if (user === undefined) {
    throw new Error(`invariant: session of unknown user ${quote(session.user)}`);
  }

  const version = user.version + 1;
  putUser(state, session.user, { ...user, state: command.state, version });
  const response = succeed({ kind: 'setState', user: session.user, version });
  saveSession(state, { ...session, lastSeq: command.seq, lastResponse: response });
  return response;
}
