import { describe, expect, it } from 'vitest';
import { appendEntries, appendReply, electedLeader, sent, testNode } from './testing';
import type { AppendEntries, RequestVote } from './types';

const peers3 = [1, 2, 3];

/** An empty AppendEntries from leader `from` of `term`. */
const heartbeat = (from: number, to: number, term: number): AppendEntries =>
  appendEntries({ from, to, term });

describe('PreVote (dissertation §9.6)', () => {
  it('a timed-out follower asks for pre-votes in the next term without raising its own', () => {
    const n = testNode(1, peers3, { term: 3, votedFor: 2 }, { preVote: true });
    n.tick(150);
    expect(n.role).toBe('precandidate');
    expect([n.currentTerm, n.votedFor]).toEqual([3, 2]);
    const ready = n.takeReady();
    expect(ready.hardState).toBeNull(); // nothing to persist
    expect(
      ready.messages.map((m) => m.type === 'RequestVote' && [m.to, m.term, m.preVote]),
    ).toEqual([
      [2, 4, true],
      [3, 4, true],
    ]);
  });

  it('with a majority of pre-votes it stands for real, in the next term', () => {
    const n = testNode(1, peers3, { term: 3 }, { preVote: true });
    n.tick(150);
    n.takeReady();
    n.step(
      { type: 'RequestVoteResponse', from: 2, to: 1, term: 4, voteGranted: true, preVote: true },
      160,
    );
    expect(n.role).toBe('candidate');
    expect(n.currentTerm).toBe(4);
    expect(sent(n, 'RequestVote').every((m) => !m.preVote && m.term === 4)).toBe(true);
  });

  it('a refused pre-vote carrying a higher term makes it a follower of that term', () => {
    const n = testNode(1, peers3, { term: 3 }, { preVote: true });
    n.tick(150);
    n.step(
      { type: 'RequestVoteResponse', from: 2, to: 1, term: 9, voteGranted: false, preVote: true },
      160,
    );
    expect([n.role, n.currentTerm]).toEqual(['follower', 9]);
  });

  it('answering a pre-vote changes neither term, vote nor timer', () => {
    const n = testNode(1, peers3, { term: 3, log: [1, 3] });
    const ask: RequestVote = {
      type: 'RequestVote',
      from: 2,
      to: 1,
      term: 4,
      lastLogIndex: 2,
      lastLogTerm: 3,
      preVote: true,
      transfer: false,
    };
    n.step(ask, 100);
    expect([n.currentTerm, n.votedFor, n.nextDeadline()]).toEqual([3, null, 150]);
    expect(sent(n)).toMatchObject([
      { type: 'RequestVoteResponse', term: 4, voteGranted: true, preVote: true },
    ]);
    n.step({ ...ask, lastLogTerm: 1 }, 101);
    expect(sent(n)).toMatchObject([{ voteGranted: false, term: 3, preVote: true }]);
  });
});

describe('PreVote: a voter that hears a leader refuses (dissertation §9.6)', () => {
  // §9.6: grant a pre-vote only "if the candidate's log is sufficiently
  // up-to-date, and the voters have not received heartbeats from a valid
  // leader for at least a baseline election timeout". PreVote alone here.
  const ask = (from: number, to: number, term: number): RequestVote => ({
    type: 'RequestVote',
    from,
    to,
    term,
    lastLogIndex: 9,
    lastLogTerm: 2,
    preVote: true,
    transfer: false,
  });

  it('a follower refuses within the minimum election timeout of its leader’s heartbeat, and grants after', () => {
    const n = testNode(1, peers3, { term: 2 }, { preVote: true });
    n.step(heartbeat(2, 1, 2), 100);
    n.takeReady();
    n.step(ask(3, 1, 3), 249); // 149 ms after the heartbeat: the minimum is 150
    expect(sent(n)).toMatchObject([{ voteGranted: false, term: 2, preVote: true }]);
    n.step(ask(3, 1, 3), 250);
    expect(sent(n)).toMatchObject([{ voteGranted: true, term: 3, preVote: true }]);
  });

  it('a leader refuses: it is the valid leader', () => {
    const n = electedLeader(peers3); // answering a pre-vote needs no switch
    n.step(ask(3, 1, n.currentTerm + 1), 170);
    expect(sent(n, 'RequestVoteResponse')).toMatchObject([{ voteGranted: false }]);
    expect(n.role).toBe('leader');
  });
});

describe('CheckQuorum (dissertation §6.2)', () => {
  it('a leader that heard from no majority within an election timeout steps down', () => {
    const n = testNode(1, peers3, {}, { checkQuorum: true });
    n.tick(150);
    for (const v of sent(n, 'RequestVote'))
      n.step(
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
    expect(n.role).toBe('leader');
    n.tick(310); // 150 ms after election with no reply at all
    expect(n.role).toBe('follower');
    expect(n.currentTerm).toBe(1);
  });

  it('a follower that heard from its leader lately ignores a vote request of a higher term', () => {
    const n = testNode(1, peers3, { term: 2 }, { checkQuorum: true });
    n.step(heartbeat(2, 1, 2), 100);
    n.takeReady();
    n.step(
      {
        type: 'RequestVote',
        from: 3,
        to: 1,
        term: 5,
        lastLogIndex: 9,
        lastLogTerm: 5,
        preVote: false,
        transfer: false,
      },
      120,
    );
    expect(n.currentTerm).toBe(2);
    expect(sent(n)).toEqual([]);
    // ...but not one sent for a leadership transfer.
    n.step(
      {
        type: 'RequestVote',
        from: 3,
        to: 1,
        term: 5,
        lastLogIndex: 9,
        lastLogTerm: 5,
        preVote: false,
        transfer: true,
      },
      121,
    );
    expect(sent(n)).toMatchObject([{ voteGranted: true, term: 5 }]);
  });
});

describe('leadership transfer (dissertation §3.10)', () => {
  const leaderOf3 = () => electedLeader(peers3);
  const ack = (from: number, matchIndex: number) => appendReply(from, 1, matchIndex);

  it('brings the target up to date, then sends it TimeoutNow; takes no proposals meanwhile', () => {
    const n = leaderOf3();
    expect(n.transferLeadership(2, 170)).toBe(true);
    expect(n.transferee).toBe(2);
    expect(n.propose('x', 171)).toBeNull();
    expect(sent(n, 'TimeoutNow')).toEqual([]);
    n.step(ack(2, 1), 180);
    expect(sent(n, 'TimeoutNow')).toMatchObject([{ to: 2, term: 1 }]);
  });

  it('gives up after an election timeout and takes proposals again', () => {
    const n = leaderOf3();
    n.transferLeadership(3, 170);
    n.tick(320);
    expect(n.transferee).toBeNull();
    expect(n.propose('x', 321)).not.toBeNull();
  });

  it('TimeoutNow makes a follower stand at once, skipping PreVote', () => {
    const n = testNode(2, peers3, { term: 1 }, { preVote: true });
    n.step({ type: 'TimeoutNow', from: 1, to: 2, term: 1 }, 50);
    expect([n.role, n.currentTerm]).toEqual(['candidate', 2]);
    expect(sent(n, 'RequestVote').every((m) => m.transfer && !m.preVote)).toBe(true);
  });
});
