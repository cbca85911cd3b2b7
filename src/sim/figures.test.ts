import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from './cluster';
import { FIGURE_7, FIGURE_7_LEADER_LOG, FIGURE_8 } from './figures';
import { ELECTION_BOUND_MS, committedOn, terms, waitForLeader } from './testing';

describe("the paper's Figure 7: a new leader repairs six follower logs (Raft §5.3)", () => {
  // S1 is the leader for term 8 with the log at the top of Figure 7; S2..S7
  // hold the logs (a)..(f).
  function figure7(): Cluster {
    const c = createCluster({ nodes: 7, seed: 7, initial: FIGURE_7 });
    c.timeoutNow(1); // S1 stands for term 8 before anyone else times out
    return c;
  }

  it('S1 wins term 8 with the votes of a, b, e and f; c and d refuse (§5.4.1)', () => {
    const c = figure7();
    c.runUntil(() => c.node(1).role === 'leader', ELECTION_BOUND_MS);
    expect(c.node(1)).toMatchObject({ role: 'leader', term: 8 });
  });

  it("brings each follower's log to its own", () => {
    const c = figure7();
    c.runUntil(() => c.node(1).role === 'leader', ELECTION_BOUND_MS);
    const noop = c.node(1).log.length;
    expect(c.runUntil(() => committedOn(c, noop, 8) === 7, ELECTION_BOUND_MS)).toBe(true);
    for (const id of c.ids)
      expect(terms(c.node(id).log), `S${id}`).toEqual([...FIGURE_7_LEADER_LOG, 8]);
    expect(c.violations()).toEqual([]);
  });
});

describe("the paper's Figure 8: commit only entries of the current term by counting (Raft §5.4.2)", () => {
  // (a)-(b) happened before the run: S1 led term 2 and put index 2 on S2;
  // S5 led term 3 and put its own index 2 on itself alone. S1 is back and
  // leads term 4; with no no-op, it replicates index 2 (term 2) to S3: a
  // majority holds it. Figure 8 (c). Then S1 crashes and S5 stands again (d).
  function figure8(commitOldTermByCount: boolean): Cluster {
    const c = createCluster({
      nodes: 5,
      seed: 8,
      noopOnElection: false,
      bugs: { commitOldTermByCount },
      initial: FIGURE_8,
    });
    // S1 must reach S3 but not S4 or S5 with its entries; votes still flow.
    c.setLink(1, 4, false);
    c.setLink(1, 5, false);
    c.timeoutNow(1);
    c.runUntil(() => c.node(1).role === 'leader', ELECTION_BOUND_MS);
    expect(c.node(1).term).toBe(4);
    c.runUntil(() => c.node(3).log.length === 2, ELECTION_BOUND_MS);
    c.advance(100);
    // (d): S1 crashes; S5 (last term 3) wins with the votes of S2, S3 and S4, and overwrites index 2.
    c.crash(1);
    c.heal();
    // S5 stands twice in one instant, so it asks in term 5, above the term 4
    // that S2 and S3 voted in, before any of them times out.
    c.timeoutNow(5);
    c.timeoutNow(5);
    expect(c.runUntil(() => c.node(5).role === 'leader', ELECTION_BOUND_MS)).toBe(true);
    // A new command in S5's term lets it commit (with the bug, it commits at once by count).
    c.propose(5, 'term-5');
    c.advance(1_000);
    c.restart(1);
    c.advance(1_000);
    return c;
  }

  it('with the bug, S1 commits index 2 of term 2 and the checker reports the lost entry', () => {
    const c = figure8(true);
    const properties = new Set(c.violations().map((v) => v.property));
    expect(properties.has('State Machine Safety')).toBe(true);
    expect(properties.has('Leader Completeness')).toBe(true);
    expect(c.violations()[0]?.detail).toMatch(/seed 8/);
  });

  it('without the bug, index 2 of term 2 is never committed and no property breaks', () => {
    const c = figure8(false);
    expect(c.violations()).toEqual([]);
    // S5's entry of term 3 won; everyone ends with it.
    for (const id of c.ids) expect(terms(c.node(id).log).slice(0, 2), `S${id}`).toEqual([1, 3]);
  });
});

describe('bugs.voteWithoutLogCheck: votes without §5.4.1', () => {
  function staleCandidate(voteWithoutLogCheck: boolean): Cluster {
    const c = createCluster({ nodes: 3, seed: 9, bugs: { voteWithoutLogCheck } });
    const leader = waitForLeader(c);
    const stale = c.ids.find((id) => id !== leader)!;
    c.partition([[stale], c.ids.filter((id) => id !== stale)]);
    for (let k = 0; k < 5; k++) c.propose(leader, `w${k}`);
    c.advance(2_000); // committed on the two; the stale node keeps raising its term
    c.heal();
    c.timeoutNow(stale);
    c.advance(2_000);
    return c;
  }

  it('a candidate with a stale log wins and the checker reports Leader Completeness', () => {
    const c = staleCandidate(true);
    expect(c.violations().map((v) => v.property)).toContain('Leader Completeness');
  });

  it('without the bug, the stale candidate cannot win and nothing breaks', () => {
    const c = staleCandidate(false);
    expect(c.violations()).toEqual([]);
  });
});
