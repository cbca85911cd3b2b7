import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../sim/index.ts';
import { deposedLeaders, nodes, stateOn } from './facts.ts';
import { HeadlessLesson, lessonById } from './index.ts';
import { lastIndexOf } from '../../sim/cluster.ts';
import { DEFAULT_ELECTION_TIMEOUT_MS, DEFAULT_LATENCY_MS } from '../../sim/options.ts';
import { checkHistory } from '../linVerdict.ts';
import { firstFollower } from './facts.ts';

import {
  addedServer,
  at,
  clockRates,
  compactedPast,
  COMPACTION_SNAPSHOT_EVERY,
  crashedServer,
  leaderConfig,
  LEASE_CLOCK_DRIFT,
  MEMBERSHIP_TASK_VOTERS,
  op,
  TRANSFER_TASK_TARGET,
  transferTarget,
} from './testing.ts';

// Each lesson's seed is chosen so that its story happens as narrated. These
// tests pause where the lesson pauses and check what the narration claims
// there: a change to the simulator that breaks a story fails here.

// Beyond §5 (issue #7): each feature, with the problem it solves.

describe('log compaction (Raft §7)', () => {
  it('every server compacts; the leader compacts past a crashed follower, then installs its snapshot on it', () => {
    const installs: { id: NodeId; index: number }[] = [];
    const run = at('compaction', 0, {
      observer: (e) => {
        if (e.kind === 'snapshot' && e.install)
          installs.push({ id: e.node, index: e.snapshot.index });
      },
    });
    for (const n of nodes(run.view)) {
      expect(n.snapshotIndex, `S${n.id}`).toBeGreaterThanOrEqual(COMPACTION_SNAPSHOT_EVERY);
      expect(n.log.length, `S${n.id}: the compacted prefix is gone`).toBeLessThan(lastIndexOf(n));
    }
    run.next();
    const down = crashedServer(run.view)!;
    expect(run.view.node(down).alive).toBe(false);
    expect(compactedPast(run.view, down)).toBe(true);
    expect(run.view.history().every((h) => h.status === 'ok')).toBe(true);
    const before = installs.length;
    run.next();
    const leader = run.view.leader()!;
    expect(installs.slice(before)).toEqual([
      { id: down, index: run.view.node(leader).snapshotIndex },
    ]);
    expect(stateOn(run.view, down, 'alice')).toBe(`w${3 * COMPACTION_SNAPSHOT_EVERY}`);
  });
});

describe('membership changes (dissertation §4.1, §4.2)', () => {
  it('S6 joins as a learner, then a voter; the leader removes itself and the other five elect one', () => {
    const run = at('membership', 1);
    const leader = run.view.leader()!;
    expect(addedServer(run.view)).toBe(6);
    expect(leaderConfig(run.view)).toEqual({ voters: [1, 2, 3, 4, 5], learners: [6] });
    run.next();
    expect(leaderConfig(run.view)).toEqual({ voters: [1, 2, 3, 4, 5, 6], learners: [] });
    expect(stateOn(run.view, 6, 'alice')).toBe('v1');
    run.next();
    const next = run.view.leader()!;
    expect(next).not.toBe(leader);
    expect(run.view.node(leader).role).toBe('follower');
    expect(leaderConfig(run.view)?.voters).toEqual([1, 2, 3, 4, 5, 6].filter((x) => x !== leader));
    expect(run.view.violations()).toEqual([]);
  });

  it('the task ends with seven voters, added one at a time', () => {
    const run = at('membership', 4);
    expect(leaderConfig(run.view)?.voters).toHaveLength(5);
    run.solveTask();
    expect(leaderConfig(run.view)?.voters).toHaveLength(MEMBERSHIP_TASK_VOTERS);
  });
});

