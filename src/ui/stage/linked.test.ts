import { describe, expect, it } from 'vitest';
import type { Message } from '../../raft/index.ts';
import type { Envelope, LogEntry } from '../../sim/index.ts';
import {
  carriedRange,
  carriers,
  holders,
  markedServer,
  rowMarks,
  selectedEntry,
} from './linked.ts';

const log = (...terms: number[]): LogEntry[] =>
  terms.map((term, k) => ({ index: k + 1, term, command: null }));

function append(prevLogIndex: number, terms: number[]): Message {
  return {
    type: 'AppendEntries',
    term: 2,
    from: 1,
    to: 2,
    prevLogIndex,
    prevLogTerm: 1,
    entries: terms.map((term, k) => ({ index: prevLogIndex + 1 + k, term, command: null })),
    leaderCommit: 0,
  } as unknown as Message;
}

function envelope(message: Message, to: number, seq: number): Envelope {
  return { message, from: 1, to, sentAt: 0, deliverAt: 10, incarnation: 0, seq, duplicate: false };
}

// Three logs as in Raft Figure 6's spirit: S1 the leader, S2 behind, S3 with a conflicting entry 3.
const nodes = [
  { id: 1, log: log(1, 1, 2, 2) },
  { id: 2, log: log(1, 1) },
  { id: 3, log: log(1, 1, 1) },
];

describe('linked views', () => {
  it('marks the server pointed at before the one selected', () => {
    expect(markedServer(3, { kind: 'node', id: 1 })).toBe(3);
    expect(markedServer(null, { kind: 'node', id: 1 })).toBe(1);
    expect(markedServer(null, null)).toBeNull();
  });

  it('reads the entries an AppendEntries carries, from prevLogIndex + 1 (Raft Figure 2)', () => {
    expect(carriedRange(append(2, [2, 2]))).toEqual({ first: 3, last: 4 });
    expect(carriedRange(append(4, []))).toBeNull(); // a heartbeat carries none
  });

  it('finds the logs holding an entry by index and term (Log Matching, Raft §5.3)', () => {
    const entry = selectedEntry(
      { kind: 'node', id: 1, index: 3 },
      (id) => nodes.find((n) => n.id === id)?.log,
    );
    expect(entry).toEqual({ index: 3, term: 2 });
    // S3 has an entry 3 too, of another term: it does not hold this one.
    expect(holders(nodes, entry!)).toEqual([1]);
    expect(holders(nodes, { index: 2, term: 1 })).toEqual([1, 2, 3]);
  });

  it('finds the messages on the wire that carry an entry', () => {
    const toS2 = envelope(append(2, [2, 2]), 2, 0);
    const toS3 = envelope(append(3, [2]), 3, 1);
    const beat = envelope(append(4, []), 2, 2);
    expect(carriers([toS2, toS3, beat], { index: 3, term: 2 })).toEqual([toS2]);
    expect(carriers([toS2, toS3, beat], { index: 4, term: 2 })).toEqual([toS2, toS3]);
    expect(carriers([toS2, toS3, beat], { index: 4, term: 3 })).toEqual([]);
  });

  it('marks in the logs the entry selected where it is held, and what a selected message carries', () => {
    expect([...rowMarks({ kind: 'node', id: 1, index: 2 }, nodes)]).toEqual([
      [1, { first: 2, last: 2 }],
      [2, { first: 2, last: 2 }],
      [3, { first: 2, last: 2 }],
    ]);
    const message = envelope(append(2, [2, 2]), 2, 0);
    expect([...rowMarks({ kind: 'message', envelope: message }, nodes)]).toEqual([
      [1, { first: 3, last: 4 }],
      [2, { first: 3, last: 4 }],
    ]);
    expect(rowMarks({ kind: 'node', id: 2 }, nodes).size).toBe(0);
  });
});
