import { describe, expect, it } from 'vitest';
import { createCluster, replay, type Cluster } from './cluster';
import type { ClusterOptions } from './options';
import { runSwarmSeed } from './swarm';
import { ELECTION_BOUND_MS, committedOn, waitForLeader } from './testing';

// Scenario tests of the problems PreVote, CheckQuorum and leadership
// transfer solve (dissertation §9.6, §6.2, §3.10).

/** A follower is cut off for a while and comes back: does it unseat the leader? */
function rejoin(options: Partial<ClusterOptions>): { c: Cluster; leader: number; term: number } {
  const c = createCluster({ nodes: 3, seed: 21, ...options });
  const leader = waitForLeader(c);
  c.advance(200);
  const term = c.node(leader).term;
  const loner = c.ids.find((id) => id !== leader)!;
  c.partition([[loner], c.ids.filter((id) => id !== loner)]);
  c.advance(3_000);
  c.heal();
  c.advance(2_000);
  return { c, leader, term };
}

describe('PreVote: a rejoining server does not disrupt a healthy leader (§9.6)', () => {
  it('without PreVote, the rejoining server forces a new term', () => {
    const { c, term } = rejoin({ preVote: false });
    expect(c.node(c.leader()!).term).toBeGreaterThan(term);
  });

  it('with PreVote, the leader and its term stay', () => {
    const { c, leader, term } = rejoin({ preVote: true });
    expect(c.leader()).toBe(leader);
    expect(c.node(leader).term).toBe(term);
    expect(c.violations()).toEqual([]);
  });
});

// §9.6: a voter grants a pre-vote only "if the candidate's log is
// sufficiently up-to-date, and the voters have not received heartbeats from a
// valid leader for at least a baseline election timeout". These runs have
// PreVote alone (no CheckQuorum, no lease reads) and no writes during the
// cut, so the cut-off server's log is as up to date as anyone's: only the
// second condition keeps it from unseating the leader.
describe('PreVote alone: servers that hear a leader refuse a pre-vote (§9.6)', () => {
  it('a server cut off while nobody writes rejoins just as it times out, and the leader stays', () => {
    const options: ClusterOptions = { nodes: 3, seed: 21, preVote: true };
    // While it is cut off: when it asks for pre-votes, and when the leader's heartbeats to it are lost.
    const asked: number[] = [];
    const beats: number[] = [];
    // A drop names only the message's type: while cut off, the loner's every
    // RequestVote is a pre-vote (nothing answers it, so it never stands for real).
    const probe = createCluster(options, {
      observer: (e) => {
        if (e.kind !== 'drop' || e.reason !== 'cut') return;
        if (e.type === 'RequestVote') asked.push(e.at);
        if (e.type === 'AppendEntries' && e.from === leader) beats.push(e.at);
      },
    });
    const leader = waitForLeader(probe);
    probe.advance(200);
    const term = probe.node(leader).term;
    const loner = probe.ids.find((id) => id !== leader)!;
    probe.partition([[loner], probe.ids.filter((id) => id !== loner)]);
    probe.advance(2_000);
    // The timeout that comes soonest after a heartbeat: healed just before it,
    // its pre-votes are answered before the next heartbeat reaches it.
    const sinceBeat = (t: number) => t - Math.max(...beats.filter((b) => b <= t));
    const due = asked.reduce((best, t) => (sinceBeat(t) < sinceBeat(best) ? t : best));
    const arrivals: string[] = [];
    const c = replay(options, probe.inputLog(), due - 1, {
      observer: (e) => {
        if (e.kind === 'deliver' && e.envelope.to === loner && e.at >= due)
          arrivals.push(e.envelope.message.type);
      },
    });
    c.heal();
    c.advance(1_000);
    // The premise: an up-to-date log, and answers to its pre-votes before any heartbeat.
    expect(c.node(loner).log).toEqual(c.node(leader).log);
    expect(arrivals.slice(0, 2)).toEqual(['RequestVoteResponse', 'RequestVoteResponse']);
    expect(c.leader()).toBe(leader);
    expect(c.node(leader).term).toBe(term);
    expect(c.violations()).toEqual([]);
  });

  it('a server that cannot hear the leader (a one-way cut) keeps asking, and is refused', () => {
    const c = createCluster({ nodes: 3, seed: 23, preVote: true });
    const leader = waitForLeader(c);
    c.advance(200);
    const term = c.node(leader).term;
    const deaf = c.ids.find((id) => id !== leader)!;
    c.setLink(leader, deaf, false);
    c.advance(3_000);
    expect(c.leader()).toBe(leader);
    for (const id of c.ids) expect(c.node(id).term, `S${id}`).toBe(term);
    expect(c.node(deaf).role).toBe('precandidate');
  });
});

