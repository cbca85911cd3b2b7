/** The number of votes that make a majority of `size` servers (Raft §5.2). */
export function majority(size: number): number {
  return Math.floor(size / 2) + 1;
}

/**
 * The highest value that a majority of voters have reached, given one value
 * per voter (etcd's quorum.MajorityConfig.CommittedIndex): the commit index
 * of matchIndexes (Raft §5.3), the ReadIndex round a majority answered
 * (§6.4), the start of a lease (§6.4.1). -Infinity with no voters. Sorts
 * `values` in place.
 */
export function quorumValue(values: number[]): number {
  // Insertion sort, descending: at most nine voters.
  for (let i = 1; i < values.length; i++) {
    const v = values[i] ?? 0;
    let j = i - 1;
    for (; j >= 0 && (values[j] ?? 0) < v; j--) values[j + 1] = values[j] ?? 0;
    values[j + 1] = v;
  }
  return values[majority(values.length) - 1] ?? -Infinity;
}

/** The outcome of an election so far (Raft §5.2), from the votes granted and refused. */
export function voteResult(
  granted: number,
  refused: number,
  size: number,
): 'won' | 'lost' | 'pending' {
  const need = majority(size);
  if (granted >= need) return 'won';
  if (refused > size - need) return 'lost';
  return 'pending';
}
