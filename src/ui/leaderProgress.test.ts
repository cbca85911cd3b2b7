import { describe, expect, it } from 'vitest';
import type { Envelope, NodeEvent, NodeId } from '../sim/index.ts';
import { LeaderProgress } from './leaderProgress.ts';

const state = (role: 'leader' | 'follower', term: number): NodeEvent => ({
  kind: 'state',
  node: 1,
  at: 0,
  role,
  term,
  votedFor: null,
  commitIndex: 0,
  leaderId: null,
  config: { voters: [1, 2, 3], learners: [] },
});

function envelope(message: Envelope['message']): Envelope {
  return {
    message,
    from: message.from,
    to: message.to,
    sentAt: 0,
    deliverAt: 10,
    incarnation: 0,
    seq: 0,
    duplicate: false,
  };
}

const append = (to: number, prevLogIndex: number, term = 2): NodeEvent => ({
  kind: 'send',
  node: 1,
  at: 0,
  envelope: envelope({
    type: 'AppendEntries',
    from: 1,
    to,
    term,
    prevLogIndex,
    prevLogTerm: 1,
    entries: [],
    leaderCommit: 0,
    readSeq: 0,
    sentAtMs: 0,
  }),
});

const reply = (from: number, matchIndex: number, success = true): NodeEvent => ({
  kind: 'deliver',
  node: 1,
  at: 10,
  envelope: envelope({
    type: 'AppendEntriesResponse',
    from,
    to: 1,
    term: 2,
    success,
    matchIndex,
    rejectedIndex: 0,
    conflictTerm: 0,
    conflictIndex: 0,
    readSeq: 0,
    ackSentAtMs: 0,
  }),
});

/** The events as node `node` reported them. */
const reportedBy = (node: NodeId, events: NodeEvent[]): NodeEvent[] =>
  events.map((e) => ({ ...e, node }));

describe('LeaderProgress (Raft Figure 2, volatile state on leaders)', () => {
  it('reads nextIndex from AppendEntries and matchIndex from successful replies', () => {
    const p = new LeaderProgress();
    p.add(reportedBy(1, [state('leader', 2), append(2, 4), append(3, 4)]));
    expect(p.leaderId).toBe(1);
    expect(p.snapshot()).toEqual({
      2: { nextIndex: 5, matchIndex: 0 },
      3: { nextIndex: 5, matchIndex: 0 },
    });
    p.add(reportedBy(1, [reply(2, 6), reply(3, 2, false)]));
    expect(p.snapshot()[2]).toEqual({ nextIndex: 7, matchIndex: 6 });
    expect(p.snapshot()[3]).toEqual({ nextIndex: 5, matchIndex: 0 });
  });

  it('keeps the same snapshot object until something changes', () => {
    const p = new LeaderProgress();
    p.add(reportedBy(1, [state('leader', 2), append(2, 4)]));
    const a = p.snapshot();
    p.add(reportedBy(1, [append(2, 4)]));
    expect(p.snapshot()).toBe(a);
  });

  it('ignores messages of other servers and older terms, and forgets a leader that steps down', () => {
    const p = new LeaderProgress();
    p.add(reportedBy(2, [append(3, 4)]));
    p.add(reportedBy(1, [state('leader', 2), append(3, 4, 1)]));
    expect(p.snapshot()).toEqual({});
    p.add(reportedBy(1, [append(3, 4), state('follower', 3)]));
    expect(p.leaderId).toBeNull();
    expect(p.snapshot()).toEqual({});
  });

  it('never moves matchIndex back on a late reply', () => {
    const p = new LeaderProgress();
    p.add(reportedBy(1, [state('leader', 2), reply(2, 6), reply(2, 3)]));
    expect(p.snapshot()[2]).toEqual({ nextIndex: 7, matchIndex: 6 });
  });
});
