import { describe, expect, it } from 'vitest';
import type { Message } from '../../raft/index.ts';
import { createCluster, type Envelope, type NodeEvent, type TraceEvent } from '../../sim/index.ts';
import { describeEvent } from './describeEvent.ts';
import { FeedConverter } from './feedConvert.ts';
import { appendBounded, filterFeed, FEED_KINDS, kindOf, type FeedEvent } from './feedEvent.ts';

/** An event as a helper makes it; the test says which node reported it. */
type Unsent = NodeEvent extends infer E ? (E extends NodeEvent ? Omit<E, 'node'> : never) : never;

const config = { voters: [1, 2, 3, 4, 5], learners: [] };

const state = (
  at: number,
  role: 'follower' | 'candidate' | 'leader',
  term: number,
  votedFor: number | null,
  commitIndex = 0,
): Unsent => ({ kind: 'state', at, role, term, votedFor, commitIndex, leaderId: null, config });

const envelope = (message: Message, sentAt: number, deliverAt = sentAt + 10): Envelope => ({
  message,
  from: message.from,
  to: message.to,
  sentAt,
  deliverAt,
  incarnation: 0,
  seq: 0,
  duplicate: false,
});

const vote = (from: number, to: number, term: number, voteGranted: boolean) =>
  ({ type: 'RequestVoteResponse', from, to, term, voteGranted, preVote: false }) as Message;

const sentences = (events: FeedEvent[]) => events.map(describeEvent);

