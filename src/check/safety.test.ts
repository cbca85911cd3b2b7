import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../raft';
import { MAX_VIOLATIONS, SafetyChecker, type SafetyProperty } from './safety';

// The safety checker against small scripted runs: each property of Raft
// Figure 3 (and the monotonicity and durability rules beside it) is
// reported when a run breaks it, with who and where, and never for an
// honest run. Init, act, check.

const e = (index: number, term: number, command: unknown = `c${index}`): LogEntry => ({
  index,
  term,
  command,
});

const properties = (c: SafetyChecker): SafetyProperty[] => c.violations().map((v) => v.property);

/** Three servers; S1 leads term 1 and replicates `entries` to S2 and S3, then commits them everywhere. */
function honestRun(entries: LogEntry[] = [e(1, 1), e(2, 1)]): SafetyChecker {
  const c = new SafetyChecker([1, 2, 3]);
  c.state(1, 'leader', 1, 0, 0);
  c.state(2, 'follower', 1, 0, 0);
  c.state(3, 'follower', 1, 0, 0);
  for (const id of [1, 2, 3]) c.persist(id, 1, entries, id === 1 ? 'leader' : 'follower', 1);
  c.endOfInstant(1);
  const last = entries.length;
  for (const id of [1, 2, 3]) {
    c.state(id, id === 1 ? 'leader' : 'follower', 1, last, 2);
    for (const entry of entries) c.apply(id, entry, 2);
  }
  c.endOfInstant(2);
  return c;
}

describe('an honest run', () => {
  it('breaks nothing: elections, replication, commits and applies', () => {
    const c = honestRun();
    expect(c.violations()).toEqual([]);
    expect(c.committedIndex()).toBe(2);
  });

  it('breaks nothing when a new leader of a later term holds every committed entry (Raft §5.4.1)', () => {
    const c = honestRun();
    c.crash(1);
    c.state(2, 'leader', 2, 2, 3);
    c.persist(2, 3, [e(3, 2)], 'leader', 3);
    c.restart(1);
    c.state(1, 'follower', 2, 0, 4);
    c.persist(1, 3, [e(3, 2)], 'follower', 4);
    c.persist(3, 3, [e(3, 2)], 'follower', 4);
    c.state(2, 'leader', 2, 3, 5);
    c.state(1, 'follower', 2, 3, 5);
    c.endOfInstant(5);
    expect(c.violations()).toEqual([]);
    expect(c.committedIndex()).toBe(3);
  });

  it('lets a follower overwrite entries it holds that were never committed (Raft §5.3)', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.persist(1, 1, [e(1, 1, 'lost')], 'leader', 0);
    c.crash(1);
    c.state(2, 'leader', 2, 0, 1);
    c.persist(2, 1, [e(1, 2)], 'leader', 1);
    c.restart(1);
    c.state(1, 'follower', 2, 0, 2);
    c.persist(1, 1, [e(1, 2)], 'follower', 2);
    expect(c.violations()).toEqual([]);
  });
});

describe('Election Safety (Raft §5.2): at most one leader per term', () => {
  it('is broken by a second leader in the same term, naming both', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 7);
    c.state(2, 'leader', 1, 0, 8);
    expect(c.violations()).toEqual([
      {
        property: 'Election Safety',
        at: 8,
        detail: 'S2 and S1 were both elected leader in term 1',
        nodes: [2, 1],
      },
    ]);
  });

  it('is kept by one leader per term, and by the same leader staying leader', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.state(1, 'leader', 1, 0, 1);
    c.state(2, 'leader', 2, 0, 2);
    c.state(1, 'leader', 3, 0, 3);
    expect(c.violations()).toEqual([]);
  });
});

