import { useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import type { PlaygroundState } from '../store.ts';
import { usePlayground } from '../usePlayground.ts';
import { entryAt } from '../views/logDiff.ts';
import { carriedRange, carriers, holders, selectedEntry } from './linked.ts';

const names = (ids: readonly number[]) => ids.map(nodeName).join(', ');

/** Plain data (strings, numbers), so the note redraws only when what it says changes. */
const selectLinked = (s: PlaygroundState) => {
  const { selection } = s;
  if (selection?.kind === 'message') {
    const range = carriedRange(selection.envelope.message);
    return {
      kind: 'message' as const,
      type: selection.envelope.message.type,
      from: selection.envelope.from,
      to: selection.envelope.to,
      first: range?.first ?? 0,
      last: range?.last ?? 0,
    };
  }
  const entry = selectedEntry(selection, (id) => s.viewNodes.find((n) => n.id === id)?.log);
  if (!entry) return null;
  const held = holders(s.viewNodes, entry);
  return {
    kind: 'entry' as const,
    index: entry.index,
    term: entry.term,
    held: names(held),
    // Committed anywhere is committed (Raft §5.4.2: a server commits only what a majority holds).
    committed: s.viewNodes.some(
      (n) => n.commitIndex >= entry.index && entryAt(n.log, entry.index)?.term === entry.term,
    ),
    carrying: names(carriers(s.view.flights, entry).map((e) => e.to)),
  };
};

/**
 * What the linked marks show, in words: the selected entry's holders,
 * whether it is committed and which messages carry it; or what the
 * selected message carries. Colour and outline mark the same on the views.
 */
export function LinkedNote() {
  const linked = usePlayground(selectLinked);
  const t = useMessages().stage;
  const text =
    linked === null
      ? ''
      : linked.kind === 'message'
        ? `${t.message(linked.type, nodeName(linked.from), nodeName(linked.to))}: ${
            linked.first > 0 ? t.carries(linked.first, linked.last) : t.carriesNone
          }`
        : `${t.entry(linked.index, linked.term)}: ${[
            linked.held ? t.heldBy(linked.held) : t.heldByNone,
            linked.committed ? t.committed : t.notCommitted,
            linked.carrying ? t.carrying(linked.carrying) : t.notCarried,
          ].join(' · ')}`;
  return (
    <p className="rv-linked" role="status" data-testid="linked-note">
      {text}
    </p>
  );
}