describe('the feed from telemetry', () => {
  it('tells an election in the paper’s words: time-out, votes, victory with its count', () => {
    const feed = new FeedConverter({ fromStart: false });
    const out = [
      ...feed.fromEvent({ ...state(0, 'follower', 3, null), node: 3 }),
      ...feed.fromEvent({ ...state(0, 'follower', 3, null), node: 2 }),
      ...feed.fromEvent({ ...state(100, 'candidate', 4, 3), node: 3 }),
      ...feed.fromEvent({ ...state(112, 'follower', 4, 3), node: 2 }),
      ...feed.fromEvent({
        node: 3,
        kind: 'deliver',
        at: 125,
        envelope: envelope(vote(2, 3, 4, true), 112),
      }),
      ...feed.fromEvent({ ...state(125, 'leader', 4, 3), node: 3 }),
    ];
    expect(sentences(out)).toEqual([
      'S3 timed out and asks for votes in term 4',
      'S2 voted for S3 in term 4',
      'S3 received a vote for term 4 from S2',
      'S3 won the election for term 4 with 2 votes',
    ]);
    expect(out.map((e) => e.at)).toEqual([100, 112, 125, 125]);
  });

  it('does not count refused votes or votes of another term', () => {
    const feed = new FeedConverter();
    feed.fromEvent({ ...state(10, 'candidate', 1, 1), node: 1 });
    feed.fromEvent({
      node: 1,
      kind: 'deliver',
      at: 20,
      envelope: envelope(vote(2, 1, 1, false), 10),
    });
    feed.fromEvent({
      node: 1,
      kind: 'deliver',
      at: 21,
      envelope: envelope(vote(3, 1, 0, true), 10),
    });
    feed.fromEvent({
      node: 1,
      kind: 'deliver',
      at: 22,
      envelope: envelope(vote(4, 1, 1, true), 10),
    });
    const [won] = feed.fromEvent({ ...state(22, 'leader', 1, 1), node: 1 });
    expect(won && describeEvent(won)).toBe('S1 won the election for term 1 with 2 votes');
  });

  it('says only "won" when it did not see the election start', () => {
    const feed = new FeedConverter({ fromStart: false });
    feed.fromEvent({ ...state(0, 'candidate', 2, 1), node: 1 });
    expect(sentences(feed.fromEvent({ ...state(30, 'leader', 2, 1), node: 1 }))).toEqual([
      'S1 won the election for term 2',
    ]);
  });

  it('tells appends, overwrites, commits and applies', () => {
    const feed = new FeedConverter();
    const entry = (index: number, term: number) => ({ index, term, command: null });
    const out = [
      ...feed.fromEvent({
        node: 1,
        kind: 'persist',
        at: 5,
        from: 7,
        entries: [entry(7, 4)],
        role: 'leader',
        lastTerm: 4,
      }),
      ...feed.fromEvent({ ...state(6, 'follower', 0, null, 7), node: 1 }),
      ...feed.fromEvent({ node: 1, kind: 'apply', at: 6, entry: entry(7, 4), result: null }),
      ...feed.fromEvent({
        node: 2,
        kind: 'persist',
        at: 9,
        from: 1,
        entries: [entry(1, 3), entry(2, 4)],
        role: 'follower',
        lastTerm: 4,
      }),
      ...feed.fromEvent({
        node: 2,
        kind: 'persist',
        at: 10,
        from: 2,
        entries: [entry(2, 5)],
        role: 'follower',
        lastTerm: 5,
      }),
    ];
    expect(sentences(out)).toEqual([
      'S1 appended entry 7 (term 4)',
      'S1 committed up to 7',
      'S1 applied entry 7 (term 4) to its state machine',
      'S2 appended entries 1–2 (terms 3–4)',
      'S2 overwrote its log from index 2 with entry 2 (term 5)',
    ]);
  });

  it('tells where a message was lost and why', () => {
    const feed = new FeedConverter();
    const drop = (atSender: boolean, reason: 'cut' | 'loss'): Unsent => ({
      kind: 'drop',
      from: 1,
      to: 4,
      type: 'AppendEntries',
      reason,
      atSender,
      at: 50,
    });
    expect(sentences(feed.fromEvent({ ...drop(false, 'cut'), node: 4 }))).toEqual([
      'S4 dropped AppendEntries from S1 (link cut)',
    ]);
    expect(sentences(feed.fromEvent({ ...drop(true, 'loss'), node: 1 }))).toEqual([
      'The network lost AppendEntries from S1 to S4',
    ]);
    expect(sentences(feed.fromEvent({ ...drop(true, 'cut'), node: 1 }))).toEqual([
      'S1 could not send AppendEntries to S4 (link cut)',
    ]);
    const crashed = feed.fromTrace({
      kind: 'drop',
      node: 3,
      at: 60,
      from: 1,
      to: 3,
      type: 'AppendEntries',
      reason: 'crash',
      atSender: false,
    });
    expect(sentences(crashed)).toEqual(['AppendEntries from S1 to S3 was lost when S3 crashed']);
  });

  it('names the client of a reply from its request', () => {
    const feed = new FeedConverter();
    const out = [
      ...feed.fromEvent({
        node: 1,
        kind: 'request',
        at: 1,
        request: {
          requestId: 9,
          command: {
            v: 1,
            kind: 'setState',
            clientId: 'alice',
            seq: 2,
            user: 'alice',
            state: 'hi',
          },
        },
      }),
      ...feed.fromEvent({
        node: 1,
        kind: 'reply',
        at: 40,
        reply: {
          requestId: 9,
          from: 1,
          kind: 'response',
          response: { ok: true, value: { kind: 'setState', user: 'alice', version: 3 } },
        },
      }),
      ...feed.fromEvent({
        node: 2,
        kind: 'reply',
        at: 41,
        reply: { requestId: 10, from: 2, kind: 'redirect', leaderHint: 1 },
      }),
    ];
    expect(sentences(out)).toEqual([
      'S1 received a setState request from client alice for alice',
      'S1 answered client alice: alice is now at version 3',
      'S2 is not the leader and sent request 10 to S1',
    ]);
  });
});

