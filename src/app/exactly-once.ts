/**
 * Exactly-once requests (dissertation §6.3): each client numbers its
 * requests; its session keeps the highest number applied and the answer.
 * A retry of that request gets the saved answer and is not applied again;
 * an older number gets a clear error. Only successful writes are saved: a
 * rejected request changed nothing, so applying its retry is harmless.
 */
import { SESSION_TIMEOUT_MS } from './limits';
import { fail, type Failure, type SavedResponse } from './responses';
import { isExpired, saveSession } from './sessions';
import type { SessionRecord, ServiceState } from './state';

export const SESSION_EXPIRED_MESSAGE = `Your session expired after ${SESSION_TIMEOUT_MS / 1000} s without requests; log in again.`;

export function sessionExpired(): Failure {
  return fail('session-expired', SESSION_EXPIRED_MESSAGE);
}

/**
 * The answer for request `seq` if the session has already seen it: the
 * saved response (and the session counts as used), or a stale-request
 * error. Null when `seq` is new and the request should be applied.
 */
export function answerAgain(
  state: ServiceState,
  session: SessionRecord,
  seq: number,
  kind: SavedResponse['value']['kind'],
): SavedResponse | Failure | null {
  if (seq > session.lastSeq) return null;
  if (seq < session.lastSeq) {
    return fail(
      'stale-request',
      `Request number ${seq} is older than this client's last applied request (${session.lastSeq}), ` +
        'so it was not applied; number each new request above the last.',
    );
  }
  // The saved answer belongs to a session that is gone.
  if (isExpired(session, state.clockMs)) return sessionExpired();
  if (session.lastResponse.value.kind !== kind) {
    return fail(
      'stale-request',
      `Request number ${seq} was already used by a ${session.lastResponse.value.kind} request of this client; ` +
        'give each new request its own number.',
    );
  }
  saveSession(state, session);
  return session.lastResponse;
}
