import { describe, expect, it } from 'vitest';
import { appendEntries, appendReply, electedLeader, sent, testNode } from './testing';
import type { RequestVote } from './types';

/** A RequestVote from S2 to S1 in `term`, with a log as long as S1's [1, 1]. */
function voteRequest(term: number, preVote = false): RequestVote {
  return {
    type: 'RequestVote',
    from: 2,
    to: 1,
    term,
    lastLogIndex: 2,
    lastLogTerm: 1,
    preVote,
    transfer: false,
  };
}

// Reference: dissertation §3.8 (a server that loses persistent state cannot
// rejoin with its identity) and §5.4 (Leader Completeness); node.ts, catchingUp.
describe('a server whose disk lost records rejoins catching up', () => {
  it('grants no vote or pre-vote that a server with the same log grants', () => {
    for (const preVote of [false, true]) {
      const plain = testNode(1, [1, 2, 3], { term: 1, log: [1, 1] });
      plain.step(voteRequest(2, preVote), 10);
      const repaired = testNode(1, [1, 2, 3], { term: 1, log: [1, 1], catchingUp: true });
      repaired.step(voteRequest(2, preVote), 10);
      expect(sent(plain, 'RequestVoteResponse')[0]?.voteGranted).toBe(true);
      expect(sent(repaired, 'RequestVoteResponse')[0]?.voteGranted).toBe(false);
    }
  });

  it('stands for no election while it catches up', () => {
    const plain = testNode(1, [1, 2, 3], { term: 1, log: [1, 1] });
    const repaired = testNode(1, [1, 2, 3], { term: 1, log: [1, 1], catchingUp: true });
    plain.tick(400);
    repaired.tick(400);
    expect(sent(plain, 'RequestVote')).toHaveLength(2);
    expect(sent(repaired, 'RequestVote')).toHaveLength(0);
    expect(repaired.role).toBe('follower');
  });

  it('says so in its refusals, and only then', () => {
    const plain = testNode(1, [1, 2, 3], { term: 1, log: [1] });
    const repaired = testNode(1, [1, 2, 3], { term: 1, log: [1], catchingUp: true });
    const ahead = appendEntries({ prevLogIndex: 3, prevLogTerm: 1, leaderCommit: 3 });
    plain.step(ahead, 10);
    repaired.step(ahead, 10);
    const [a] = sent(plain, 'AppendEntriesResponse');
    const [b] = sent(repaired, 'AppendEntriesResponse');
    expect(a).not.toHaveProperty('catchingUp');
    expect(b).toMatchObject({ success: false, catchingUp: true, conflictIndex: 2 });
  });

  it('votes again once its log reaches the leader commit of an AppendEntries it accepts', () => {
    const n = testNode(1, [1, 2, 3], { term: 1, log: [1], catchingUp: true });
    // Commit 3 is beyond what this message brings (up to 2): still catching up.
    n.step(
      appendEntries({
        prevLogIndex: 1,
        prevLogTerm: 1,
        entries: [{ index: 2, term: 1, command: 'c2' }],
        leaderCommit: 3,
      }),
      10,
    );
    expect(n.catchingUp).toBe(true);
    n.step(
      appendEntries({
        prevLogIndex: 2,
        prevLogTerm: 1,
        entries: [{ index: 3, term: 1, command: 'c3' }],
        leaderCommit: 3,
      }),
      20,
    );
    expect(n.catchingUp).toBe(false);
    sent(n);
    n.step({ ...voteRequest(2), lastLogIndex: 3 }, 400);
    expect(sent(n, 'RequestVoteResponse')[0]?.voteGranted).toBe(true);
  });

  it('a leader backs up below matchIndex for a follower catching up, and for no other', () => {
    const refusal = { rejectedIndex: 3, conflictTerm: 0, conflictIndex: 2 };
    const run = (catchingUp: boolean) => {
      const leader = electedLeader([1, 2, 3], { term: 1, log: [1, 1] });
      // S2 acknowledged the leader's whole log: the two entries and the no-op.
      leader.step(appendReply(2, leader.currentTerm, 3), 170);
      sent(leader);
      const reply = appendReply(2, leader.currentTerm, 0, refusal);
      leader.step(catchingUp ? { ...reply, catchingUp: true } : reply, 180);
      return { appends: sent(leader, 'AppendEntries'), progress: leader.progress(2) };
    };
    // Without the flag, a refusal at matchIndex is a stale reply: ignored.
    expect(run(false).appends).toEqual([]);
    expect(run(false).progress?.matchIndex).toBe(3);
    const { appends, progress } = run(true);
    expect(progress?.matchIndex).toBe(1);
    expect(appends.map((m) => [m.to, m.prevLogIndex, m.entries.map((e) => e.index)])).toEqual([
      [2, 1, [2, 3]],
    ]);
  });
});
