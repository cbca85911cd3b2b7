import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { Prng } from './prng';
import {
  ELECTION_BOUND_MS,
  committedOn,
  proposeOnLeader,
  waitCommittedEverywhere,
  waitForLeader,
} from './testing';

// Scenario tests in the manner of well-known Raft lab suites: each runs a
// small cluster through one story and checks the outcome and that no safety
// property broke on the way.

describe('leader election (Raft §5.2)', () => {
  it('elects one leader at the start, and keeps it while nothing fails', () => {
    const c = createCluster({ nodes: 3, seed: 1 });
    const leader = waitForLeader(c);
    const term = c.node(leader).term;
    c.advance(5_000);
    expect(c.leader()).toBe(leader);
    expect(c.node(leader).term).toBe(term);
    expect(c.ids.filter((id) => c.node(id).role === 'leader')).toEqual([leader]);
    expect(c.violations()).toEqual([]);
  });

  it('re-elects after the leader is cut off, and the old leader rejoins as a follower', () => {
    const c = createCluster({ nodes: 3, seed: 2 });
    const first = waitForLeader(c);
    c.partition([c.ids.filter((id) => id !== first), [first]]);
    expect(
      c.runUntil(
        () =>
          c.leader() !== null &&
          c.leader() !== first &&
          c.node(c.leader()!).term > c.node(first).term,
        ELECTION_BOUND_MS,
      ),
    ).toBe(true);
    const second = c.leader()!;
    c.heal();
    c.advance(1_000);
    expect(c.node(first).role).toBe('follower');
    expect(c.leader()).toBe(second);
    expect(c.violations()).toEqual([]);
  });

  it('has no leader without a majority, and elects one when the majority returns', () => {
    const c = createCluster({ nodes: 3, seed: 3 });
    const first = waitForLeader(c);
    const [a, b] = c.ids.filter((id) => id !== first) as [number, number];
    c.partition([[first], [a], [b]]);
    c.advance(2_000);
    const leaders = c.ids.filter((id) => c.node(id).role === 'leader');
    // The old leader may still believe it leads (no CheckQuorum yet), but nobody new is elected.
    expect(leaders.filter((id) => id !== first)).toEqual([]);
    c.partition([[first], [a, b]]);
    expect(c.runUntil(() => c.leader() === a || c.leader() === b, ELECTION_BOUND_MS)).toBe(true);
    expect(c.violations()).toEqual([]);
  });

  it('keeps electing leaders through many rounds of random minorities cut off', () => {
    const c = createCluster({ nodes: 7, seed: 4 });
    const pick = Prng.derive(4, 'test');
    waitForLeader(c);
    for (let round = 0; round < 10; round++) {
      const cut = new Set<number>();
      while (cut.size < 3) cut.add(pick.int(1, 7));
      c.partition([c.ids.filter((id) => !cut.has(id)), ...[...cut].map((id) => [id])]);
      expect(
        c.runUntil(() => c.leader() !== null && !cut.has(c.leader()!), ELECTION_BOUND_MS),
      ).toBe(true);
      c.heal();
      c.advance(pick.int(0, 500));
    }
    waitForLeader(c);
    expect(c.violations()).toEqual([]);
  });

  it('resolves a split vote by randomized timeouts (§5.2)', () => {
    // Four nodes time out together in the same instant: nobody can win term 1.
    const c = createCluster({ nodes: 4, seed: 5 });
    for (const id of c.ids) c.timeoutNow(id);
    c.advance(100);
    expect(c.leader()).toBeNull();
    const leader = waitForLeader(c);
    expect(c.node(leader).term).toBeGreaterThan(1);
    expect(c.violations()).toEqual([]);
  });
});

