import type { NodeId } from '../../sim/index.ts';
import { messages, type Messages } from '../i18n/index.ts';
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

/** A property's name in the page's language (Raft Figure 3's names in English). */
export function propertyName(m: Messages, property: string): string {
  return (m.safety.names as Readonly<Record<string, string>>)[property] ?? property;
}

/** What each property promises, in the words of Raft Figure 3 (and of the checker for the rest). */
export function propertyPromise(m: Messages, property: string): string | undefined {
  return (m.safety.promises as Readonly<Record<string, string>>)[property];
}

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
  const m = messages().safety;
  const who = m.and(v.nodes.map(nodeName));
  return m.place(
    [who, v.index === undefined ? '' : m.entry(v.index), m.at(formatVirtualMs(v.at))].filter(
      (s) => s !== '',
    ),
  );
}

/** What the live region says: the newest violation, or nothing. */
export function violationAnnouncement(violations: readonly ViolationLike[]): string {
  const v = violations.at(-1);
  const m = messages();
  return v ? m.safety.announce(propertyName(m, v.property), v.detail) : '';
}
