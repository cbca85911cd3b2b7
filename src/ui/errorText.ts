import { SESSION_TIMEOUT_MS } from '../app/limits.ts';
import { CLIENT_OP_DEADLINE_MS } from '../sim/clients.ts';
import type { Messages, Text } from './i18n/index.ts';

/**
 * Lower layers refuse in English sentences, each with a stable code and its
 * values (src/app/problem.ts). The page says them in its own language here,
 * at its edge; a refusal without a code keeps its own words.
 */
export function errorText(error: unknown): Text {
  if (error instanceof Error) {
    const { code, params } = error as { code?: unknown; params?: unknown };
    if (typeof code === 'string' && typeof params === 'object' && params !== null) {
      const values = params as Record<string, string | number>;
      return (m) => m.errors.coded(code, values, error.message);
    }
    const membership = membershipRefusal(error.message);
    if (membership) return (m) => m.errors.coded(membership.code, membership.params, error.message);
    return () => error.message;
  }
  return () => String(error);
}

/**
 * The Raft core's and the cluster's refusals of a membership change
 * (dissertation §4.1), English sentences without a code: named here.
 */
const MEMBERSHIP_REFUSALS: readonly (readonly [RegExp, string])[] = [
  [/^(S\d+) is already in the cluster\.$/, 'member-already'],
  [/^(S\d+) is not a learner waiting to join\.$/, 'not-learner'],
  [/^(S\d+) is not in the cluster\.$/, 'not-member'],
  [/^(S\d+) is the last voter; a cluster needs one\.$/, 'last-voter'],
  [/^The previous membership change is not committed yet/, 'change-pending'],
  [/^(S\d+) has not yet committed an entry of its term/, 'change-new-leader'],
  [/^There is no leader to ask for a membership change/, 'no-leader-change'],
];

function membershipRefusal(
  message: string,
): { code: string; params: Record<string, string> } | null {
  for (const [pattern, code] of MEMBERSHIP_REFUSALS) {
    const match = pattern.exec(message);
    if (match) return { code, params: { node: match[1] ?? '' } };
  }
  return null;
}

/**
 * An operation's failure: the service's ErrorCode, or a client's give-up
 * (read-timeout, write-timeout); `user` is the user the operation named.
 */
export function opErrorText(
  m: Messages,
  code: string | undefined,
  text: string,
  user: string,
): string {
  if (code === undefined) return text;
  const seconds = (code === 'session-expired' ? SESSION_TIMEOUT_MS : CLIENT_OP_DEADLINE_MS) / 1000;
  return m.errors.coded(code, { user, seconds }, text);
}

/** Why a write's outcome is unknown (src/sim/host.ts says it in English, without a code). */
export function unknownReasonText(m: Messages, reason: string): string {
  const replaced = /^another leader's entry replaced it at index (\d+)$/.exec(reason);
  if (replaced) return m.errors.coded('replaced', { index: Number(replaced[1]) }, reason);
  const lost = /^(S\d+) stopped being the leader before the write committed$/.exec(reason);
  if (lost) return m.errors.coded('lost-leadership', { node: lost[1] ?? '' }, reason);
  return reason;
}