describe('log replication (Raft §5.3)', () => {
  it('commits a proposal on every node', () => {
    const c = createCluster({ nodes: 5, seed: 10 });
    const at = proposeOnLeader(c, 'hello');
    waitCommittedEverywhere(c, at);
    for (const id of c.ids) expect(c.node(id).log[at.index - 1]?.command).toBe('hello');
    expect(c.violations()).toEqual([]);
  });

  it('agrees despite a failed follower, and the follower catches up when it returns', () => {
    const c = createCluster({ nodes: 3, seed: 11 });
    const leader = waitForLeader(c);
    const follower = c.ids.find((id) => id !== leader)!;
    c.crash(follower);
    const at = proposeOnLeader(c, 'while-down');
    c.runUntil(() => committedOn(c, at.index, at.term) === 2, 1_000);
    expect(committedOn(c, at.index, at.term)).toBe(2);
    c.restart(follower);
    waitCommittedEverywhere(c, at);
    expect(c.violations()).toEqual([]);
  });

  it('does not commit without a majority, then commits once the majority is back', () => {
    const c = createCluster({ nodes: 5, seed: 12 });
    const leader = waitForLeader(c);
    const others = c.ids.filter((id) => id !== leader);
    for (const id of others.slice(0, 3)) c.crash(id);
    const at = c.propose(leader, 'lonely')!;
    c.advance(2_000);
    expect(c.node(leader).commitIndex).toBeLessThan(at.index);
    for (const id of others.slice(0, 3)) c.restart(id);
    c.advance(3_000);
    const l = waitForLeader(c);
    const later = c.propose(l, 'after')!;
    waitCommittedEverywhere(c, later);
    expect(c.violations()).toEqual([]);
  });

  it('commits many proposals made in the same instant, in order', () => {
    const c = createCluster({ nodes: 3, seed: 13 });
    const leader = waitForLeader(c);
    const ats = Array.from({ length: 200 }, (_, k) => c.propose(leader, k)!);
    expect(ats.map((a) => a.index)).toEqual(ats.map((_, k) => ats[0]!.index + k));
    waitCommittedEverywhere(c, ats.at(-1)!);
    const log = c.node(c.ids.find((id) => id !== leader)!).log;
    expect(log.slice(ats[0]!.index - 1).map((e) => e.command)).toEqual(ats.map((_, k) => k));
    expect(c.violations()).toEqual([]);
  });

  it('a rejoining stale leader has its uncommitted entries replaced', () => {
    const c = createCluster({ nodes: 5, seed: 14 });
    const old = waitForLeader(c);
    c.partition([[old], c.ids.filter((id) => id !== old)]);
    for (let k = 0; k < 5; k++) c.propose(old, `lost-${k}`);
    c.runUntil(
      () =>
        c.leader() !== null && c.leader() !== old && c.node(c.leader()!).term > c.node(old).term,
      ELECTION_BOUND_MS,
    );
    const at = proposeOnLeader(c, 'kept');
    c.runUntil(() => committedOn(c, at.index, at.term) >= 3, 1_000);
    c.heal();
    waitCommittedEverywhere(c, at);
    expect(
      c.node(old).log.some((e) => typeof e.command === 'string' && e.command.startsWith('lost')),
    ).toBe(false);
    expect(c.violations()).toEqual([]);
  });

  it('backs up fast over long divergent logs', () => {
    // As the "backup" test of the MIT 6.824 lab: a leader and one follower
    // gather 50 uncommitted entries; the other three commit 50 others; then
    // the groups swap and the cluster must converge.
    const c = createCluster({ nodes: 5, seed: 15 });
    const l1 = waitForLeader(c);
    const f1 = c.ids.find((id) => id !== l1)!;
    const rest = c.ids.filter((id) => id !== l1 && id !== f1);
    c.partition([[l1, f1], rest]);
    for (let k = 0; k < 50; k++) c.propose(l1, `stale-${k}`);
    c.advance(500);
    c.runUntil(
      () => rest.includes(c.leader() ?? 0) && c.node(c.leader()!).term > c.node(l1).term,
      ELECTION_BOUND_MS,
    );
    const l2 = c.leader()!;
    let last = { index: 0, term: 0 };
    for (let k = 0; k < 50; k++) last = c.propose(l2, `good-${k}`)!;
    c.runUntil(() => committedOn(c, last.index, last.term) >= 3, 2_000);
    c.partition([[l1, f1, ...rest.filter((id) => id !== l2)], [l2]]);
    const before = c.stats().byType.AppendEntries ?? 0;
    const term2 = c.node(l2).term;
    expect(
      c.runUntil(
        () => c.leader() !== l2 && c.node(c.leader() ?? l2).term > term2,
        ELECTION_BOUND_MS,
      ),
    ).toBe(true);
    const l3 = c.leader()!;
    const final = c.propose(l3, 'final')!;
    expect(c.runUntil(() => committedOn(c, final.index, final.term) === 4, 5_000)).toBe(true);
    c.heal();
    waitCommittedEverywhere(c, final, 5_000);
    for (const id of c.ids) {
      expect(c.node(id).log.filter((e) => String(e.command).startsWith('stale'))).toEqual([]);
    }
    // Fast backup: a term per round trip, not an entry per round trip.
    expect((c.stats().byType.AppendEntries ?? 0) - before).toBeLessThan(600);
    expect(c.violations()).toEqual([]);
  });

  it('survives the restart of every node with its committed log', () => {
    const c = createCluster({ nodes: 5, seed: 16 });
    let at = proposeOnLeader(c, 'a');
    waitCommittedEverywhere(c, at);
    for (const id of c.ids) c.crash(id);
    c.advance(100);
    for (const id of c.ids) c.restart(id);
    at = proposeOnLeader(c, 'b');
    waitCommittedEverywhere(c, at);
    for (const id of c.ids) expect(c.node(id).log.map((e) => e.command)).toContain('a');
    expect(c.violations()).toEqual([]);
  });

  it('makes progress with 5% of messages dropped and 5% duplicated', () => {
    const c = createCluster({ nodes: 5, seed: 17, dropRate: 0.05, duplicateRate: 0.05 });
    let at = { index: 0, term: 0 };
    for (let k = 0; k < 100; k++) {
      const l = waitForLeader(c);
      at = c.propose(l, k) ?? at;
      c.advance(10);
    }
    c.setDropRate(0);
    waitCommittedEverywhere(c, proposeOnLeader(c, 'end'));
    expect(c.stats().dropped).toBeGreaterThan(0);
    expect(c.violations()).toEqual([]);
  });
});

