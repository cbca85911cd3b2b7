/**
 * Every bound of the per-user state service, named with its unit.
 *
 * The state machine enforces them on apply (the log is untrusted input) and
 * the client helpers check them before sending, with the same messages, so
 * a student sees the error at once instead of after a round trip.
 */

/** Shortest user name, in characters. */
export const USER_NAME_CHARS_MIN = 1;
/** Longest user name, in characters. */
export const USER_NAME_CHARS_MAX = 24;

/** Longest per-user state, in UTF-16 code units: what JavaScript's
 *  `string.length` and an HTML `maxlength` count (an emoji counts as 2). */
export const STATE_CHARS_MAX = 256;

/** Longest client id, in characters. */
export const CLIENT_ID_CHARS_MAX = 40;

/** Longest password the client helpers accept, in characters. The password
 *  itself never reaches the cluster; only its hash does. */
export const PASSWORD_CHARS_MAX = 128;

/** Most users the cluster keeps, in users. Users are never deleted. */
export const USERS_MAX = 1000;

/** Most client sessions the cluster keeps (live or expired), in sessions. */
export const SESSIONS_MAX = 1000;

/** A session not used for this long, in log-time milliseconds, expires
 *  (dissertation §6.3). */
export const SESSION_TIMEOUT_MS = 60_000;
