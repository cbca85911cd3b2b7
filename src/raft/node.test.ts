import { describe, expect, it } from 'vitest';
import { appendEntries, appendReply, electedLeader, testNode, sent } from './testing';
import { NOOP, isNoop, type AppendEntriesResponse, type RequestVote } from './types';

const peers3 = [1, 2, 3];
const peers5 = [1, 2, 3, 4, 5];

function requestVote(over: Partial<RequestVote>): RequestVote {
  return {
    type: 'RequestVote',
    from: 2,
    to: 1,
    term: 1,
    lastLogIndex: 0,
    lastLogTerm: 0,
    preVote: false,
    transfer: false,
    ...over,
  };
}
function entries(from: number, terms: number[]) {
  return terms.map((term, k) => ({ index: from + k, term, command: `x${from + k}` }));
}

/** Makes node 1 of `peers` leader, returning it with its output drained. */
function leader(peers = peers3, persisted: Parameters<typeof testNode>[2] = {}) {
  const n = electedLeader(peers, persisted);
  expect(n.role).toBe('leader');
  return n;
}

describe('elections (Raft §5.2)', () => {
  it('a follower that hears nothing for an election timeout becomes a candidate of the next term and votes for itself', () => {
    const n = testNode(1, peers3, { term: 3 });
    n.tick(149);
    expect(n.role).toBe('follower');
    n.tick(150);
    expect(n.role).toBe('candidate');
    expect(n.currentTerm).toBe(4);
    expect(n.votedFor).toBe(1);
    const ready = n.takeReady();
    expect(ready.hardState).toEqual({ currentTerm: 4, votedFor: 1 });
    expect(ready.messages.map((m) => [m.type, m.to, m.term])).toEqual([
      ['RequestVote', 2, 4],
      ['RequestVote', 3, 4],
    ]);
  });

  it('election timeouts are drawn from the injected random source, within the range', () => {
    const draws: [number, number][] = [];
    const n = testNode(1, peers3, {}, { randomInt: (lo, hi) => (draws.push([lo, hi]), 222) });
    expect(n.nextDeadline()).toBe(222);
    expect(draws).toEqual([[150, 300]]);
  });

  it('a candidate with votes from a majority becomes leader and sends heartbeats at once', () => {
    const n = testNode(1, peers5);
    n.tick(150);
    sent(n);
    n.step(
      { type: 'RequestVoteResponse', from: 2, to: 1, term: 1, voteGranted: true, preVote: false },
      160,
    );
    expect(n.role).toBe('candidate');
    n.step(
      { type: 'RequestVoteResponse', from: 3, to: 1, term: 1, voteGranted: true, preVote: false },
      161,
    );
    expect(n.role).toBe('leader');
    expect(sent(n, 'AppendEntries').map((m) => m.to)).toEqual([2, 3, 4, 5]);
  });

  it('a split vote times out into a new election in a higher term', () => {
    const n = testNode(1, peers3);
    n.tick(150);
    sent(n);
    n.step(
      { type: 'RequestVoteResponse', from: 2, to: 1, term: 1, voteGranted: false, preVote: false },
      160,
    );
    n.step(
      { type: 'RequestVoteResponse', from: 3, to: 1, term: 1, voteGranted: false, preVote: false },
      160,
    );
    expect(n.role).toBe('candidate');
    n.tick(300);
    expect(n.currentTerm).toBe(2);
    expect(sent(n, 'RequestVote')).toHaveLength(2);
  });

  it('a candidate that hears AppendEntries from a leader of its term returns to follower', () => {
    const n = testNode(1, peers3);
    n.tick(150);
    sent(n);
    n.step(appendEntries({ term: 1 }), 155);
    expect(n.role).toBe('follower');
    expect(n.leaderId).toBe(2);
  });

  it('a single-server cluster elects itself at once', () => {
    const n = testNode(1, [1]);
    n.tick(150);
    expect(n.role).toBe('leader');
    expect(n.commitIndex).toBe(1); // its no-op
  });
});

