/**
 * Reads of the applied state: what a server answers for a read served from
 * its state machine (dissertation §6.4) and what the page shows. None of
 * them changes the state.
 */
import { quote } from './quote';
import { fail, succeed, type Failure, type GetStateValue, type Success } from './responses';
import { userNameError } from './rules';
import { isExpired } from './sessions';
import type { ServiceState } from './state';

/** One user as the page shows it; never the password hash. */
export interface UserView {
  readonly user: string;
  readonly state: string;
  readonly version: number;
}

export interface SessionView {
  readonly clientId: string;
  readonly user: string;
  readonly sessionId: number;
  readonly lastSeq: number;
  readonly lastUsedMs: number;
  /** As of the log time of the last applied entry. */
  readonly expired: boolean;
}

/** A user's state and version, the same answer a getState command gives. */
export function readState(state: ServiceState, user: string): Success<GetStateValue> | Failure {
  const badName = userNameError(user);
  if (badName !== null) return fail('limit', badName);
  const record = state.users.get(user);
  if (record === undefined) {
    return fail(
      'no-such-user',
      `There is no user ${quote(user)} yet; a user exists from their first login.`,
    );
  }
  return succeed({ kind: 'getState', user, state: record.state, version: record.version });
}

/** Every user, sorted by name (by code unit, not locale, so every browser agrees). */
export function listUsers(state: ServiceState): UserView[] {
  const views: UserView[] = [];
  for (const [user, record] of state.users)
    views.push({ user, state: record.state, version: record.version });
  return views.sort((a, b) => compareText(a.user, b.user));
}

/** Every session kept, live or expired, sorted by client id. */
export function listSessions(state: ServiceState): SessionView[] {
  const views: SessionView[] = [];
  for (const session of state.sessions.values()) {
    views.push({
      clientId: session.clientId,
      user: session.user,
      sessionId: session.sessionId,
      lastSeq: session.lastSeq,
      lastUsedMs: session.lastUsedMs,
      expired: isExpired(session, state.clockMs),
    });
  }
  return views.sort((a, b) => compareText(a.clientId, b.clientId));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
