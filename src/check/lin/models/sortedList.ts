/**
 * Immutable maps for model states, as linked lists of nodes sorted by key.
 * Not a Map, nor an array: the search keeps every state it meets in its
 * cache, so what matters is what one state costs to build and to keep. A
 * change copies the nodes before its key and shares the rest, so a state
 * of one key (a partition) is one small object. Sorted, so that equal maps
 * have equal lists.
 */
export interface SortedNode<N> {
  readonly key: string;
  readonly next: N | null;
}

/** The node for `key`, if any. */
export function findNode<N extends SortedNode<N>>(list: N | null, key: string): N | undefined {
  for (let node = list; node !== null && node.key <= key; node = node.next) {
    if (node.key === key) return node;
  }
  return undefined;
}

/** The nodes, in key order. */
export function listNodes<N extends SortedNode<N>>(list: N | null): N[] {
  const nodes: N[] = [];
  for (let node = list; node !== null; node = node.next) nodes.push(node);
  return nodes;
}