describe('the feed from inputs and the trace ring', () => {
  it('tells faults and client operations', () => {
    const feed = new FeedConverter();
    const out = [
      { at: 1, kind: 'crash', id: 2 },
      { at: 2, kind: 'restart', id: 2 },
      { at: 3, kind: 'partition', groups: [[1, 2], [3]] },
      { at: 4, kind: 'setLink', from: 1, to: 3, up: false },
      { at: 5, kind: 'heal' },
      { at: 6, kind: 'setDropRate', rate: 0.1 },
      { at: 7, kind: 'client', client: 'bob', op: { kind: 'getState', user: 'al', stale: true } },
    ].flatMap((input) => feed.fromInput(input as Parameters<FeedConverter['fromInput']>[0]));
    expect(sentences(out)).toEqual([
      'S2 crashed',
      'S2 restarted and read its term, vote and log from disk',
      'The network split into {S1, S2} and {S3}',
      'The link from S1 to S3 was cut',
      'Every link was healed',
      'The drop rate was set to 10%',
      "Client bob asks to read al's state (a stale read)",
    ]);
    expect(out.map(kindOf)).toEqual([...Array<string>(6).fill('faults'), 'clients']);
  });

  it('reads a real headless run: every election it shows has a time-out before it', () => {
    const cluster = createCluster({ nodes: 5, seed: 7 });
    cluster.runUntil(() => cluster.leader() !== null, 5_000);
    const leader = cluster.leader();
    expect(leader).not.toBeNull();
    const feed = new FeedConverter();
    const events = cluster.recentEvents().flatMap((e: TraceEvent) => feed.fromTrace(e));
    const text = sentences(events);
    const won = text.findIndex((t) => t.startsWith(`S${leader} won the election`));
    expect(won).toBeGreaterThan(0);
    expect(text[won]).toMatch(/with [3-5] votes$/);
    expect(text.slice(0, won).some((t) => t.startsWith(`S${leader} timed out and asks`))).toBe(
      true,
    );
    // Virtual time never goes backwards in the feed.
    for (let k = 1; k < events.length; k++)
      expect(events[k]?.at).toBeGreaterThanOrEqual(events[k - 1]?.at ?? 0);
  });
});

describe('filterFeed', () => {
  const feed = new FeedConverter();
  const events = [
    ...feed.fromInput({ at: 1, kind: 'crash', id: 2 }),
    ...feed.fromEvent({ ...state(2, 'candidate', 1, 1), node: 1 }),
    ...feed.fromInput({ at: 3, kind: 'crash', id: 3 }),
  ];

  it('keeps the newest first, by kind and by server, up to a bound', () => {
    const all = { kinds: new Set(FEED_KINDS), node: null };
    expect(filterFeed(events, all, 10).map((e) => e.at)).toEqual([3, 2, 1]);
    expect(filterFeed(events, all, 2).map((e) => e.at)).toEqual([3, 2]);
    expect(
      filterFeed(events, { kinds: new Set(['faults'] as const), node: null }, 10),
    ).toHaveLength(2);
    expect(filterFeed(events, { ...all, node: 3 }, 10).map((e) => e.at)).toEqual([3]);
  });

  it('gives every event a unique key', () => {
    expect(new Set(events.map((e) => e.seq)).size).toBe(events.length);
  });
});

describe('appendBounded', () => {
  it('drops the oldest beyond the bound and leaves the input alone', () => {
    const before = [1, 2, 3];
    expect(appendBounded(before, [4, 5], 4)).toEqual([2, 3, 4, 5]);
    expect(before).toEqual([1, 2, 3]);
  });
});

