import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import {
  ELECTION_BOUND_MS,
  committedOn,
  proposeOnLeader,
  waitCommittedEverywhere,
  waitForLeader,
} from './testing';

// Scenarios in the manner of etcd's raft tests, run through the headless
// API: each is a story with an outcome the paper decides.

describe('elections', () => {
  it('dueling candidates: the one with the stale log cannot win when the network heals (§5.4.1)', () => {
    const c = createCluster({ nodes: 3, seed: 61 });
    c.setLink(1, 3, false);
    c.setLink(3, 1, false);
    c.timeoutNow(1);
    expect(c.runUntil(() => c.node(1).role === 'leader', 1_000)).toBe(true);
    const at = c.propose(1, 'x')!;
    c.runUntil(() => committedOn(c, at.index, at.term) === 2, 1_000);
    c.timeoutNow(3); // S3 stands with a higher term but an older log
    c.timeoutNow(3);
    c.heal();
    // S3's higher term unseats S1, but S3 cannot win: it lacks the committed entry.
    c.runUntil(
      () => c.leader() !== null && c.node(c.leader()!).term >= c.node(3).term,
      ELECTION_BOUND_MS,
    );
    expect(c.leader()).not.toBe(3);
    waitCommittedEverywhere(c, proposeOnLeader(c, 'y'));
    expect(c.node(3).log.map((e) => e.command)).toContain('x');
    expect(c.violations()).toEqual([]);
  });

  it('a single server commits at once', () => {
    const c = createCluster({ nodes: 1, seed: 62 });
    const at = proposeOnLeader(c, 'solo');
    expect(c.node(1).commitIndex).toBe(at.index);
  });

  it('a candidate stuck with a higher term rejoins with CheckQuorum on, and the cluster still has one leader', () => {
    const c = createCluster({ nodes: 3, seed: 63, checkQuorum: true });
    const leader = waitForLeader(c);
    const loner = c.ids.find((id) => id !== leader)!;
    c.partition([[loner], c.ids.filter((id) => id !== loner)]);
    c.advance(3_000);
    expect(c.node(loner).term).toBeGreaterThan(c.node(leader).term);
    c.heal();
    c.advance(3_000);
    const l = waitForLeader(c);
    expect(c.node(loner).term).toBeLessThanOrEqual(c.node(l).term);
    waitCommittedEverywhere(c, proposeOnLeader(c, 'after'));
    expect(c.violations()).toEqual([]);
  });
});

describe('commitment (§5.4.2)', () => {
  it("without a no-op, a new leader cannot commit its predecessor's entries until it commits one of its own", () => {
    const c = createCluster({ nodes: 5, seed: 64, noopOnElection: false });
    const first = waitForLeader(c);
    // The old leader puts an entry on one follower only, then is cut off.
    const helper = c.ids.find((id) => id !== first)!;
    for (const id of c.ids) if (id !== first && id !== helper) c.setLink(first, id, false);
    const old = c.propose(first, 'old')!;
    c.runUntil(() => c.node(helper).log.length >= old.index, 1_000);
    c.partition([[first], c.ids.filter((id) => id !== first)]);
    c.timeoutNow(helper);
    expect(c.runUntil(() => c.leader() === helper, ELECTION_BOUND_MS)).toBe(true);
    c.advance(1_000);
    expect(c.node(helper).commitIndex).toBeLessThan(old.index); // the classic stall
    const mine = c.propose(helper, 'new')!;
    expect(c.runUntil(() => c.node(helper).commitIndex >= mine.index, 1_000)).toBe(true);
    expect(c.node(helper).log[old.index - 1]?.command).toBe('old'); // committed with it
    expect(c.violations()).toEqual([]);
  });

  it('old messages from an earlier term change nothing', () => {
    const c = createCluster({ nodes: 3, seed: 65, duplicateRate: 0.3, latencyMs: [1, 80] });
    for (let k = 0; k < 30; k++) {
      const l = waitForLeader(c);
      c.propose(l, k);
      if (k % 10 === 5) c.timeoutNow(c.ids.find((id) => id !== l)!);
      c.advance(20);
    }
    c.setDuplicateRate(0);
    waitCommittedEverywhere(c, proposeOnLeader(c, 'end'), 5_000);
    expect(c.violations()).toEqual([]);
  });
});

describe('leadership transfer with CheckQuorum', () => {
  it("a transfer is not ignored by servers in the old leader's lease", () => {
    const c = createCluster({ nodes: 3, seed: 66, checkQuorum: true, preVote: true });
    const leader = waitForLeader(c);
    c.advance(200);
    const target = c.ids.find((id) => id !== leader)!;
    c.transferLeadership(leader, target);
    expect(c.runUntil(() => c.leader() === target, 1_000)).toBe(true);
    expect(c.violations()).toEqual([]);
  });
});