describe('Leader Append-Only (Raft §5.3): a leader never deletes or overwrites its entries', () => {
  it('is broken by a live leader truncating its own log', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.persist(1, 1, [e(1, 1), e(2, 1)], 'leader', 0);
    c.persist(1, 2, [], 'leader', 5);
    expect(c.violations()).toEqual([
      {
        property: 'Leader Append-Only',
        at: 5,
        detail: 'S1, leader in term 1, deleted or overwrote its entries from index 2',
        nodes: [1],
        index: 2,
      },
    ]);
  });

  it('is kept by a leader appending after its last entry, and by a follower truncating', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.persist(1, 1, [e(1, 1)], 'leader', 0);
    c.persist(1, 2, [e(2, 1)], 'leader', 1);
    c.persist(2, 1, [e(1, 1), e(2, 1)], 'follower', 1);
    c.persist(2, 2, [], 'follower', 2);
    expect(c.violations()).toEqual([]);
  });

  it('is not asked of a crashed leader, whose log a restart may cut', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.persist(1, 1, [e(1, 1), e(2, 1)], 'leader', 0);
    c.crash(1);
    c.persist(1, 2, [], 'leader', 1);
    expect(c.violations()).toEqual([]);
  });
});

describe('Log Matching (Raft §5.3): same index and term means the same prefix', () => {
  it('is broken by two logs with an entry of the same index and term after different entries', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.persist(1, 1, [e(1, 1, 'a'), e(2, 1)], 'follower', 0);
    c.persist(2, 1, [e(1, 1, 'b'), e(2, 1)], 'follower', 3);
    const found = c.violations();
    expect(found.map((v) => [v.property, v.index, v.nodes, v.at])).toEqual([
      ['Log Matching', 1, [2], 3],
      ['Log Matching', 2, [2], 3],
    ]);
    expect(found[1]!.detail).toBe(
      "S2 holds an entry at index 2 in term 1 whose preceding entries differ from another log's",
    );
  });

  it('is kept when a later term puts another entry at an index: a pair, not an index, names an entry', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.persist(1, 1, [e(1, 1), e(2, 1)], 'follower', 0);
    c.persist(2, 1, [e(1, 1), e(2, 2, 'x')], 'follower', 0);
    c.persist(3, 1, [e(1, 1), e(2, 2, 'x')], 'follower', 0);
    expect(c.violations()).toEqual([]);
    // ...and the second term's pair is held to its own first prefix too.
    c.persist(3, 1, [e(1, 1, 'other'), e(2, 2, 'x')], 'follower', 4);
    expect(c.violations().map((v) => [v.property, v.index])).toEqual([
      ['Log Matching', 1],
      ['Log Matching', 2],
    ]);
  });
});

describe('Leader Completeness (Raft §5.4): a leader holds every entry committed before its term', () => {
  it('is broken by a leader elected without a committed entry', () => {
    const c = honestRun();
    c.persist(3, 2, [], 'follower', 3);
    c.state(3, 'leader', 2, 2, 4);
    expect(c.violations()).toEqual([
      {
        property: 'Leader Completeness',
        at: 4,
        detail: 'S3 became leader in term 2 without committed entry 2',
        nodes: [3],
        index: 2,
      },
    ]);
  });

  it('is broken by a leader of a later term that lacks an entry committed as it leads', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.persist(1, 1, [e(1, 1)], 'leader', 0);
    c.persist(2, 1, [e(1, 1)], 'follower', 0);
    c.state(3, 'leader', 2, 0, 1);
    // The old leader commits index 1 of term 1 now, under S3's term 2.
    c.state(1, 'leader', 1, 1, 2);
    expect(c.violations().map((v) => [v.property, v.nodes, v.index, v.detail])).toEqual([
      ['Leader Completeness', [3], 1, 'S3, leader in term 2, lacks entry 1 committed in term 1'],
    ]);
  });

  it('is not asked of a leader of the term in which the entry was committed, nor of a dead one', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.persist(1, 1, [e(1, 1)], 'leader', 0);
    c.persist(2, 1, [e(1, 1)], 'follower', 0);
    c.state(3, 'leader', 2, 0, 1);
    c.crash(3);
    c.state(1, 'leader', 1, 1, 2);
    expect(c.violations()).toEqual([]);
  });

  it('does not ask a leader for what its snapshot already stands for (Raft §7)', () => {
    const c = honestRun();
    for (const id of [1, 2, 3]) c.snapshot(id, 2, false, 3);
    c.persist(3, 1, [], 'follower', 3);
    c.state(3, 'leader', 2, 2, 4);
    expect(c.violations()).toEqual([]);
  });
});

