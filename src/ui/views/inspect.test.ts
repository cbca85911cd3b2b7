import { describe, expect, it } from 'vitest';
import type { Message } from '../../raft/index.ts';
import type { Envelope, LogEntry } from '../../sim/index.ts';
import {
  describeCommand,
  formatRuns,
  messageFields,
  nodeFields,
  progressFields,
  termRuns,
} from './inspect.ts';

const log = (...terms: number[]): LogEntry[] =>
  terms.map((term, k) => ({ index: k + 1, term, command: null }));

/** Messages built loosely, so the test reads the same whichever fields the Raft core adds. */
const envelope = (fields: Record<string, unknown>): Envelope => ({
  message: fields as unknown as Message,
  from: fields.from as number,
  to: fields.to as number,
  sentAt: 100,
  deliverAt: 130,
  incarnation: 0,
  seq: 7,
  duplicate: false,
});

const asMap = (fields: { name: string; value: string }[]) =>
  Object.fromEntries(fields.map((f) => [f.name, f.value]));

describe('term runs', () => {
  it('groups consecutive entries of a term', () => {
    expect(termRuns(log(1, 1, 2, 4, 4, 4))).toEqual([
      { from: 1, to: 2, term: 1 },
      { from: 3, to: 3, term: 2 },
      { from: 4, to: 6, term: 4 },
    ]);
    expect(formatRuns(termRuns(log(1, 1, 2)))).toBe('1–2 term 1, 3 term 2');
  });

  it('bounds a long summary', () => {
    expect(formatRuns(termRuns(log(1, 2, 3, 4)), 2)).toBe('1 term 1, 2 term 2, and 2 more runs');
  });
});

describe('describeCommand', () => {
  it('names the service commands and never shows a password hash', () => {
    expect(describeCommand({ kind: 'noop' })).toMatch(/^no-op/);
    const login = describeCommand({
      v: 1,
      kind: 'login',
      clientId: 'c1',
      seq: 2,
      user: 'alice',
      passwordHash: 'secret-hash',
    });
    expect(login).toBe('login alice (client c1 #2)');
    expect(login).not.toContain('secret');
    expect(
      describeCommand({ kind: 'setState', user: 'bob', state: 'hi', clientId: 'c2', seq: 1 }),
    ).toBe('setState bob = "hi" (client c2 #1)');
  });

  it('clips long text', () => {
    const text = describeCommand({ kind: 'getState', user: 'x'.repeat(200) });
    expect(text.length).toBeLessThanOrEqual(60);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('nodeFields', () => {
  it('lists Figure 2 state in the paper’s names', () => {
    const fields = asMap(
      nodeFields({
        id: 2,
        alive: true,
        role: 'follower',
        term: 3,
        votedFor: 1,
        log: log(1, 1, 3),
        commitIndex: 2,
        lastApplied: 1,
      }),
    );
    expect(fields).toEqual({
      role: 'follower',
      currentTerm: '3',
      votedFor: 'S1',
      commitIndex: '2',
      lastApplied: '1',
      log: '3 entries, last index 3 (term 3): 1–2 term 1, 3 term 3',
      snapshot: 'none',
    });
  });

  it('adds the snapshot and the configuration (Raft §7, dissertation §4.1)', () => {
    const fields = asMap(
      nodeFields({
        id: 2,
        alive: true,
        role: 'follower',
        term: 3,
        votedFor: 1,
        log: [{ index: 5, term: 3, command: { kind: 'config', voters: [1, 2, 3], learners: [4] } }],
        commitIndex: 5,
        lastApplied: 5,
        snapshotIndex: 4,
        snapshotTerm: 2,
        config: { voters: [1, 2, 3], learners: [4] },
      }),
    );
    expect(fields).toMatchObject({
      snapshot: 'up to index 4, term 2',
      configuration: 'voters S1 S2 S3, learners S4',
    });
    expect(describeCommand({ kind: 'config', voters: [1, 2], learners: [] })).toBe(
      'configuration: voters S1 S2',
    );
  });

  it('says when a server is down or its log empty', () => {
    const fields = asMap(
      nodeFields({
        id: 1,
        alive: false,
        role: 'leader',
        term: 1,
        votedFor: null,
        log: [],
        commitIndex: 0,
        lastApplied: 0,
      }),
    );
    expect(fields).toMatchObject({
      role: 'crashed (was leader)',
      votedFor: 'nobody',
      log: 'empty',
    });
  });

  it('lists the leader’s progress per follower in server order', () => {
    expect(
      progressFields({ 3: { nextIndex: 5, matchIndex: 4 }, 2: { nextIndex: 2, matchIndex: 0 } }),
    ).toEqual([
      { name: 'S2', value: 'nextIndex 2, matchIndex 0' },
      { name: 'S3', value: 'nextIndex 5, matchIndex 4' },
    ]);
  });
});

describe('messageFields', () => {
  it('shows every AppendEntries argument', () => {
    const fields = asMap(
      messageFields(
        envelope({
          type: 'AppendEntries',
          from: 1,
          to: 2,
          term: 4,
          prevLogIndex: 4,
          prevLogTerm: 2,
          entries: [
            { index: 5, term: 4, command: null },
            { index: 6, term: 4, command: null },
          ],
          leaderCommit: 4,
          readSeq: 3,
          sentAtMs: 100,
        }),
      ),
    );
    expect(fields).toMatchObject({
      type: 'AppendEntries',
      from: 'S1',
      to: 'S2',
      term: '4',
      sentAt: '100 ms',
      deliverAt: '130 ms',
      prevLogIndex: '4',
      prevLogTerm: '2',
      entries: '2: 5–6 term 4',
      leaderCommit: '4',
      readSeq: '3',
      incarnation: '0',
      seq: '7',
      // A field the view has no special words for is still shown.
      sentAtMs: '100',
    });
  });

  it('shows a refusal with its conflict hint, and a vote', () => {
    const refusal = asMap(
      messageFields(
        envelope({
          type: 'AppendEntriesResponse',
          from: 2,
          to: 1,
          term: 4,
          success: false,
          matchIndex: 0,
          rejectedIndex: 4,
          conflictTerm: 2,
          conflictIndex: 3,
          readSeq: 0,
          ackSentAtMs: 90,
        }),
      ),
    );
    expect(refusal).toMatchObject({ success: 'no', conflictTerm: '2', conflictIndex: '3' });
    expect(refusal.matchIndex).toBeUndefined();
    const vote = asMap(
      messageFields(
        envelope({
          type: 'RequestVoteResponse',
          from: 2,
          to: 3,
          term: 5,
          voteGranted: true,
          preVote: false,
        }),
      ),
    );
    expect(vote.voteGranted).toBe('yes');
    const ask = asMap(
      messageFields(
        envelope({
          type: 'RequestVote',
          from: 3,
          to: 2,
          term: 5,
          lastLogIndex: 7,
          lastLogTerm: 4,
          preVote: true,
          transfer: false,
        }),
      ),
    );
    expect(ask).toMatchObject({
      lastLogIndex: '7',
      lastLogTerm: '4',
      preVote: 'yes',
      transfer: 'no',
    });
  });
});