describe('RequestVote (Raft §5.2, §5.4.1)', () => {
  it('grants one vote per term and persists it before replying', () => {
    const n = testNode(1, peers3, { term: 1 }); // the same term: only the vote is new to persist
    n.step(requestVote({ from: 2, term: 1 }), 10);
    let ready = n.takeReady();
    expect(ready.hardState).toEqual({ currentTerm: 1, votedFor: 2 });
    expect(ready.messages).toMatchObject([
      { type: 'RequestVoteResponse', to: 2, voteGranted: true },
    ]);
    n.step(requestVote({ from: 3, term: 1 }), 11);
    ready = n.takeReady();
    expect(ready.messages).toMatchObject([
      { type: 'RequestVoteResponse', to: 3, voteGranted: false },
    ]);
    // A repeated request from the same candidate is granted again (a lost reply).
    n.step(requestVote({ from: 2, term: 1 }), 12);
    expect(sent(n)).toMatchObject([{ voteGranted: true }]);
  });

  it('the vote survives a restart: a node that restarts in the same term does not vote twice', () => {
    const n = testNode(1, peers3, { term: 1, votedFor: 2 });
    n.step(requestVote({ from: 3, term: 1 }), 10);
    expect(sent(n)).toMatchObject([{ voteGranted: false }]);
  });

  it('refuses a candidate whose last log term is older (§5.4.1)', () => {
    const n = testNode(1, peers3, { term: 2, log: [1, 2] });
    n.step(requestVote({ term: 3, lastLogIndex: 5, lastLogTerm: 1 }), 10);
    expect(sent(n)).toMatchObject([{ voteGranted: false, term: 3 }]);
    expect(n.currentTerm).toBe(3);
  });

  it('refuses a candidate with the same last term but a shorter log (§5.4.1)', () => {
    const n = testNode(1, peers3, { term: 2, log: [1, 2, 2] });
    n.step(requestVote({ term: 3, lastLogIndex: 2, lastLogTerm: 2 }), 10);
    expect(sent(n)).toMatchObject([{ voteGranted: false }]);
  });

  it('grants a candidate whose log is at least as up-to-date (§5.4.1)', () => {
    const n = testNode(1, peers3, { term: 2, log: [1, 2, 2] });
    n.step(requestVote({ term: 3, lastLogIndex: 1, lastLogTerm: 3 }), 10);
    expect(sent(n)).toMatchObject([{ voteGranted: true }]);
  });

  it('with bugs.voteWithoutLogCheck, grants a vote to a candidate with a stale log', () => {
    const n = testNode(
      1,
      peers3,
      { term: 2, log: [1, 2, 2] },
      { bugs: { voteWithoutLogCheck: true } },
    );
    n.step(requestVote({ term: 3, lastLogIndex: 1, lastLogTerm: 1 }), 10);
    expect(sent(n)).toMatchObject([{ voteGranted: true }]);
  });

  it('rejects a request from a stale term, telling the candidate the current term (§5.1)', () => {
    const n = testNode(1, peers3, { term: 5 });
    n.step(requestVote({ term: 4 }), 10);
    expect(sent(n)).toMatchObject([{ type: 'RequestVoteResponse', term: 5, voteGranted: false }]);
  });

  it('granting a vote resets the election timer (Figure 2, Followers)', () => {
    const n = testNode(1, peers3, { term: 1 }); // the same term: no change of term resets it
    n.tick(100);
    n.step(requestVote({ term: 1 }), 100);
    expect(n.nextDeadline()).toBe(250);
  });
});