describe('State Machine Safety (Raft §5.4.3): one entry per index on every state machine', () => {
  it('is broken by two servers applying different entries at an index', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.apply(1, e(1, 1, 'a'), 0);
    c.apply(2, e(1, 1, 'a'), 1);
    expect(c.violations()).toEqual([]);
    c.apply(3, e(1, 2, 'a'), 2);
    c.apply(3, e(1, 1, 'b'), 3);
    expect(c.violations()).toEqual([
      {
        property: 'State Machine Safety',
        at: 2,
        detail: 'S3 applied a different entry at index 1 (term 2) than another server did (term 1)',
        nodes: [3],
        index: 1,
      },
    ]);
  });

  it('is broken by a server committing an index with another entry than was committed', () => {
    const c = honestRun();
    c.persist(3, 2, [e(2, 2, 'other')], 'follower', 3);
    c.restart(3);
    c.state(3, 'follower', 2, 2, 4);
    expect(c.violations().map((v) => [v.property, v.index, v.detail])).toContainEqual([
      'State Machine Safety',
      2,
      'S3 committed index 2 with a different entry than was committed before',
    ]);
  });

  it('is broken by installing a snapshot past what is committed', () => {
    const c = honestRun();
    c.snapshot(2, 3, true, 5);
    expect(c.violations()).toEqual([
      {
        property: 'State Machine Safety',
        at: 5,
        detail: 'S2 installed a snapshot up to 3, past what is committed',
        nodes: [2],
        index: 3,
      },
    ]);
  });

  it('takes an installed snapshot as the committed prefix: the log before it is what was committed', () => {
    const c = honestRun();
    c.persist(3, 1, [], 'follower', 3);
    c.snapshot(3, 2, true, 4);
    c.endOfInstant(4);
    expect(c.violations()).toEqual([]);
  });
});

describe('monotonicity (Raft Figure 2): currentTerm and commitIndex never go back', () => {
  it('reports a term that goes back', () => {
    const c = new SafetyChecker([1, 2]);
    c.state(1, 'follower', 3, 0, 0);
    c.state(1, 'follower', 2, 0, 1);
    expect(c.violations()).toEqual([
      {
        property: 'Term Monotonicity',
        at: 1,
        detail: "S1's currentTerm went back from 3 to 2",
        nodes: [1],
      },
    ]);
  });

  it('reports a commitIndex that goes back, but not one a restart reset (volatile state)', () => {
    const c = honestRun();
    c.restart(2);
    c.state(2, 'follower', 1, 1, 3);
    expect(c.violations()).toEqual([]);
    c.state(2, 'follower', 1, 0, 4);
    expect(c.violations()).toEqual([
      {
        property: 'Commit Monotonicity',
        at: 4,
        detail: "S2's commitIndex went back from 1 to 0",
        nodes: [2],
      },
    ]);
  });
});