describe('CheckQuorum (§6.2)', () => {
  it('a leader cut off from the majority steps down; without CheckQuorum it believes it still leads', () => {
    for (const checkQuorum of [true, false]) {
      const c = createCluster({ nodes: 5, seed: 22, checkQuorum });
      const leader = waitForLeader(c);
      c.partition([[leader], c.ids.filter((id) => id !== leader)]);
      c.advance(1_000);
      expect(c.node(leader).role === 'leader').toBe(!checkQuorum);
    }
  });

  it('servers that hear their leader ignore a server that cannot (a one-way cut)', () => {
    const run = (checkQuorum: boolean) => {
      const c = createCluster({ nodes: 3, seed: 23, checkQuorum });
      const leader = waitForLeader(c);
      c.advance(200);
      const term = c.node(leader).term;
      const deaf = c.ids.find((id) => id !== leader)!;
      c.setLink(leader, deaf, false); // it cannot hear the leader, but can speak
      c.advance(3_000);
      return {
        same: c.leader() === leader && c.node(leader).term === term,
        violations: c.violations(),
      };
    };
    expect(run(true)).toEqual({ same: true, violations: [] });
    expect(run(false).same).toBe(false);
  });
});

describe('leadership transfer (§3.10)', () => {
  it('moves leadership to the chosen server, which then commits', () => {
    const c = createCluster({ nodes: 5, seed: 24 });
    const leader = waitForLeader(c);
    const target = c.ids.find((id) => id !== leader)!;
    c.transferLeadership(leader, target);
    expect(c.propose(leader, 'during')).toBeNull();
    expect(c.runUntil(() => c.leader() === target, 1_000)).toBe(true);
    const at = c.propose(target, 'after')!;
    expect(c.runUntil(() => committedOn(c, at.index, at.term) === 5, 1_000)).toBe(true);
    expect(c.violations()).toEqual([]);
  });

  it('catches up a lagging target first', () => {
    const c = createCluster({ nodes: 3, seed: 25 });
    const leader = waitForLeader(c);
    const target = c.ids.find((id) => id !== leader)!;
    c.crash(target);
    for (let k = 0; k < 100; k++) c.propose(leader, k);
    c.advance(300);
    c.restart(target);
    c.transferLeadership(leader, target);
    expect(c.runUntil(() => c.leader() === target, ELECTION_BOUND_MS)).toBe(true);
    expect(c.node(target).log.length).toBeGreaterThanOrEqual(101);
    expect(c.violations()).toEqual([]);
  });

  it('to a crashed server, gives up after an election timeout and leads on', () => {
    const c = createCluster({ nodes: 3, seed: 26 });
    const leader = waitForLeader(c);
    const target = c.ids.find((id) => id !== leader)!;
    c.crash(target);
    c.transferLeadership(leader, target);
    c.advance(400);
    expect(c.leader()).toBe(leader);
    expect(c.propose(leader, 'x')).not.toBeNull();
  });
});

describe('swarm with PreVote and CheckQuorum on', () => {
  it('keeps every safety property and converges after healing (100 seeds)', () => {
    const failed: string[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const r = runSwarmSeed(seed, {}, { recentEvents: 0 }, { preVote: true, checkQuorum: true });
      if (!r.ok) failed.push(`seed ${seed}: ${r.failures.join('; ')}`);
    }
    expect(failed, failed.join('\n')).toEqual([]);
  });
});