describe('AppendEntries (Raft §5.3)', () => {
  it('appends entries when the log matches at prevLogIndex and acknowledges the last new index', () => {
    const n = testNode(1, peers3, { term: 1, log: [1] });
    n.step(appendEntries({ prevLogIndex: 1, prevLogTerm: 1, entries: entries(2, [1, 1]) }), 10);
    const ready = n.takeReady();
    expect(ready.entries).toMatchObject({ from: 2, entries: [{ index: 2 }, { index: 3 }] });
    expect(ready.messages).toMatchObject([
      { type: 'AppendEntriesResponse', success: true, matchIndex: 3 },
    ]);
  });

  it('refuses when the log has no entry at prevLogIndex, with conflictIndex = lastIndex + 1 (fast backup)', () => {
    const n = testNode(1, peers3, { term: 3, log: [1, 1] });
    n.step(appendEntries({ term: 3, prevLogIndex: 6, prevLogTerm: 3 }), 10);
    expect(sent(n)).toMatchObject([
      { success: false, conflictTerm: 0, conflictIndex: 3, rejectedIndex: 6 },
    ]);
  });

  it('refuses on a term mismatch, naming the conflicting term and its first index (fast backup)', () => {
    const n = testNode(1, peers3, { term: 3, log: [1, 2, 2, 2] });
    n.step(appendEntries({ term: 3, prevLogIndex: 4, prevLogTerm: 3 }), 10);
    expect(sent(n)).toMatchObject([{ success: false, conflictTerm: 2, conflictIndex: 2 }]);
  });

  it('deletes a conflicting entry and all that follow it, then appends (Figure 2, step 3)', () => {
    const n = testNode(1, peers3, { term: 3, log: [1, 2, 2, 2] });
    n.step(
      appendEntries({ term: 3, prevLogIndex: 1, prevLogTerm: 1, entries: entries(2, [3]) }),
      10,
    );
    expect(n.log.all().map((e) => e.term)).toEqual([1, 3]);
    expect(n.takeReady().entries).toMatchObject({ from: 2, entries: [{ index: 2, term: 3 }] });
  });

  it('a stale or duplicated AppendEntries does not truncate entries that match', () => {
    const n = testNode(1, peers3, { term: 1, log: [1, 1, 1] });
    n.step(appendEntries({ prevLogIndex: 0, prevLogTerm: 0, entries: entries(1, [1]) }), 10);
    expect(n.log.lastIndex()).toBe(3);
    expect(n.takeReady().entries).toBeNull();
  });

  it('advances commitIndex to min(leaderCommit, index of last new entry) and never back', () => {
    const n = testNode(1, peers3, { term: 1, log: [1, 1, 1, 1] });
    n.step(appendEntries({ prevLogIndex: 2, prevLogTerm: 1, leaderCommit: 4 }), 10);
    expect(n.commitIndex).toBe(2);
    n.step(appendEntries({ prevLogIndex: 4, prevLogTerm: 1, leaderCommit: 3 }), 20);
    expect(n.commitIndex).toBe(3);
    n.step(appendEntries({ prevLogIndex: 1, prevLogTerm: 1, leaderCommit: 1 }), 30);
    expect(n.commitIndex).toBe(3);
    expect(n.takeReady().committed.map((e) => e.index)).toEqual([1, 2, 3]);
  });

  it('rejects AppendEntries from a stale term so the old leader learns the new term (§5.1)', () => {
    const n = testNode(1, peers3, { term: 4 });
    n.step(appendEntries({ term: 3 }), 10);
    expect(sent(n)).toMatchObject([{ type: 'AppendEntriesResponse', term: 4, success: false }]);
  });

  it('a valid AppendEntries resets the election timer', () => {
    const n = testNode(1, peers3, { term: 1 });
    n.step(appendEntries({}), 140);
    expect(n.nextDeadline()).toBe(290);
  });
});

