import { describe, expect, it } from 'vitest';
import type { GetStateValue } from '../../app/index.ts';
import type { NodeId } from '../../sim/index.ts';
import { FIGURE_7_LEADER_LOG } from '../../sim/figures.ts';
import {
  deposedLeaders,
  holding,
  leaderWriteIndex,
  majority,
  nodes,
  stateOn,
  userOn,
  withRole,
  writeIndexOn,
} from './facts.ts';
import { lessonById } from './index.ts';

import { at, op, SPLIT_TIMEOUT_MS, splitTerm, terms } from './testing.ts';

// Each lesson's seed is chosen so that its story happens as narrated. These
// tests pause where the lesson pauses and check what the narration claims
// there: a change to the simulator that breaks a story fails here.

describe('lesson 1, leader election (Raft §5.2)', () => {
  it('pauses on the first candidate: one server, term 1, the rest still followers in term 0', () => {
    const c = at('election', 0).view;
    const [candidate, ...others] = withRole(c, 'candidate');
    expect(others).toEqual([]);
    expect(c.node(candidate!)).toMatchObject({ term: 1, votedFor: candidate });
    for (const n of nodes(c).filter((n) => n.id !== candidate))
      expect(n).toMatchObject({ role: 'follower', term: 0 });
  });

  it('then that candidate leads term 1 with the votes of a majority, and S3 does not lead', () => {
    const run = at('election', 0);
    const candidate = withRole(run.view, 'candidate')[0];
    run.next();
    const c = run.view;
    expect(c.leader()).toBe(candidate);
    expect(c.leader()).not.toBe(3); // so that "make S3 the leader" is a task
    expect(c.node(candidate!).term).toBe(1);
    expect(nodes(c).filter((n) => n.votedFor === candidate).length).toBeGreaterThanOrEqual(
      majority(c),
    );
  });

  it('and heartbeats keep it: a second on, the same leader and everyone in term 1', () => {
    const run = at('election', 1);
    const leader = run.view.leader();
    run.next();
    expect(run.view.leader()).toBe(leader);
    expect(nodes(run.view).map((n) => n.term)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('lesson 2, split vote', () => {
  it('uses a narrow range of timeouts', () => {
    expect(lessonById('splitVote')?.setup.options.electionTimeoutMs).toEqual(SPLIT_TIMEOUT_MS);
  });

  it('two candidates stand in the same term, no one leads that term, and a later term elects', () => {
    const leaders = new Map<number, NodeId>();
    const run = at('splitVote', 0, {
      observer: (e) => {
        if (e.kind === 'state' && e.role === 'leader') leaders.set(e.term, e.node);
      },
    });
    const term = splitTerm(run.view);
    expect(term).not.toBeNull();
    const candidates = withRole(run.view, 'candidate').filter(
      (id) => run.view.node(id).term === term,
    );
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    run.next();
    expect(Math.max(...nodes(run.view).map((n) => n.term))).toBeGreaterThan(term!);
    run.next();
    const leader = run.view.leader();
    expect(leader).not.toBeNull();
    expect(run.view.node(leader!).term).toBeGreaterThan(term!);
    expect(leaders.size, 'the observer saw the elections').toBeGreaterThan(0);
    expect(leaders.has(term!)).toBe(false);
  });
});

describe('lesson 3, log replication and commitment (Raft §5.3)', () => {
  it('pauses when only the leader has appended the write, uncommitted', () => {
    const c = at('replication', 1).view;
    const leader = c.leader()!;
    const index = leaderWriteIndex(c, 'hello')!;
    expect(holding(c, index, c.node(leader).term)).toEqual([leader]);
    expect(c.node(leader).commitIndex).toBeLessThan(index);
  });

  it('then the leader commits it once a majority holds it, before the followers know', () => {
    const c = at('replication', 2).view;
    const leader = c.leader()!;
    const index = leaderWriteIndex(c, 'hello')!;
    expect(c.node(leader).commitIndex).toBeGreaterThanOrEqual(index);
    expect(holding(c, index, c.node(leader).term).length).toBeGreaterThanOrEqual(majority(c));
    expect(nodes(c).some((n) => n.commitIndex < index)).toBe(true);
  });

  it('then every server applies it', () => {
    const c = at('replication', 3).view;
    for (const id of c.ids) expect(stateOn(c, id, 'alice')).toBe('hello');
  });
});

describe('lesson 4, the leader crashes and returns (Raft §5.1, §5.2)', () => {
  it('elects a new leader in a higher term; the old one comes back as its follower', () => {
    const run = at('leaderCrash', 0);
    const old = run.view.leader()!;
    const oldTerm = run.view.node(old).term;
    run.next();
    const c = run.view;
    expect(c.node(old).alive).toBe(false);
    const leader = c.leader()!;
    expect(leader).not.toBe(old);
    expect(c.node(leader).term).toBeGreaterThan(oldTerm);
    run.next();
    run.next();
    expect(c.node(old)).toMatchObject({ alive: true, role: 'follower', term: c.node(leader).term });
    expect(terms(run, old)).toEqual(terms(run, leader));
    expect(stateOn(c, old, 'alice')).toBe('after');
  });
});

describe('lesson 5, a partition', () => {
  it('the majority elects a new leader while the old one still believes it leads', () => {
    const c = at('partition', 1).view;
    const [old] = deposedLeaders(c);
    expect(old).toBeDefined();
    expect(c.node(old!).term).toBeLessThan(c.node(c.leader()!).term);
  });

  it('the old leader appends a write it cannot commit; the client retries and commits it on the majority', () => {
    const run = at('partition', 2);
    const old = deposedLeaders(run.view)[0]!;
    const index = writeIndexOn(run.view.node(old), 'v2')!;
    expect(run.view.node(old).commitIndex).toBeLessThan(index);
    run.next();
    const write = op(run, 'alice', 'setState');
    expect(write).toMatchObject({ status: 'ok', input: { state: 'v2' } });
    expect(write.attempts).toBeGreaterThanOrEqual(2);
    expect(run.view.node(old).commitIndex).toBeLessThan(index);
    expect(stateOn(run.view, run.view.leader()!, 'alice')).toBe('v2');
  });

  it('after the heal, the old leader steps down and its uncommitted entry is replaced', () => {
    const run = at('partition', 4);
    const c = run.view;
    expect(withRole(c, 'leader')).toHaveLength(1);
    for (const id of c.ids) {
      expect(terms(run, id)).toEqual(terms(run, c.leader()!));
      expect(userOn(c, id, 'alice')).toMatchObject({ state: 'v2', version: 2 });
    }
    expect(c.violations()).toEqual([]);
  });
});

describe("lesson 6, the paper's Figure 7 (Raft §5.3, §5.4.1)", () => {
  it('S1 wins term 8; (c) and (d) refuse their votes', () => {
    const c = at('figure7', 0).view;
    expect(c.node(1)).toMatchObject({ role: 'leader', term: 8 });
    // (c) is S4 and (d) is S5: their logs are more up to date than S1's.
    expect(c.node(4).votedFor).not.toBe(1);
    expect(c.node(5).votedFor).not.toBe(1);
    // (a), (b), (e) and (f) are S2, S3, S6 and S7.
    expect(
      nodes(c)
        .filter((n) => n.votedFor === 1)
        .map((n) => n.id),
    ).toEqual([1, 2, 3, 6, 7]);
  });

  it("then every follower's log is the leader's, with its no-op, committed", () => {
    const run = at('figure7', 1);
    for (const id of run.view.ids) {
      expect(terms(run, id), `S${id}`).toEqual([...FIGURE_7_LEADER_LOG, 8]);
      expect(run.view.node(id).commitIndex).toBe(FIGURE_7_LEADER_LOG.length + 1);
    }
    expect(run.view.violations()).toEqual([]);
  });
});

describe("lesson 7, the paper's Figure 8 (Raft §5.4.2)", () => {
  it('with the teaching bug, S1 commits index 2 of term 2 by counting, and the checker shows the loss', () => {
    const run = at('figure8Bug', 1);
    expect(run.view.node(1)).toMatchObject({ role: 'leader', term: 4 });
    expect(terms(run, 3)).toEqual([1, 2]);
    run.next();
    expect(run.view.node(1).commitIndex).toBe(2);
    run.next();
    expect(run.view.node(5)).toMatchObject({ role: 'leader', term: 5 });
    expect(run.view.violations().map((v) => v.property)).toEqual(['Leader Completeness']);
    run.next();
    const machine = run.view.violations().find((v) => v.property === 'State Machine Safety');
    // Where: index 2, the entry S1 committed by counting.
    expect(machine?.index).toBe(2);
    expect(machine?.detail).toMatch(/seed 8/);
  });

  it('without it, index 2 of term 2 is never committed, S5 wins, and nothing breaks', () => {
    const run = at('figure8', 2);
    expect(run.view.node(1).commitIndex).toBeLessThan(2);
    while (!run.done) run.next();
    for (const id of run.view.ids) expect(terms(run, id), `S${id}`).toEqual([1, 3, 5]);
    expect(run.view.violations()).toEqual([]);
  });
});

describe('lesson 8, why a new leader appends a no-op (Raft §5.4.2, §8)', () => {
  it('without it, the new leader commits nothing and a read waits', () => {
    const c = at('noop', 1).view;
    const leader = c.leader()!;
    expect(c.node(leader).term).toBe(2);
    for (const n of nodes(c)) {
      expect(n.commitIndex, `S${n.id}`).toBe(0);
      expect(stateOn(c, n.id, 'alice')).toBeUndefined();
    }
    expect(c.history()).toMatchObject([{ kind: 'getState', status: 'pending' }]);
  });

  it('one entry of its own term unsticks it: alice is applied, and the waiting read answers', () => {
    const run = at('noop', 2);
    run.solveTask();
    run.view.runUntil(() => run.view.history()[0]?.status !== 'pending', 1_000);
    expect(op(run, 'reader', 'getState')).toMatchObject({
      status: 'ok',
      output: { state: 'draft' },
    });
  });
});

describe('lesson 9, stale versus linearizable reads (dissertation §6.4)', () => {
  it('the cut-off old leader answers a stale read with v1; the linearizable read gets v2 elsewhere', () => {
    const run = at('staleReads', 3);
    const stale = op(run, 'bob', 'getState');
    const linear = op(run, 'carol', 'getState');
    expect(stale.input.stale).toBe(true);
    expect((stale.output as GetStateValue).state).toBe('v1');
    expect(stale.attempts).toBe(1);
    expect((linear.output as GetStateValue).state).toBe('v2');
    expect(linear.attempts).toBeGreaterThanOrEqual(2);
  });
});

describe('lesson 10, exactly-once writes (dissertation §6.3)', () => {
  it('the leader crashes with the write on a majority and unanswered; the retry is applied once', () => {
    const run = at('exactlyOnce', 1);
    expect(op(run, 'alice', 'setState').status).toBe('pending');
    run.next();
    run.next();
    const write = op(run, 'alice', 'setState');
    expect(write).toMatchObject({ status: 'ok', output: { version: 1 } });
    expect(write.attempts).toBeGreaterThanOrEqual(2);
    // Logged twice (the first leader's copy and the retry), applied once.
    const copies = run.view
      .node(run.view.leader()!)
      .log.filter((e) => (e.command as { state?: string } | null)?.state === 'once');
    expect(copies).toHaveLength(2);
    for (const n of nodes(run.view).filter((n) => n.alive))
      expect(userOn(run.view, n.id, 'alice')).toMatchObject({ state: 'once', version: 1 });
  });
});

describe('lesson 11, sessions', () => {
  it("refuses a wrong password and a write without a session; alice's state stays hers", () => {
    const run = at('sessions', 1);
    for (const id of run.view.ids) {
      expect(stateOn(run.view, id, 'alice')).toBe('alice notes');
      expect(stateOn(run.view, id, 'bob')).toBe('bob notes');
    }
    run.next();
    expect(op(run, 'alice', 'login')).toMatchObject({ status: 'fail', code: 'bad-password' });
    run.next();
    expect(op(run, 'mallory', 'setState')).toMatchObject({
      status: 'fail',
      code: 'not-logged-in',
    });
    for (const id of run.view.ids) {
      expect(userOn(run.view, id, 'alice')).toMatchObject({ state: 'alice notes', version: 1 });
      expect(stateOn(run.view, id, 'mallory')).toBeUndefined();
    }
  });
});