describe('Committed Entry Durability (Raft §5.4): a committed entry stays on a majority', () => {
  it('is broken when a majority loses the last committed entry, naming the servers without it', () => {
    const c = honestRun();
    c.persist(2, 2, [], 'follower', 3);
    c.endOfInstant(3);
    expect(c.violations()).toEqual([]);
    c.persist(3, 2, [], 'follower', 4);
    c.endOfInstant(4);
    expect(c.violations()).toEqual([
      {
        property: 'Committed Entry Durability',
        at: 4,
        detail: 'committed entry 2 is stored on only 1 of 3 servers',
        nodes: [2, 3],
        index: 2,
      },
    ]);
  });

  it('counts the configuration the entry was committed under (dissertation §4.1)', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.addServer(4);
    c.addServer(4);
    c.state(1, 'leader', 1, 0, 0);
    c.persist(1, 1, [e(1, 1)], 'leader', 0);
    c.persist(4, 1, [e(1, 1)], 'follower', 0);
    // Committed by S1 with voters {1, 4}: two of two hold it.
    c.state(1, 'leader', 1, 1, 1, [1, 4]);
    c.endOfInstant(1);
    expect(c.violations()).toEqual([]);
    c.persist(4, 1, [], 'follower', 2);
    c.endOfInstant(2);
    expect(c.violations().map((v) => [v.property, v.detail, v.nodes])).toEqual([
      ['Committed Entry Durability', 'committed entry 1 is stored on only 1 of 2 servers', [4]],
    ]);
  });

  it('is checked again when a commit alone changes what it reads, after instants that changed nothing', () => {
    const c = honestRun();
    c.persist(1, 3, [e(3, 1)], 'leader', 3);
    c.endOfInstant(3);
    c.endOfInstant(4);
    expect(c.violations()).toEqual([]);
    // A broken leader commits an entry only it holds: no log changed in this instant.
    c.state(1, 'leader', 1, 3, 5);
    c.endOfInstant(5);
    expect(c.violations().map((v) => [v.property, v.at, v.index])).toEqual([
      ['Committed Entry Durability', 5, 3],
    ]);
  });

  it('says nothing before anything is committed', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.endOfInstant(0);
    expect(c.violations()).toEqual([]);
    expect(c.committedIndex()).toBe(0);
  });
});

describe('the report', () => {
  it('keeps one violation per property and place, and at most MAX_VIOLATIONS', () => {
    const c = new SafetyChecker([1, 2]);
    c.state(1, 'follower', 5, 0, 0);
    c.state(1, 'follower', 4, 0, 1);
    c.state(1, 'follower', 3, 0, 2);
    expect(properties(c)).toEqual(['Term Monotonicity']);
    // A log that differs from another at its first entry breaks Log Matching at every index.
    const many = new SafetyChecker([1, 2]);
    const log = (first: string) =>
      Array.from({ length: MAX_VIOLATIONS + 5 }, (_, k) => e(k + 1, 1, k === 0 ? first : k));
    many.persist(1, 1, log('a'), 'follower', 0);
    many.persist(2, 1, log('b'), 'follower', 1);
    expect(many.violations()).toHaveLength(MAX_VIOLATIONS);
  });

  it('refuses an unknown server as a bug of the caller', () => {
    expect(() => new SafetyChecker([1]).crash(9)).toThrow('unknown server S9');
  });
});

// Each case below was written against a mutant that survived (issue 17):
// the rule it protects is named in the test.

describe('Election Safety, every way of becoming leader (Raft §5.2)', () => {
  it('counts a follower elected in the term it already knew: voting moves the term first', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'follower', 1, 0, 0);
    c.state(2, 'follower', 1, 0, 0);
    c.state(1, 'leader', 1, 0, 1);
    c.state(2, 'leader', 1, 0, 2);
    expect(c.violations().map((v) => [v.property, v.nodes])).toEqual([['Election Safety', [2, 1]]]);
  });

  it('counts a leader that moves straight into a later term in which another leads', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.state(2, 'leader', 2, 0, 1);
    c.state(1, 'leader', 2, 0, 2);
    expect(c.violations().map((v) => [v.property, v.nodes])).toEqual([['Election Safety', [1, 2]]]);
  });

  it('does not count one server elected twice in a term as two leaders', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.state(1, 'follower', 1, 0, 1);
    c.state(1, 'leader', 1, 0, 2);
    expect(c.violations()).toEqual([]);
  });

  it('reports two leaders of one term, not a Leader Completeness for entries committed in that same term', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 2, 0, 0);
    c.persist(1, 1, [e(1, 2)], 'leader', 0);
    c.persist(2, 1, [e(1, 2)], 'follower', 0);
    c.state(1, 'leader', 2, 1, 1);
    // S3 claims term 2 too, without S1's entry: one violation, of Election Safety.
    c.state(3, 'leader', 2, 0, 2);
    // ...and S1 commits more of term 2 while S3 claims it: still none of Leader Completeness.
    c.persist(1, 2, [e(2, 2)], 'leader', 3);
    c.persist(2, 2, [e(2, 2)], 'follower', 3);
    c.state(1, 'leader', 2, 2, 3);
    expect(properties(c)).toEqual(['Election Safety']);
  });
});