describe('the leader (Raft §5.3, §5.4.2, §8)', () => {
  it('appends a no-op on election (§8), and none when switched off', () => {
    const n = leader();
    expect(isNoop(n.log.entry(1)?.command)).toBe(true);
    expect(n.log.entry(1)?.command).toEqual(NOOP);
    const quiet = testNode(1, peers3, {}, { noopOnElection: false });
    quiet.tick(150);
    for (const v of sent(quiet, 'RequestVote'))
      quiet.step(
        {
          type: 'RequestVoteResponse',
          from: v.to,
          to: 1,
          term: 1,
          voteGranted: true,
          preVote: false,
        },
        160,
      );
    expect(quiet.role).toBe('leader');
    expect(quiet.log.lastIndex()).toBe(0);
  });

  it('commits an entry of its term once a majority stores it, and tells followers', () => {
    const n = leader();
    const at = n.propose('x', 170);
    expect(at).toEqual({ index: 2, term: 1 });
    sent(n);
    n.step(ack(2, 2), 180);
    expect(n.commitIndex).toBe(2);
    n.tick(210); // heartbeat carries leaderCommit
    expect(sent(n, 'AppendEntries').every((m) => m.leaderCommit === 2)).toBe(true);
  });

  it('does not commit an entry from an earlier term by counting replicas (§5.4.2, Figure 8)', () => {
    const n = leader(peers3, { term: 1, log: [1] });
    // Leader of term 2 with an old entry at 1 and its no-op at 2; a follower acknowledges only index 1.
    expect(n.currentTerm).toBe(2);
    n.step(ack(2, 1, 2), 200);
    expect(n.commitIndex).toBe(0);
    n.step(ack(2, 2, 2), 210);
    expect(n.commitIndex).toBe(2); // the current-term no-op commits both
  });

  it('with bugs.commitOldTermByCount, commits an earlier-term entry by counting replicas', () => {
    const n = testNode(
      1,
      peers3,
      { term: 1, log: [1] },
      { bugs: { commitOldTermByCount: true }, noopOnElection: false },
    );
    n.tick(150);
    for (const v of sent(n, 'RequestVote'))
      n.step(
        {
          type: 'RequestVoteResponse',
          from: v.to,
          to: 1,
          term: 2,
          voteGranted: true,
          preVote: false,
        },
        160,
      );
    sent(n);
    n.step(ack(2, 1, 2), 200);
    expect(n.commitIndex).toBe(1);
  });

  it('never commits without a majority', () => {
    const n = leader(peers5);
    n.propose('x', 170);
    n.step(ack(2, 2), 180);
    expect(n.commitIndex).toBe(0);
    n.step(ack(3, 2), 181);
    expect(n.commitIndex).toBe(2);
  });

  it('backs nextIndex up a whole term per refusal (fast backup)', () => {
    // The leader's log: terms 1 1 1 4 4 5 5 6 6 6 (Figure 7); it is leader in term 8.
    const n = leader(peers3, { term: 7, log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6] });
    sent(n);
    // Follower (f) of Figure 7: 1 1 1 2 2 2 3 3 3 3 3. It refuses prevLogIndex 11 (conflictTerm 3 from index 7).
    n.step(refuse(2, 11, 3, 7), 200);
    let [ae] = sent(n, 'AppendEntries');
    expect(ae?.prevLogIndex).toBe(6); // we have no term 3: skip to its first index
    n.step(refuse(2, 6, 2, 4), 210);
    [ae] = sent(n, 'AppendEntries');
    expect(ae?.prevLogIndex).toBe(3);
    expect(ae?.entries.map((e) => e.term)).toEqual([4, 4, 5, 5, 6, 6, 6, 8]);
  });

  it('ignores a stale refusal for an index already known to match', () => {
    const n = leader();
    n.propose('x', 170);
    sent(n);
    n.step(ack(2, 2), 180);
    n.step(refuse(2, 1, 0, 1, 1), 181);
    expect(n.progress(2)).toMatchObject({ matchIndex: 2, nextIndex: 3, state: 'replicate' });
  });

  it('steps down on a reply with a higher term (§5.1)', () => {
    const n = leader();
    n.step({ ...ack(2, 1), term: 5, success: false }, 200);
    expect(n.role).toBe('follower');
    expect(n.currentTerm).toBe(5);
    expect(n.takeReady().hardState).toEqual({ currentTerm: 5, votedFor: null });
  });

  it('re-sends entries whose AppendEntries was lost, after a heartbeat interval', () => {
    const n = leader();
    n.step(ack(2, 1), 170); // follower 2 now in replicate
    n.propose('x', 180);
    expect(sent(n, 'AppendEntries').find((m) => m.to === 2)?.entries).toHaveLength(1);
    // The message is lost; no reply comes. The next heartbeat re-sends from matchIndex + 1.
    n.tick(260);
    const again = sent(n, 'AppendEntries').find((m) => m.to === 2);
    expect(again).toMatchObject({ prevLogIndex: 1, entries: [{ index: 2 }] });
  });

  it('refuses proposals when not the leader', () => {
    const n = testNode(1, peers3);
    expect(n.propose('x', 10)).toBeNull();
  });

  it('a restarted node keeps term, vote and log but starts with commitIndex 0 (Figure 2)', () => {
    const n = testNode(1, peers3, { term: 3, votedFor: 2, log: [1, 3] });
    expect([n.currentTerm, n.votedFor, n.log.lastIndex(), n.commitIndex, n.lastApplied]).toEqual([
      3, 2, 2, 0, 0,
    ]);
  });
});