describe('the headless API', () => {
  it('rejects impossible options and inputs with a clear message, changing nothing', () => {
    expect(() => createCluster({ nodes: 10, seed: 1 })).toThrow(/1 to 9 nodes/);
    expect(() => createCluster({ nodes: 3, seed: -1 })).toThrow(/seed/);
    expect(() => createCluster({ nodes: 3, seed: 1, latencyMs: [0, 5] })).toThrow(/latency/);
    expect(() => createCluster({ nodes: 3, seed: 1, dropRate: 2 })).toThrow(/drop rate/);
    const c = createCluster({ nodes: 3, seed: 1 });
    expect(() => c.crash(4)).toThrow(/no server S4/);
    expect(() => c.setLink(1, 1, false)).toThrow(/two different servers/);
    expect(c.inputLog()).toEqual([]);
  });

  it('node views are snapshots: a log read earlier does not change under the reader', () => {
    const c = createCluster({ nodes: 3, seed: 1 });
    const at = proposeOnLeader(c, 'x');
    const before = c.node(at.index === 0 ? 1 : c.leader()!).log;
    const length = before.length;
    proposeOnLeader(c, 'y');
    c.advance(500);
    expect(before).toHaveLength(length);
    expect(Object.isFrozen(before)).toBe(true);
  });

  it('reports a crashed node from its disk, with volatile state gone', () => {
    const c = createCluster({ nodes: 3, seed: 1 });
    const at = proposeOnLeader(c, 'x');
    waitCommittedEverywhere(c, at);
    c.crash(2);
    expect(c.node(2)).toMatchObject({
      alive: false,
      role: 'follower',
      commitIndex: 0,
      lastApplied: 0,
    });
    expect(c.node(2).log).toHaveLength(at.index);
    expect(c.propose(2, 'y')).toBeNull();
  });

  it('one-way cuts: a node that cannot hear the leader starts elections, one that cannot speak does not', () => {
    const c = createCluster({ nodes: 3, seed: 18 });
    const leader = waitForLeader(c);
    const [a, b] = c.ids.filter((id) => id !== leader) as [number, number];
    c.setLink(leader, a, false); // a hears nothing from the leader
    c.setLink(b, leader, false); // the leader hears nothing from b
    expect(c.isLinkUp(leader, a)).toBe(false);
    c.advance(2_000);
    expect(c.node(a).term).toBeGreaterThan(1);
    expect(c.violations()).toEqual([]);
  });
});
