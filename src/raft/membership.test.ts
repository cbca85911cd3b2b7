import { describe, expect, it } from 'vitest';
import type { RaftNode } from './node';
import { electedLeader, sent, testNode } from './testing';
import type { AppendEntries, LogEntry } from './types';

/** An AppendEntries from S2, leader of `term`. */
function fromS2(term: number, rest: Partial<AppendEntries> = {}): AppendEntries {
  return {
    type: 'AppendEntries',
    from: 2,
    to: 1,
    term,
    prevLogIndex: 0,
    prevLogTerm: 0,
    entries: [],
    leaderCommit: 0,
    readSeq: 0,
    sentAtMs: 0,
    ...rest,
  };
}

/**
 * S1 led {S1, S2} in term 1 and appended a change removing itself (index 2,
 * uncommitted); then it heard of S2 leading term 2 and became its follower.
 */
function removedLeaderNowFollower(): RaftNode {
  const n = electedLeader([1, 2]);
  n.changeMembership({ kind: 'remove', id: 1 }, 170);
  n.step(fromS2(2), 180);
  n.takeReady();
  return n;
}

describe('elections by a server its latest configuration leaves out (dissertation §4.2.2)', () => {
  // §4.2.2: "A server that is not part of its own latest configuration should
  // still start new elections, as it might still be needed until the C_new
  // entry is committed. It does not count its own vote in elections unless it
  // is part of its latest configuration."
  it('stands while the change removing it is not known to be committed, asking only the voters', () => {
    const n = removedLeaderNowFollower();
    expect([n.role, n.clusterConfig.voters, n.commitIndex]).toEqual(['follower', [2], 0]);
    n.tick(n.nextDeadline());
    expect([n.role, n.currentTerm]).toEqual(['candidate', 3]);
    expect(sent(n, 'RequestVote').map((m) => m.to)).toEqual([2]);
  });

  it('does not count its own vote: it wins with the votes of its configuration alone', () => {
    const n = removedLeaderNowFollower();
    n.tick(n.nextDeadline());
    n.takeReady();
    n.step(
      { type: 'RequestVoteResponse', from: 2, to: 1, term: 3, voteGranted: false, preVote: false },
      n.nextDeadline() - 1,
    );
    expect(n.role).toBe('candidate'); // counting its own vote, it would have led {S2} at once
    const again = removedLeaderNowFollower();
    again.tick(again.nextDeadline());
    again.step(
      { type: 'RequestVoteResponse', from: 2, to: 1, term: 3, voteGranted: true, preVote: false },
      again.nextDeadline() - 1,
    );
    expect(again.role).toBe('leader');
  });

  it('stands no more once it knows the change committed', () => {
    const n = removedLeaderNowFollower();
    n.step(fromS2(2, { prevLogIndex: 2, prevLogTerm: 1, leaderCommit: 2 }), 190);
    expect(n.commitIndex).toBe(2);
    n.takeReady();
    n.tick(n.nextDeadline());
    expect([n.role, n.currentTerm]).toEqual(['follower', 2]);
    expect(sent(n, 'RequestVote')).toEqual([]);
  });

  it('a learner never stands (the choice made: it is needed by no election)', () => {
    const learner = testNode(1, []);
    const config: LogEntry = {
      index: 1,
      term: 1,
      command: { kind: 'config', voters: [2, 3, 4], learners: [1] },
    };
    learner.step(fromS2(1, { entries: [config] }), 10);
    learner.takeReady();
    learner.tick(learner.nextDeadline());
    expect([learner.role, learner.currentTerm]).toEqual(['follower', 1]);
    expect(sent(learner, 'RequestVote')).toEqual([]);
  });
});