describe('ReadIndex (dissertation §6.4)', () => {
  it("a read waits for an entry of the leader's term to commit, then for a heartbeat round from a majority", () => {
    const n = leader(peers3); // no-op at 1, not yet committed
    expect(n.readIndex(7, 170)).toBe(true);
    expect(sent(n, 'AppendEntries')).toEqual([]); // step 1: wait for the no-op
    n.step(ack(2, 1), 180); // the no-op commits: the read takes readIndex 1 and starts a round
    const round = n.takeReady();
    expect(round.readStates).toEqual([]);
    const beats = round.messages.filter((m) => m.type === 'AppendEntries');
    expect(beats.map((m) => [m.to, m.readSeq, m.entries.length])).toEqual([
      [2, 1, 0],
      [3, 1, 0],
    ]);
    n.step({ ...ack(3, 0), readSeq: 1 }, 190);
    expect(n.takeReady().readStates).toEqual([{ ctx: 7, index: 1 }]);
  });

  it('with lease reads, a read within the lease is confirmed at once and says so (§6.4.1)', () => {
    const n = electedLeader(peers3, {}, { leaseReads: true }); // no-op at 1, sent at 160
    n.step({ ...ack(2, 1), ackSentAtMs: 160 }, 180); // a majority heard us at 160: the lease runs
    n.takeReady();
    expect(n.readIndex(7, 190)).toBe(true);
    const ready = n.takeReady();
    expect(ready.readStates).toEqual([{ ctx: 7, index: 1, lease: true }]);
    expect(ready.messages.filter((m) => m.type === 'AppendEntries')).toEqual([]);
  });

  it('replies to AppendEntries sent before the read do not confirm it', () => {
    const n = leader(peers3);
    n.step(ack(2, 1), 180);
    n.takeReady();
    n.readIndex(8, 190);
    n.step(ack(2, 1), 200); // readSeq 0: an answer to an older round
    expect(n.takeReady().readStates).toEqual([]);
  });

  it('a leader that steps down fails its pending reads', () => {
    const n = leader(peers3);
    n.readIndex(9, 170);
    n.step(appendEntries({ term: 5, from: 3 }), 175);
    expect(n.takeReady().failedReads).toEqual([9]);
  });

  it('a follower refuses to serve a ReadIndex', () => {
    expect(testNode(1, peers3).readIndex(1, 10)).toBe(false);
  });

  it('followers echo readSeq in every reply', () => {
    const n = testNode(1, peers3, { term: 1 });
    n.step(appendEntries({ readSeq: 4, prevLogIndex: 3, prevLogTerm: 1 }), 10);
    expect(sent(n)).toMatchObject([{ success: false, readSeq: 4 }]);
  });
});

function ack(from: number, matchIndex: number, term = 1): AppendEntriesResponse {
  return appendReply(from, term, matchIndex);
}
function refuse(
  from: number,
  rejectedIndex: number,
  conflictTerm: number,
  conflictIndex: number,
  term = 8,
): AppendEntriesResponse {
  return appendReply(from, term, 0, { rejectedIndex, conflictTerm, conflictIndex });
}