describe('Leader Append-Only is asked of a leader only (Raft §5.3)', () => {
  it('is kept by a leader that steps down in the step that truncates its log', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.persist(1, 1, [e(1, 1), e(2, 1)], 'leader', 0);
    c.persist(1, 2, [e(2, 2)], 'follower', 1);
    expect(c.violations()).toEqual([]);
  });

  it('is kept by a follower whose step makes it leader: the log it leads from is the one it had', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.persist(2, 1, [e(1, 1), e(2, 1)], 'follower', 0);
    c.persist(2, 2, [e(2, 2)], 'leader', 1);
    expect(c.violations()).toEqual([]);
  });
});

describe('Leader Completeness reads what is committed, no further (Raft §5.4.1)', () => {
  it('lets a new leader hold uncommitted entries past the committed ones', () => {
    const c = honestRun();
    c.persist(1, 3, [e(3, 1)], 'leader', 3);
    c.state(1, 'follower', 2, 2, 4);
    c.state(1, 'leader', 2, 2, 5);
    expect(c.violations()).toEqual([]);
  });

  it('does not ask a live follower of a later term for an entry committed in an earlier one: it may lag', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.state(1, 'leader', 1, 0, 0);
    c.persist(1, 1, [e(1, 1)], 'leader', 0);
    c.persist(2, 1, [e(1, 1)], 'follower', 0);
    c.state(3, 'follower', 2, 0, 1);
    c.state(1, 'leader', 1, 1, 2);
    expect(c.violations()).toEqual([]);
  });
});

describe('State Machine Safety details (Raft §5.4.3)', () => {
  it('is broken by two servers applying different commands at one index in the same term', () => {
    const c = new SafetyChecker([1, 2]);
    c.apply(1, e(1, 1, 'a'), 0);
    c.apply(2, e(1, 1, 'b'), 1);
    expect(c.violations().map((v) => [v.property, v.nodes, v.index])).toEqual([
      ['State Machine Safety', [2], 1],
    ]);
  });

  it('names the server that committed another entry', () => {
    const c = honestRun();
    c.persist(3, 2, [e(2, 2, 'other')], 'follower', 3);
    c.restart(3);
    c.state(3, 'follower', 2, 2, 4);
    const found = c.violations().find((v) => v.property === 'State Machine Safety');
    expect(found?.nodes).toEqual([3]);
  });
});

describe('Log Matching holds each later-term pair to its own prefix (Raft §5.3)', () => {
  it('keeps two later-term pairs at different indexes apart', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.persist(1, 1, [e(1, 1), e(2, 1)], 'follower', 0);
    c.persist(2, 1, [e(1, 2, 'x'), e(2, 2, 'y')], 'follower', 0);
    c.persist(3, 1, [e(1, 2, 'x'), e(2, 2, 'y')], 'follower', 0);
    expect(c.violations()).toEqual([]);
  });
});

