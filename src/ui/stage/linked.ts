/**
 * Linked views: what one view points at, marked in the others. A server
 * (pointed at or selected) on the ring, in its log row and its state
 * column; an entry of a log (selected) in every log that holds it and in
 * the AppendEntries on the wire that carry it; a message (selected) in the
 * log entries it carries. Pure: the views only draw what these return.
 */
import type { Message } from '../../raft/index.ts';
import type { Envelope, LogEntry, NodeId } from '../../sim/index.ts';
import { entryAt } from '../views/logDiff.ts';
import type { Selection } from '../store.ts';

/** A range of log indexes, both ends included. */
export interface IndexRange {
  readonly first: number;
  readonly last: number;
}

/** An entry as Log Matching (Raft §5.3) names it: two logs with the same index and term hold the same entry. */
export interface EntryId {
  readonly index: number;
  readonly term: number;
}

/** The server every view marks: the one pointed at, else the one selected. */
export function markedServer(hovered: NodeId | null, selection: Selection): NodeId | null {
  return hovered ?? (selection?.kind === 'node' ? selection.id : null);
}

/** The entries a message carries: an AppendEntries' from prevLogIndex + 1 (Raft Figure 2); null when none. */
export function carriedRange(message: Message): IndexRange | null {
  if (message.type !== 'AppendEntries' || message.entries.length === 0) return null;
  return {
    first: message.prevLogIndex + 1,
    last: message.prevLogIndex + message.entries.length,
  };
}

/** Whether a message carries that very entry (same index and term). */
export function carriesEntry(message: Message, entry: EntryId): boolean {
  if (message.type !== 'AppendEntries') return false;
  const carried = message.entries[entry.index - message.prevLogIndex - 1];
  return carried?.index === entry.index && carried.term === entry.term;
}

/** The selected log entry, as the selected server's log holds it; null when no entry is selected. */
export function selectedEntry(
  selection: Selection,
  logOf: (id: NodeId) => readonly LogEntry[] | undefined,
): EntryId | null {
  if (selection?.kind !== 'node' || selection.index === undefined) return null;
  const e = entryAt(logOf(selection.id) ?? [], selection.index);
  return e ? { index: e.index, term: e.term } : null;
}

/** The servers whose logs hold the entry. */
export function holders(
  nodes: readonly { readonly id: NodeId; readonly log: readonly LogEntry[] }[],
  entry: EntryId,
): NodeId[] {
  return nodes.filter((n) => entryAt(n.log, entry.index)?.term === entry.term).map((n) => n.id);
}

/** The messages on the wire that carry the entry, by receiver. */
export function carriers(flights: readonly Envelope[], entry: EntryId): Envelope[] {
  return flights.filter((e) => carriesEntry(e.message, entry));
}

/** The same message, however many times its envelope was copied (the identity the ring keys it by). */
export function sameEnvelope(a: Envelope, b: Envelope): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.incarnation === b.incarnation &&
    a.seq === b.seq &&
    a.duplicate === b.duplicate
  );
}

/**
 * What each log row marks: the selected entry where a log holds it, or
 * the entries a selected message carries in its sender's and receiver's rows.
 */
export function rowMarks(
  selection: Selection,
  nodes: readonly { readonly id: NodeId; readonly log: readonly LogEntry[] }[],
): ReadonlyMap<NodeId, IndexRange> {
  const marks = new Map<NodeId, IndexRange>();
  if (selection?.kind === 'message') {
    const range = carriedRange(selection.envelope.message);
    if (range)
      for (const id of [selection.envelope.from, selection.envelope.to]) marks.set(id, range);
    return marks;
  }
  const entry = selectedEntry(selection, (id) => nodes.find((n) => n.id === id)?.log);
  if (entry)
    for (const id of holders(nodes, entry))
      marks.set(id, { first: entry.index, last: entry.index });
  return marks;
}
