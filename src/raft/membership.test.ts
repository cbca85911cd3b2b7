import { describe, expect, it } from 'vitest';
import type { RaftNode } from './node';
import { appendEntries, appendReply, electedLeader, sent, testNode } from './testing';
import type { AppendEntries, LogEntry } from './types';

/** An AppendEntries from S2, leader of `term`. */
function fromS2(term: number, rest: Partial<AppendEntries> = {}): AppendEntries {
  return appendEntries({ term, ...rest });
}

/**
 * S1 led {S1, S2} in term 1 and appended a change removing itself (index 2,
 * uncommitted); then it heard of S2 leading term 2 and became its follower.
 */
function removedLeaderNowFollower(): RaftNode {
  const n = electedLeader([1, 2]);
  n.step(appendReply(2, 1, 1), 165); // its no-op commits (the errata to §4.1)
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
    expect([n.role, n.clusterConfig.voters, n.commitIndex]).toEqual(['follower', [2], 1]);
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

describe('quorums of the configuration in effect (dissertation §4.1, §4.2.2)', () => {
  it('a leader removing itself commits the change with a majority of the others, not counting itself', () => {
    // §4.2.2: the leader "replicates log entries but does not count itself in majorities".
    const n = electedLeader([1, 2, 3]);
    n.step(appendReply(2, 1, 1), 165);
    n.step(appendReply(3, 1, 1), 166);
    const at = n.changeMembership({ kind: 'remove', id: 1 }, 170);
    expect(at).toEqual({ index: 2, term: 1 });
    n.step(appendReply(2, 1, 2), 180);
    expect(n.commitIndex).toBe(1); // itself and S2 are a majority of {1, 2, 3}, not of {2, 3}
    n.step(appendReply(3, 1, 2), 181);
    expect(n.commitIndex).toBe(2);
    expect(n.role).toBe('follower'); // and, the change committed, it steps down
  });

  it('a learner is not counted in a quorum (§4.2.1: "not considered for majorities")', () => {
    const n = electedLeader([1, 2]);
    n.step(appendReply(2, 1, 1), 165);
    n.changeMembership({ kind: 'addLearner', id: 3 }, 170);
    const at = n.propose('x', 171)!;
    n.step(appendReply(3, 1, at.index), 180);
    expect(n.commitIndex).toBe(1); // with the learner's copy, ours would be two of three
    n.step(appendReply(2, 1, at.index), 181);
    expect(n.commitIndex).toBe(at.index);
  });

  it('a learner becomes a voter only once it has caught up with commitIndex (§4.2.1)', () => {
    const n = electedLeader([1, 2]);
    n.step(appendReply(2, 1, 1), 165);
    n.changeMembership({ kind: 'addLearner', id: 3 }, 170);
    n.step(appendReply(2, 1, 2), 175); // the change commits: index 2
    n.step(appendReply(3, 1, 1), 180);
    expect(n.clusterConfig).toEqual({ voters: [1, 2], learners: [3] });
    n.step(appendReply(3, 1, 2), 185);
    expect(n.clusterConfig).toEqual({ voters: [1, 2, 3], learners: [] });
  });

  it('leadership goes to no learner and no stranger (as etcd refuses a transfer to a learner)', () => {
    const n = electedLeader([1, 2, 3]);
    n.step(appendReply(2, 1, 1), 165);
    n.changeMembership({ kind: 'addLearner', id: 4 }, 170);
    expect(n.transferLeadership(4, 171)).toBe(false);
    expect(n.transferLeadership(7, 172)).toBe(false);
    expect(n.transferLeadership(2, 173)).toBe(true);
  });
});

describe('snapshots and configurations (dissertation §5.1)', () => {
  it('a snapshot holds the configuration as of its last index, and InstallSnapshot carries it', () => {
    // §5.1: the snapshot's metadata includes "the latest configuration as of the last included index".
    const n = electedLeader([1, 2]);
    n.step(appendReply(2, 1, 1), 165);
    n.changeMembership({ kind: 'addLearner', id: 3 }, 170);
    n.step(appendReply(2, 1, 2), 175);
    n.takeReady(); // applies up to 2
    n.compact(2, 'state');
    const config = { voters: [1, 2], learners: [3] };
    expect(n.snapshot).toMatchObject({ index: 2, config });
    n.step(appendReply(3, 1, 0, { rejectedIndex: 2, conflictTerm: 0, conflictIndex: 1 }), 180);
    expect(sent(n, 'InstallSnapshot')).toMatchObject([{ to: 3, lastIncludedIndex: 2, config }]);
  });
});

describe('a new leader and membership changes (the 2015 errata to dissertation §4.1)', () => {
  // The errata: a leader appends a configuration entry only once an entry of
  // its own term has committed; before that, an uncommitted change of an
  // earlier leader it does not hold could still commit and race its own.
  it('refuses a change until its own term has a committed entry, then accepts it', () => {
    const n = electedLeader([1, 2, 3]);
    const refused = n.changeMembership({ kind: 'addLearner', id: 4 }, 161);
    expect(refused).toMatch(/has not yet committed an entry of its term 1/);
    expect(n.log.lastIndex()).toBe(1); // only the no-op: nothing was appended
    n.step(appendReply(2, 1, 1), 165); // the no-op commits with S2's copy
    expect(n.changeMembership({ kind: 'addLearner', id: 4 }, 170)).toEqual({ index: 2, term: 1 });
  });

  it('an entry committed in an earlier term does not count for the new one', () => {
    const n = electedLeader([1, 2, 3], { term: 1, log: [1] });
    n.step(appendReply(2, 2, 1), 165); // index 1 (term 1) is on a majority, but only index 2 is of term 2
    expect(n.changeMembership({ kind: 'addLearner', id: 4 }, 170)).toMatch(/term 2/);
    n.step(appendReply(2, 2, 2), 175);
    expect(n.commitIndex).toBe(2);
    expect(n.changeMembership({ kind: 'addLearner', id: 4 }, 180)).toEqual({ index: 3, term: 2 });
  });
});
