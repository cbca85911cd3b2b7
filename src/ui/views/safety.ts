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
  return v ? m.safety.announce(propertyName(m, v.property), violationDetail(m, v.detail)) : '';
}

/**
 * The checker's details (src/check/safety.ts) by their shape: a code and the
 * values it names, so another language can say them. A detail of another
 * shape keeps its own words.
 */
const DETAILS: readonly (readonly [RegExp, string, readonly string[]])[] = [
  [
    /^S(\d+), leader in term (\d+), deleted or overwrote its entries from index (\d+)$/,
    'violation:append-only',
    ['id', 'term', 'index'],
  ],
  [
    /^S(\d+) holds an entry at index (\d+) in term (\d+) whose preceding entries differ from another log's$/,
    'violation:log-matching',
    ['id', 'index', 'term'],
  ],
  [
    /^S(\d+)'s currentTerm went back from (\d+) to (\d+)$/,
    'violation:term-back',
    ['id', 'from', 'to'],
  ],
  [
    /^S(\d+)'s commitIndex went back from (\d+) to (\d+)$/,
    'violation:commit-back',
    ['id', 'from', 'to'],
  ],
  [
    /^S(\d+) installed a snapshot up to (\d+), past what is committed$/,
    'violation:snapshot',
    ['id', 'index'],
  ],
  [
    /^S(\d+) applied a different entry at index (\d+) \(term (\d+)\) than another server did \(term (\d+)\)$/,
    'violation:applied',
    ['id', 'index', 'term', 'other'],
  ],
  [
    /^committed entry (\d+) is stored on only (\d+) of (\d+) servers$/,
    'violation:durability',
    ['index', 'holders', 'voters'],
  ],
  [
    /^S(\d+) and S(\d+) were both elected leader in term (\d+)$/,
    'violation:two-leaders',
    ['id', 'other', 'term'],
  ],
  [
    /^S(\d+) became leader in term (\d+) without committed entry (\d+)$/,
    'violation:incomplete',
    ['id', 'term', 'index'],
  ],
  [
    /^S(\d+) committed index (\d+) with a different entry than was committed before$/,
    'violation:committed',
    ['id', 'index'],
  ],
  [
    /^S(\d+), leader in term (\d+), lacks entry (\d+) committed in term (\d+)$/,
    'violation:lacks',
    ['id', 'term', 'index', 'committedTerm'],
  ],
];

/** A violation's detail in the page's language. */
export function violationDetail(m: Messages, detail: string): string {
  for (const [shape, code, names] of DETAILS) {
    const found = shape.exec(detail);
    if (found)
      return m.errors.coded(
        code,
        Object.fromEntries(names.map((name, k) => [name, Number(found[k + 1])])),
        detail,
      );
  }
  return detail;
}