describe('PreVote (dissertation §9.6)', () => {
  it('without it, the cut-off server raises its term again and again and, back, unseats the leader', () => {
    const run = at('disruption', 0);
    const leader = run.view.leader()!;
    const alone = firstFollower(run.view)!;
    const term = run.view.node(leader).term;
    run.next();
    expect(run.view.node(alone).term).toBeGreaterThan(term + 3);
    expect(run.view.node(leader).term).toBe(term);
    run.next();
    expect(run.view.node(leader)).toMatchObject({ alive: true, role: 'follower' });
    run.next();
    expect(run.view.leader()).not.toBe(alone);
    expect(run.view.node(run.view.leader()!).term).toBeGreaterThan(term);
  });

  it('with it, the same story leaves the leader and its term in place', () => {
    const run = at('preVote', 0);
    const leader = run.view.leader()!;
    const alone = firstFollower(run.view)!;
    const term = run.view.node(leader).term;
    run.next();
    expect(run.view.node(alone).term).toBe(term);
    run.next();
    expect(run.view.leader()).toBe(leader);
    for (const n of nodes(run.view)) expect(n.term, `S${n.id}`).toBe(term);
  });

  it('a follower cut off while nobody writes rejoins as it times out: its pre-votes are refused, and the leader stays', () => {
    // What reaches the cut-off server once the network heals: answers to its
    // pre-votes (granted or not), or the leader's AppendEntries.
    const arrivals: string[] = [];
    let healedAtMs = Infinity;
    const run = at('preVote', 2, {
      observer: (e) => {
        if (e.kind !== 'deliver' || e.at < healedAtMs || e.envelope.to !== alone) return;
        const m = e.envelope.message;
        if (m.type === 'RequestVoteResponse') arrivals.push(m.voteGranted ? 'granted' : 'refused');
        else if (m.type === 'AppendEntries') arrivals.push('heartbeat');
      },
    });
    const leader = run.view.leader()!;
    const alone = firstFollower(run.view)!;
    const term = run.view.node(leader).term;
    run.next();
    expect(run.view.isLinkUp(leader, alone)).toBe(false);
    expect(run.view.node(alone).log).toEqual(run.view.node(leader).log);
    healedAtMs = run.view.now;
    run.next();
    // §9.6: its log would win them; the others heard the leader lately, and refuse.
    expect(arrivals.slice(0, 5)).toEqual(['refused', 'refused', 'refused', 'refused', 'heartbeat']);
    expect(run.view.leader()).toBe(leader);
    for (const n of nodes(run.view)) expect(n.term, `S${n.id}`).toBe(term);
  });
});

describe('CheckQuorum (dissertation §6.2)', () => {
  it('the cut-off leader steps down; later, the others ignore a follower that cannot hear the leader', () => {
    const run = at('checkQuorum', 0);
    const old = run.view.leader()!;
    run.next();
    expect(run.view.node(old)).toMatchObject({ alive: true, role: 'follower' });
    expect(deposedLeaders(run.view)).toEqual([]);
    run.next();
    const leader = run.view.leader()!;
    const term = run.view.node(leader).term;
    const deaf = firstFollower(run.view)!;
    run.next();
    expect(run.view.node(deaf).term).toBeGreaterThan(term);
    expect(run.view.leader()).toBe(leader);
    expect(run.view.node(leader).term).toBe(term);
  });
});

describe('leadership transfer (dissertation §3.10)', () => {
  it('the leader catches the lagging target up, sends TimeoutNow, and the target wins at once', () => {
    const run = at('transfer', 0);
    const leader = run.view.leader()!;
    expect(leader).not.toBe(TRANSFER_TASK_TARGET);
    const target = transferTarget(run.view)!;
    run.next();
    const lagging = lastIndexOf(run.view.node(target));
    expect(lagging).toBeLessThan(lastIndexOf(run.view.node(leader)));
    const before = run.view.stats().byType.TimeoutNow ?? 0;
    const elected = run.next();
    expect(run.view.leader()).toBe(target);
    expect(run.view.stats().byType.TimeoutNow).toBe(before + 1);
    // At once: well within one election timeout.
    expect(run.view.now - elected.start.atMs).toBeLessThan(DEFAULT_ELECTION_TIMEOUT_MS[0]);
    expect(stateOn(run.view, target, 'alice')).toBe('v3');
  });
});

describe('lease reads (dissertation §6.4.1)', () => {
  it('the leader answers a read at once, without a heartbeat round', () => {
    const run = at('leaseReads', 1);
    const read = op(run, 'bob', 'getState');
    expect(read).toMatchObject({ status: 'ok', output: { state: 'v1' }, attempts: 1 });
    expect(read.completeMs! - read.invokeMs).toBeLessThanOrEqual(DEFAULT_LATENCY_MS[1]);
  });

  it('with clocks drifting past the bound, the old leader answers v1 after v2 was written: the checker flags it', () => {
    const run = at('leaseReads', 3);
    const old = deposedLeaders(run.view)[0]!;
    const rates = clockRates(run.lesson.setup);
    expect(rates.get(old), 'the old leader’s clock is the slowest, about half speed').toBe(
      Math.min(...rates.values()),
    );
    expect(rates.get(old)).toBeLessThan(0.6);
    expect(checkHistory(run.view.history()).result).toBe('linearizable');
    run.next();
    run.next();
    const read = op(run, 'bob', 'getState');
    expect(read.input.stale).toBe(false);
    expect(read).toMatchObject({ status: 'ok', output: { state: 'v1' }, attempts: 1 });
    expect(checkHistory(run.view.history()).result).toBe('not-linearizable');
  });

  it('with a drift bound that covers the clocks, as the last step says, the same clicks read v2', () => {
    const lesson = lessonById('leaseReads')!;
    const covered = {
      ...lesson,
      setup: {
        ...lesson.setup,
        options: { ...lesson.setup.options, clockDriftBound: LEASE_CLOCK_DRIFT },
      },
    };
    const run = new HeadlessLesson(covered);
    while (!run.done) run.next();
    const read = op(run, 'bob', 'getState');
    expect(read).toMatchObject({ status: 'ok', output: { state: 'v2' } });
    expect(checkHistory(run.view.history()).result).toBe('linearizable');
  });
});
