import type { NodeId } from '../../sim/index.ts';
import { formatVirtualMs, nodeName } from '../labels.ts';

/** A broken property as the checker reports it (src/check/safety.ts Violation, or the cluster's). */
export interface ViolationLike {
  readonly property: string;
  /** Virtual time, ms. */
  readonly at: number;
  readonly detail: string;
  readonly nodes: readonly NodeId[];
  readonly index?: number;
}

/** What each property promises, in the words of Raft Figure 3 (and of the checker for the rest). */
export const PROPERTY_PROMISE: Readonly<Record<string, string>> = {
  'Election Safety': 'At most one leader can be elected in a given term.',
  'Leader Append-Only':
    'A leader never overwrites or deletes entries in its log; it only appends new entries.',
  'Log Matching':
    'If two logs contain an entry with the same index and term, the logs are identical in all entries up through that index.',
  'Leader Completeness':
    'If an entry is committed in a term, it is in the logs of the leaders of all higher terms.',
  'State Machine Safety':
    'If a server has applied an entry at an index, no other server ever applies a different entry for that index.',
  'Term Monotonicity': "A server's currentTerm never goes back.",
  'Commit Monotonicity': "A server's commitIndex never goes back.",
  'Committed Entry Durability': 'A committed entry stays stored on a majority of servers.',
};

export interface Badge {
  readonly property: string;
  readonly violated: boolean;
  /** The first violation of the property: where it broke first. */
  readonly first: ViolationLike | null;
  readonly count: number;
}

/** One badge per property, in the order given. */
export function safetyBadges(
  properties: readonly string[],
  violations: readonly ViolationLike[],
): Badge[] {
  return properties.map((property) => {
    const mine = violations.filter((v) => v.property === property);
    return { property, violated: mine.length > 0, first: mine[0] ?? null, count: mine.length };
  });
}

/** Where a violation points: "S1 and S3, entry 5, at 1,250 ms". */
export function violationPlace(v: ViolationLike): string {
  const names = v.nodes.map(nodeName);
  const who =
    names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return [who, v.index === undefined ? '' : `entry ${v.index}`, `at ${formatVirtualMs(v.at)}`]
    .filter((s) => s !== '')
    .join(', ');
}

/** What the live region says: the newest violation, or nothing. */
export function violationAnnouncement(violations: readonly ViolationLike[]): string {
  const v = violations.at(-1);
  return v ? `Safety violated: ${v.property}. ${v.detail}.` : '';
}
