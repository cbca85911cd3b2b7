import type { NodeId } from './types';

/** The number of votes that make a majority of `size` servers (Raft §5.2). */
export function majority(size: number): number {
  return Math.floor(size / 2) + 1;
}

/**
 * The highest index replicated on a majority, given each voter's matchIndex
 * (the leader counts its own last index). Raft §5.3. Sorts `matchIndex` in place.
 */
export function committedIndex(matchIndex: number[]): number {
  // Insertion sort, descending: at most nine voters.
  for (let i = 1; i < matchIndex.length; i++) {
    const v = matchIndex[i] ?? 0;
    let j = i - 1;
    for (; j >= 0 && (matchIndex[j] ?? 0) < v; j--) matchIndex[j + 1] = matchIndex[j] ?? 0;
    matchIndex[j + 1] = v;
  }
  return matchIndex[majority(matchIndex.length) - 1] ?? 0;
}

/** The outcome of an election so far (Raft §5.2). */
export function voteResult(
  votes: ReadonlyMap<NodeId, boolean>,
  size: number,
): 'won' | 'lost' | 'pending' {
  let granted = 0;
  let refused = 0;
  for (const v of votes.values()) {
    if (v) granted++;
    else refused++;
  }
  const need = majority(size);
  if (granted >= need) return 'won';
  if (refused > size - need) return 'lost';
  return 'pending';
}
