import { useContext } from 'react';
import { useStore } from 'zustand';
import type { LogEntry, NodeId } from '../../sim/index.ts';
import type { Messages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import type { Highlight } from './lesson.ts';
import { createLessonStore, LessonContext, type LessonState } from './lessonStore.ts';

// What the shown step points at (its highlight), drawn on the stage with the
// marks of the linked views (src/ui/stage/linked.ts: one colour, one shape
// everywhere), and the entries a teacher picks it from in the editor.

/** What the stage marks for a step: servers (ring and log rows), links, and log indexes per row. */
export interface StepMarks {
  readonly servers: ReadonlySet<NodeId>;
  readonly links: readonly (readonly [NodeId, NodeId])[];
  /** The marked indexes of each server's log. */
  readonly entries: ReadonlyMap<NodeId, readonly number[]>;
}

export const NO_MARKS: StepMarks = { servers: new Set(), links: [], entries: new Map() };

/** The marks of a highlight on the servers `ids`: an entry without a server is marked in every log. */
export function stepMarks(highlight: Highlight | null, ids: readonly NodeId[]): StepMarks {
  if (!highlight) return NO_MARKS;
  const entries = new Map<NodeId, number[]>();
  for (const e of highlight.entries ?? [])
    for (const id of e.server === undefined ? ids : [e.server]) {
      const row = entries.get(id) ?? [];
      if (!row.includes(e.index)) row.push(e.index);
      entries.set(id, row);
    }
  return { servers: new Set(highlight.servers ?? []), links: highlight.links ?? [], entries };
}

/** Whether the link between `a` and `b` is marked (either way round). */
export function marksLink(marks: StepMarks, a: NodeId, b: NodeId): boolean {
  return marks.links.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** The highlight in words, for the lesson panel: what the marks on the stage show. */
export function highlightWords(m: Messages, highlight: Highlight | undefined): string {
  if (!highlight) return '';
  const u = m.lessons.ui;
  const parts = [
    ...(highlight.servers ?? []).map(nodeName),
    ...(highlight.links ?? []).map(([a, b]) => u.lookLink(nodeName(a), nodeName(b))),
    ...(highlight.entries ?? []).map((e) =>
      e.server === undefined ? u.lookEntry(e.index) : u.lookEntryOn(e.index, nodeName(e.server)),
    ),
  ];
  return parts.length === 0 ? '' : u.lookAt(parts.join(', '));
}

const NO_LESSON_STORE = createLessonStore();
const selectHighlight = (s: LessonState) => s.lesson?.steps[s.step]?.highlight ?? null;

/** The shown step's highlight; null without a lesson (or outside <App>, as in a view's test). */
export function useShownHighlight(): Highlight | null {
  return useStore(useContext(LessonContext) ?? NO_LESSON_STORE, selectHighlight);
}

/** An entry a teacher may point at: its index and term, and the servers whose logs hold it. */
export interface EntryChoice {
  readonly index: number;
  readonly term: number;
  readonly holders: readonly NodeId[];
}

/**
 * The entries of the logs as shown: one choice per index and term (Log
 * Matching, Raft §5.3: the same index and term is the same entry), in index
 * order; an index held with two terms (a conflict) is two choices.
 */
export function entryChoices(
  nodes: readonly { readonly id: NodeId; readonly log: readonly LogEntry[] }[],
): EntryChoice[] {
  const byKey = new Map<string, { index: number; term: number; holders: NodeId[] }>();
  for (const n of nodes)
    for (const e of n.log) {
      const key = `${e.index}:${e.term}`;
      const choice = byKey.get(key) ?? { index: e.index, term: e.term, holders: [] };
      choice.holders.push(n.id);
      byKey.set(key, choice);
    }
  return [...byKey.values()].sort((x, y) => x.index - y.index || x.term - y.term);
}

type Entries = NonNullable<Highlight['entries']>;

/** Whether a highlight marks the choice: on every server that holds it. */
export function picksEntry(entries: Entries, choice: EntryChoice): boolean {
  return choice.holders.every((h) =>
    entries.some((e) => e.index === choice.index && (e.server === undefined || e.server === h)),
  );
}

/**
 * The highlight's entries with a choice picked or unpicked. An entry every
 * log that has its index holds is marked by its index alone (every row);
 * one of a conflict on the servers that hold it. The other choices at that
 * index keep their marks.
 */
export function pickEntry(
  entries: Entries,
  choice: EntryChoice,
  on: boolean,
  choices: readonly EntryChoice[],
): Entries {
  const others = choices.filter((c) => c.index === choice.index && c.term !== choice.term);
  const kept = others.filter((c) => picksEntry(entries, c));
  const rest = entries.filter((e) => e.index !== choice.index);
  const picked = on ? [choice, ...kept] : kept;
  const at: Entries =
    picked.length > 0 && picked.length === others.length + 1
      ? [{ index: choice.index }]
      : picked.flatMap((c) => c.holders.map((server) => ({ index: c.index, server })));
  return [...rest, ...at].sort((x, y) => x.index - y.index || (x.server ?? 0) - (y.server ?? 0));
}
