import { describe, expect, it } from 'vitest';
import { Membership, applyChange } from '../raft';
import { createCluster, lastIndexOf, type Cluster } from './cluster';
import { Prng } from './prng';
import { ELECTION_BOUND_MS, committedOn, proposeOnLeader, waitForLeader } from './testing';

const voters = (c: Cluster) => c.node(waitForLeader(c)).config?.voters;

describe('configurations (dissertation §4.1)', () => {
  it('changes go one server at a time, with clear refusals', () => {
    const base = { voters: [1, 2, 3], learners: [] };
    expect(applyChange(base, { kind: 'addLearner', id: 4 })).toEqual({
      voters: [1, 2, 3],
      learners: [4],
    });
    expect(applyChange({ voters: [1, 2, 3], learners: [4] }, { kind: 'promote', id: 4 })).toEqual({
      voters: [1, 2, 3, 4],
      learners: [],
    });
    expect(applyChange(base, { kind: 'remove', id: 2 })).toEqual({ voters: [1, 3], learners: [] });
    expect(applyChange(base, { kind: 'addLearner', id: 2 })).toMatch(/already in the cluster/);
    expect(applyChange(base, { kind: 'promote', id: 4 })).toMatch(/not a learner/);
    expect(applyChange({ voters: [1], learners: [] }, { kind: 'remove', id: 1 })).toMatch(
      /last voter/,
    );
  });

  it('a server uses the latest configuration in its log, committed or not, and forgets truncated ones', () => {
    const m = new Membership({ voters: [1, 2, 3], learners: [] });
    m.appended(5, { kind: 'config', voters: [1, 2, 3], learners: [4] });
    expect(m.current().learners).toEqual([4]);
    m.appended(7, { kind: 'config', voters: [1, 2, 3, 4], learners: [] });
    expect(m.at(6).voters).toEqual([1, 2, 3]);
    m.truncated(7);
    expect(m.current()).toEqual({ voters: [1, 2, 3], learners: [4] });
    m.compacted(6);
    expect(m.lastChangeIndex()).toBe(0);
    expect(m.current().learners).toEqual([4]);
  });
});

