/**
 * The session table (dissertation §6.3): expiry by log time, use, and room
 * for new sessions. Every decision reads only the state and the log time,
 * so all servers decide alike.
 */
import { SESSION_TIMEOUT_MS, SESSIONS_MAX } from './limits';
import type { SessionRecord, ServiceState } from './state';
import { dropSession, putSession } from './store';

/** Expired when unused for SESSION_TIMEOUT_MS or more of log time. An
 *  expired session stays in the table, so that its client hears "expired"
 *  rather than "not logged in", until its place is needed. */
export function isExpired(session: SessionRecord, clockMs: number): boolean {
  return clockMs - session.lastUsedMs >= SESSION_TIMEOUT_MS;
}

/** Store a session as just used at the current log time: it moves to the
 *  end of the table, keeping the table in least-recently-used order. */
export function saveSession(state: ServiceState, session: Omit<SessionRecord, 'lastUsedMs'>): void {
  putSession(state, { ...session, lastUsedMs: state.clockMs });
}

/** Make room for one more session by dropping expired ones, least recently
 *  used first. False when the table is full of live sessions: live sessions
 *  are never evicted, so a working client is never logged out by another. */
export function makeRoomForSession(state: ServiceState): boolean {
  for (const [clientId, session] of state.sessions) {
    if (state.sessions.size < SESSIONS_MAX) return true;
    // The table is in lastUsedMs order: past the first live session, all are live.
    if (!isExpired(session, state.clockMs)) return false;
    dropSession(state, clientId);
  }
  return state.sessions.size < SESSIONS_MAX;
}