describe('the feed beyond §5', () => {
  it('says when a server snapshots its state machine and when it installs the leader’s (§7)', () => {
    const feed = new FeedConverter();
    const snapshot = {
      index: 40,
      term: 3,
      data: null,
      config: { voters: [1, 2, 3], learners: [] },
    };
    const out = [
      ...feed.fromEvent({ node: 2, kind: 'snapshot', at: 5, snapshot, install: false }),
      ...feed.fromEvent({ node: 4, kind: 'snapshot', at: 9, snapshot, install: true }),
    ];
    expect(sentences(out)).toEqual([
      'S2 took a snapshot of its state machine up to index 40 (term 3) and dropped those entries from its log (§7)',
      "S4 installed the leader's snapshot up to index 40 (term 3) in place of its log (§7)",
    ]);
    expect(out.map(kindOf)).toEqual(['replication', 'replication']);
    const install: Message = {
      type: 'InstallSnapshot',
      from: 1,
      to: 4,
      term: 3,
      lastIncludedIndex: 40,
      lastIncludedTerm: 3,
      data: null,
      sentAtMs: 0,
    };
    const [sent] = feed.fromEvent({ node: 1, kind: 'send', at: 7, envelope: envelope(install, 7) });
    expect(sent && describeEvent(sent)).toMatch(/^S1 sends S4 its snapshot up to index 40/);
  });

  it('says a membership change once, when the leader appends it (§4.1)', () => {
    const feed = new FeedConverter();
    const config = { kind: 'config', voters: [1, 2, 3], learners: [4] };
    const persist = (role: 'leader' | 'follower'): Unsent => ({
      kind: 'persist',
      at: 3,
      from: 5,
      entries: [{ index: 5, term: 2, command: config }],
      role,
      lastTerm: 2,
    });
    const out = [
      ...feed.fromInput({ at: 3, kind: 'addServer', id: 4 }),
      ...feed.fromEvent({ ...persist('leader'), node: 1 }),
      ...feed.fromEvent({ ...persist('follower'), node: 2 }),
    ];
    expect(sentences(out.filter((e) => e.type !== 'append'))).toEqual([
      'S4 was started, and the leader was asked to add it: first as a learner (§4.1)',
      'S1 appended a new configuration, voters S1 S2 S3, learners S4: it takes effect as soon as it is in the log (§4.1)',
    ]);
  });

  it('says when the leader answers a read from its lease (§6.4.1)', () => {
    const feed = new FeedConverter();
    const reply = (lease: boolean): Unsent => ({
      kind: 'reply',
      at: 9,
      reply: {
        requestId: 4,
        from: 1,
        kind: 'response',
        response: { ok: true, value: { kind: 'getState', user: 'alice', state: 'v1', version: 2 } },
        ...(lease && { lease: true as const }),
      },
    });
    const [leased] = feed.fromEvent({ ...reply(true), node: 1 });
    const [round] = feed.fromEvent({ ...reply(false), node: 1 });
    expect(leased && describeEvent(leased)).toMatch(
      /^S1 answered request 4 from its lease, without a round of heartbeats \(§6\.4\.1\): /,
    );
    expect(round && describeEvent(round)).toMatch(/^S1 answered request 4: /);
  });

  it('tells a leader that steps down in its own term: CheckQuorum, or out of the configuration', () => {
    const feed = new FeedConverter();
    feed.fromEvent({ ...state(10, 'leader', 2, 1), node: 1 });
    feed.fromEvent({ ...state(10, 'leader', 2, 2), node: 2 });
    const [lost] = feed.fromEvent({ ...state(300, 'follower', 2, 1), node: 1 });
    const [left] = feed.fromEvent({
      node: 2,
      ...state(300, 'follower', 2, 2),
      config: { voters: [1, 3], learners: [] },
    } as NodeEvent);
    expect(lost && describeEvent(lost)).toBe(
      'S1 stepped down in term 2: it had not heard from a majority for an election timeout (CheckQuorum)',
    );
    expect(left && describeEvent(left)).toBe(
      'S2 stepped down in term 2: it is no longer in the configuration (§4.2.2)',
    );
    // A higher term is the ordinary step-down.
    feed.fromEvent({ ...state(400, 'leader', 3, 1), node: 1 });
    const higher = feed
      .fromEvent({ ...state(500, 'follower', 4, null), node: 1 })
      .find((e) => e.type === 'stepDown');
    expect(higher && describeEvent(higher)).toMatch(
      /stepped down from leader to follower in term 4/,
    );
  });
});