describe('membership changes in a running cluster', () => {
  it('a new server joins as a learner, catches up, becomes a voter, and counts', () => {
    const c = createCluster({ nodes: 3, seed: 51 });
    for (let k = 0; k < 50; k++) proposeOnLeader(c, k);
    c.advance(300);
    const id = c.addServer();
    expect(id).toBe(4);
    expect(c.node(waitForLeader(c)).config?.learners).toEqual([4]);
    expect(c.runUntil(() => voters(c)?.length === 4, 2_000)).toBe(true);
    const at = proposeOnLeader(c, 'with-four');
    expect(c.runUntil(() => committedOn(c, at.index, at.term) === 4, 2_000)).toBe(true);
    expect(c.node(4).config?.voters).toEqual([1, 2, 3, 4]);
    expect(c.violations()).toEqual([]);
  });

  it('grows the cluster to nine one server at a time, and refuses a tenth', () => {
    const c = createCluster({ nodes: 3, seed: 52 });
    for (let n = 4; n <= 9; n++) {
      waitForLeader(c);
      c.advance(100); // a new leader changes the membership once its no-op commits (§4.1 errata)
      c.addServer();
      expect(c.runUntil(() => voters(c)?.length === n, 3_000)).toBe(true);
      c.advance(200); // let the promotion commit before the next change
    }
    expect(() => c.addServer()).toThrow(/at most 9/);
    expect(c.violations()).toEqual([]);
  });

  it('refuses a second change while the first is not committed', () => {
    const c = createCluster({ nodes: 3, seed: 53 });
    const leader = waitForLeader(c);
    c.advance(100);
    c.removeServer(c.ids.find((x) => x !== leader)!);
    expect(() => c.addServer()).toThrow(/one at a time/);
    expect(c.inputLog().filter((i) => i.kind === 'addServer')).toEqual([]);
  });

  it('removing the leader: it commits the change, steps down, and the rest elect a leader (§4.2.2)', () => {
    const c = createCluster({ nodes: 5, seed: 54 });
    const old = waitForLeader(c);
    c.advance(200);
    c.removeServer(old);
    expect(c.runUntil(() => c.leader() !== null && c.leader() !== old, ELECTION_BOUND_MS)).toBe(
      true,
    );
    expect(c.node(old).role).toBe('follower');
    expect(voters(c)).toEqual(c.ids.filter((x) => x !== old));
    const at = proposeOnLeader(c, 'after');
    expect(c.runUntil(() => committedOn(c, at.index, at.term) >= 4, 2_000)).toBe(true);
    // The removed server never stands for election again.
    c.advance(3_000);
    expect(c.node(old).role).toBe('follower');
    expect(c.violations()).toEqual([]);
  });

  it('two servers: the leader removes itself, restarts before the other has the change, and stands again (§4.2.2)', () => {
    // §4.2.2: "A server that is not part of its own latest configuration
    // should still start new elections, as it might still be needed until the
    // C_new entry is committed. It does not count its own vote in elections
    // unless it is part of its latest configuration."
    const c = createCluster({ nodes: 2, seed: 56 });
    const old = waitForLeader(c);
    c.advance(200);
    const other = c.ids.find((x) => x !== old)!;
    c.setLink(old, other, false); // the change stays on the leader alone
    c.removeServer(old);
    c.advance(10);
    c.crash(old);
    c.restart(old);
    c.heal();
    // Only the old leader can win: the other's log lacks the change. It wins
    // with the other's vote alone, commits the change, steps down, and the
    // other leads the cluster of one.
    expect(c.runUntil(() => c.leader() === other, ELECTION_BOUND_MS)).toBe(true);
    expect(voters(c)).toEqual([other]);
    expect(c.node(old).role).toBe('follower');
    const at = proposeOnLeader(c, 'after');
    expect(c.runUntil(() => committedOn(c, at.index, at.term) >= 1, 1_000)).toBe(true);
    c.advance(3_000);
    expect(c.leader()).toBe(other); // and the removed server, knowing that, stands no more
    expect(c.violations()).toEqual([]);
  });

  it('a removed follower stays out and the four keep committing', () => {
    const c = createCluster({ nodes: 5, seed: 55 });
    const leader = waitForLeader(c);
    const gone = c.ids.find((x) => x !== leader)!;
    c.advance(100);
    c.removeServer(gone);
    c.advance(500);
    const at = proposeOnLeader(c, 'x');
    expect(c.runUntil(() => committedOn(c, at.index, at.term) >= 4, 2_000)).toBe(true);
    expect(lastIndexOf(c.node(gone))).toBeLessThan(at.index);
    expect(c.violations()).toEqual([]);
  });

  it('adding and removing servers under crashes and partitions keeps every safety property (40 seeds)', () => {
    const failed: string[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const c = createCluster({ nodes: 3, seed, dropRate: 0.02 });
      const rng = Prng.derive(seed, 'membership-test');
      for (let step = 0; step < 150; step++) {
        c.advance(rng.int(5, 60));
        const leader = c.leader();
        if (leader !== null) c.propose(leader, step);
        const r = rng.next();
        const someone = c.ids[rng.int(0, c.ids.length - 1)]!;
        try {
          if (r < 0.05 && c.ids.length < 9) c.addServer();
          else if (r < 0.08) c.removeServer(someone);
          else if (r < 0.12) c.crash(someone);
          else if (r < 0.17) c.restart(someone);
          else if (r < 0.2) c.partition([[someone], c.ids.filter((x) => x !== someone)]);
          else if (r < 0.25) c.heal();
        } catch (e) {
          // Refused membership changes (no leader, one pending) are fine here.
          if (!(e instanceof RangeError)) throw e;
        }
      }
      c.heal();
      for (const id of c.ids) if (!c.node(id).alive) c.restart(id);
      const ok = c.runUntil(() => {
        const l = c.leader();
        if (l === null) return false;
        const members = c.node(l).config?.voters ?? [];
        const last = lastIndexOf(c.node(l));
        return members.every((m) => c.node(m).commitIndex >= last);
      }, 10_000);
      if (!ok) failed.push(`seed ${seed}: no convergence`);
      for (const v of c.violations()) failed.push(`seed ${seed}: ${v.property}: ${v.detail}`);
    }
    expect(failed, failed.join('\n')).toEqual([]);
  });
});