describe('Committed Entry Durability under a configuration (dissertation §4.1)', () => {
  it('keeps the configuration of the first commit of an index, not of a server catching up later', () => {
    const c = new SafetyChecker([1, 2, 3]);
    c.addServer(4);
    c.state(1, 'leader', 1, 0, 0);
    for (const id of [1, 2, 4]) c.persist(id, 1, [e(1, 1)], id === 1 ? 'leader' : 'follower', 0);
    c.state(1, 'leader', 1, 1, 1, [1, 4]);
    // S2 still believes the old configuration when it learns the commit.
    c.state(2, 'follower', 1, 1, 2, [1, 2, 3]);
    c.persist(4, 1, [], 'follower', 3);
    c.endOfInstant(3);
    expect(c.violations().map((v) => [v.property, v.nodes])).toEqual([
      ['Committed Entry Durability', [4]],
    ]);
  });

  it('takes a server added twice as one: its log and its count stay as they were', () => {
    const c = honestRun();
    c.addServer(1);
    c.endOfInstant(3);
    expect(c.violations()).toEqual([]);
    c.persist(2, 2, [], 'follower', 4);
    c.endOfInstant(4);
    expect(c.violations()).toEqual([]);
  });
});

describe('the report, keyed by property and place', () => {
  it('keeps apart violations whose servers only run together without a separator', () => {
    const c = new SafetyChecker([1, 2, 23, 31]);
    c.state(1, 'leader', 1, 0, 0);
    c.state(23, 'leader', 1, 0, 1);
    c.state(31, 'leader', 2, 0, 2);
    c.state(2, 'leader', 2, 0, 3);
    expect(c.violations().map((v) => v.nodes)).toEqual([
      [23, 1],
      [2, 31],
    ]);
  });

  it('gives a violation with no log index no index field at all', () => {
    const c = new SafetyChecker([1, 2]);
    c.state(1, 'leader', 1, 0, 0);
    c.state(2, 'leader', 1, 0, 1);
    expect(Object.keys(c.violations()[0]!).sort()).toEqual(['at', 'detail', 'nodes', 'property']);
  });
});

/** Three servers holding and committing `n` entries of term 1, all applied. */
function longRun(n: number): SafetyChecker {
  const entries = Array.from({ length: n }, (_, k) => e(k + 1, 1));
  return honestRun(entries);
}

describe('bounded memory after compaction (Raft §7)', () => {
  const N = 1100; // past the window's batch of 1024, so a prefix is really forgotten

  it('forgets an index once every server’s snapshot covers it: a late apply there is no longer compared', () => {
    const c = longRun(N);
    for (const id of [1, 2, 3]) c.snapshot(id, N, false, 3);
    c.apply(1, e(5, 1, 'different'), 4);
    expect(c.violations()).toEqual([]);
  });

  it('still compares an index while one server’s log holds it', () => {
    const c = longRun(N);
    for (const id of [1, 2]) c.snapshot(id, N, false, 3);
    c.apply(3, e(5, 1, 'different'), 4);
    expect(c.violations().map((v) => [v.property, v.index])).toEqual([['State Machine Safety', 5]]);
  });

  it('installs a snapshot after compaction from what is still held', () => {
    const c = longRun(N);
    for (const id of [1, 2, 3]) c.snapshot(id, N, false, 3);
    c.persist(3, N, [], 'follower', 4);
    c.snapshot(3, N, true, 5);
    c.endOfInstant(5);
    expect(c.violations()).toEqual([]);
  });

  it('keeps a later-term pair past the compacted prefix: Log Matching still holds it to its prefix', () => {
    const c = longRun(N);
    c.persist(1, N + 1, [e(N + 1, 1, 'x')], 'leader', 3);
    c.persist(2, N + 1, [e(N + 1, 2, 'y')], 'follower', 3);
    for (const id of [1, 2, 3]) c.snapshot(id, N, false, 4);
    c.persist(3, N + 1, [e(N + 1, 2, 'z')], 'follower', 5);
    expect(c.violations().map((v) => [v.property, v.index])).toEqual([['Log Matching', N + 1]]);
  });
});
