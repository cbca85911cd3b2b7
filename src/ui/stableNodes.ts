import type { NodeSnapshot } from './store.ts';

/** Did anything a view draws change? The log is compared by reference (frozen, copied once per change). */
function sameNode(a: NodeSnapshot, b: NodeSnapshot): boolean {
  return (
    a.id === b.id &&
    a.alive === b.alive &&
    a.role === b.role &&
    a.term === b.term &&
    a.votedFor === b.votedFor &&
    a.log === b.log &&
    a.commitIndex === b.commitIndex &&
    a.lastApplied === b.lastApplied &&
    a.snapshotIndex === b.snapshotIndex &&
    a.snapshotTerm === b.snapshotTerm &&
    a.config === b.config &&
    a.error === b.error
  );
}

/**
 * The fresh snapshots, with each unchanged server's old object kept, and
 * the old array itself when none changed: memoized rows (LogRow, the ring's
 * glyphs) then redraw only the servers that changed.
 */
export function stableNodes(
  old: readonly NodeSnapshot[],
  fresh: readonly NodeSnapshot[],
): readonly NodeSnapshot[] {
  let changed = old.length !== fresh.length;
  const out = fresh.map((n, k) => {
    const before = old[k];
    if (before && sameNode(before, n)) return before;
    changed = true;
    return n;
  });
  return changed ? out : old;
}
