import { returnTime, type Operation } from './operation';

/** Marks the end of the entry list. */
export const NO_NODE = -1;
/** The sentinel before the first entry (Wing and Gong's list head). */
export const HEAD = 0;

/**
 * Wing and Gong's history as a doubly linked list of call and return
 * entries in time order, stored in typed arrays so that the search can lift
 * and unlift entries without allocating. Node 0 is the head sentinel; nodes
 * 1..2n are the entries.
 */
export interface EntryList {
  readonly opCount: number;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  /** The operation (index into the history) of each node. */
  readonly opOf: Int32Array;
  /** For a call node, the node of its return entry; 0 for a return node. */
  readonly returnOf: Int32Array;
}

/**
 * Sorts the 2n entries by time. At equal times a call goes before a return,
 * so operations that touch at one instant count as concurrent (either may
 * go first). Ties between two calls or two returns break by operation
 * index, so the search is deterministic.
 */
export function buildEntryList(ops: readonly Operation<unknown, unknown>[]): EntryList {
  const n = ops.length;
  const times = new Float64Array(2 * n);
  ops.forEach((op, i) => {
    const ret = returnTime(op);
    if (!Number.isFinite(op.call)) {
      throw new Error(`operation ${i} (client ${op.clientId}) has no finite call time: ${op.call}`);
    }
    if (!(op.call <= ret)) {
      throw new Error(
        `operation ${i} (client ${op.clientId}) returns at ${String(op.return)}, before its call at ${op.call}`,
      );
    }
    times[i] = op.call;
    times[n + i] = ret;
  });
  // Entry e < n is the call of operation e; entry e >= n is the return of operation e - n.
  const order = Int32Array.from({ length: 2 * n }, (_, e) => e).sort((a, b) => {
    const dt = times[a]! - times[b]!;
    if (dt !== 0 && !Number.isNaN(dt)) return dt < 0 ? -1 : 1;
    const kind = Number(a >= n) - Number(b >= n);
    return kind !== 0 ? kind : a - b;
  });
  const size = 2 * n + 1;
  const next = new Int32Array(size);
  const prev = new Int32Array(size);
  const opOf = new Int32Array(size).fill(-1);
  const returnOf = new Int32Array(size);
  const nodeOfEntry = new Int32Array(2 * n);
  order.forEach((entry, k) => {
    nodeOfEntry[entry] = k + 1;
  });
  for (let node = 0; node < size; node++) {
    next[node] = node + 1 < size ? node + 1 : NO_NODE;
    prev[node] = node - 1;
  }
  for (let i = 0; i < n; i++) {
    const callNode = nodeOfEntry[i]!;
    const returnNode = nodeOfEntry[n + i]!;
    opOf[callNode] = i;
    opOf[returnNode] = i;
    returnOf[callNode] = returnNode;
  }
  return { opCount: n, next, prev, opOf, returnOf };
}

/**
 * Takes a call entry and its return out of the list: the operation is now
 * linearized (Wing and Gong's `lift`).
 */
export function lift(list: EntryList, call: number): void {
  const { next, prev } = list;
  const ret = list.returnOf[call]!;
  next[prev[call]!] = next[call]!;
  prev[next[call]!] = prev[call]!; // a call always has its return after it
  next[prev[ret]!] = next[ret]!;
  if (next[ret] !== NO_NODE) prev[next[ret]!] = prev[ret]!;
}

/**
 * Puts back what `lift` took out. Correct only in reverse order of the
 * lifts (the search is a stack), as in dancing links: the removed nodes
 * still point at their old neighbours.
 */
export function unlift(list: EntryList, call: number): void {
  const { next, prev } = list;
  const ret = list.returnOf[call]!;
  next[prev[ret]!] = ret;
  if (next[ret] !== NO_NODE) prev[next[ret]!] = ret;
  next[prev[call]!] = call;
  prev[next[call]!] = call;
}
