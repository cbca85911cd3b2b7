import { describe, expect, it } from 'vitest';
import { Progress } from './progress';
import { ProgressTracker } from './tracker';

/** A leader S1 of voters 1..5 whose followers acknowledged `match[i]` (S2..S5). */
function leaderWith(match: readonly number[]): ProgressTracker {
  const t = new ProgressTracker(1);
  t.resetProgress([2, 3, 4, 5], 1);
  match.forEach((m, k) => {
    if (m > 0) t.get(k + 2)?.acknowledge(m);
  });
  return t;
}

describe('ProgressTracker: one count of the voters for every quorum', () => {
  it('commits the index the third-highest of five holds, the leader counting its last index (§5.3)', () => {
    expect(leaderWith([3, 1, 0, 0]).committed([1, 2, 3, 4, 5], 9)).toBe(1);
    expect(leaderWith([3, 2, 0, 0]).committed([1, 2, 3, 4, 5], 9)).toBe(2);
  });

  it('counts no one outside the voters: a leader removing itself does not count itself (§4.2.2)', () => {
    const t = leaderWith([3, 2, 0, 0]);
    expect(t.committed([2, 3, 4, 5], 9)).toBe(0);
    expect(t.committed([2, 3, 4], 9)).toBe(2);
  });

  it('finds a quorum active only when a majority, counting the leader, was heard from (§6.2)', () => {
    const t = leaderWith([0, 0, 0, 0]);
    t.get(2)?.heard(0, 0);
    expect(t.quorumActive([1, 2, 3, 4, 5])).toBe(false);
    t.get(4)?.heard(0, 0);
    expect(t.quorumActive([1, 2, 3, 4, 5])).toBe(true);
    t.clearRecentActive();
    expect(t.quorumActive([1, 2, 3, 4, 5])).toBe(false);
  });

  it('confirms the ReadIndex round and the lease start a majority acknowledged (§6.4, §6.4.1)', () => {
    const t = leaderWith([0, 0, 0, 0]);
    t.get(2)?.heard(4, 100);
    t.get(3)?.heard(2, 300);
    expect(t.readAcked([1, 2, 3, 4, 5])).toBe(2);
    expect(t.ackedSentAtMs([1, 2, 3, 4, 5], 500)).toBe(100);
  });

  it('wins an election with a majority of the voters, and a learner’s vote does not count (§5.2, §4.2.1)', () => {
    const t = new ProgressTracker(1);
    t.resetVotes();
    t.recordVote(4, true); // S4 is a learner
    expect(t.tallyVotes([1, 2, 3])).toBe('pending');
    t.recordVote(2, false);
    t.recordVote(3, false);
    expect(t.tallyVotes([1, 2, 3])).toBe('lost');
    t.recordVote(3, true);
    expect(t.tallyVotes([1, 2, 3])).toBe('won');
  });
});

describe('Progress keeps matchIndex < nextIndex and never lowers matchIndex', () => {
  it('ignores an older acknowledgement and never backs up to or below matchIndex', () => {
    const pr = new Progress(1);
    expect(pr.acknowledge(5)).toBe(true);
    expect(pr.acknowledge(3)).toBe(false);
    pr.backUp(2);
    expect([pr.matchIndex, pr.nextIndex, pr.state]).toEqual([5, 6, 'probe']);
  });

  it('refuses to start at nextIndex 0, where matchIndex 0 would not be below it', () => {
    expect(() => new Progress(0)).toThrow(/matchIndex 0 >= nextIndex 0/);
  });
});
