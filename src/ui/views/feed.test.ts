import { describe, expect, it } from 'vitest';
import type { Message } from '../../raft/index.ts';
import type { Telemetry } from '../../runtime/protocol.ts';
import { createCluster, type Envelope, type TraceEvent } from '../../sim/index.ts';
import { describeEvent } from './describeEvent.ts';
import { FeedConverter } from './feedConvert.ts';
import { appendBounded, filterFeed, FEED_KINDS, kindOf, type FeedEvent } from './feedEvent.ts';

const state = (
  at: number,
  role: 'follower' | 'candidate' | 'leader',
  term: number,
  votedFor: number | null,
  commitIndex = 0,
): Telemetry => ({ k: 'state', at, role, term, votedFor, commitIndex, leaderId: null });

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
      ...feed.fromTelemetry(3, state(0, 'follower', 3, null)),
      ...feed.fromTelemetry(2, state(0, 'follower', 3, null)),
      ...feed.fromTelemetry(3, state(100, 'candidate', 4, 3)),
      ...feed.fromTelemetry(2, state(112, 'follower', 4, 3)),
      ...feed.fromTelemetry(3, { k: 'deliver', at: 125, e: envelope(vote(2, 3, 4, true), 112) }),
      ...feed.fromTelemetry(3, state(125, 'leader', 4, 3)),
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
    feed.fromTelemetry(1, state(10, 'candidate', 1, 1));
    feed.fromTelemetry(1, { k: 'deliver', at: 20, e: envelope(vote(2, 1, 1, false), 10) });
    feed.fromTelemetry(1, { k: 'deliver', at: 21, e: envelope(vote(3, 1, 0, true), 10) });
    feed.fromTelemetry(1, { k: 'deliver', at: 22, e: envelope(vote(4, 1, 1, true), 10) });
    const [won] = feed.fromTelemetry(1, state(22, 'leader', 1, 1));
    expect(won && describeEvent(won)).toBe('S1 won the election for term 1 with 2 votes');
  });

  it('says only "won" when it did not see the election start', () => {
    const feed = new FeedConverter({ fromStart: false });
    feed.fromTelemetry(1, state(0, 'candidate', 2, 1));
    expect(sentences(feed.fromTelemetry(1, state(30, 'leader', 2, 1)))).toEqual([
      'S1 won the election for term 2',
    ]);
  });

  it('tells appends, overwrites, commits and applies', () => {
    const feed = new FeedConverter();
    const entry = (index: number, term: number) => ({ index, term, command: null });
    const out = [
      ...feed.fromTelemetry(1, {
        k: 'persist',
        at: 5,
        from: 7,
        entries: [entry(7, 4)],
        role: 'leader',
      }),
      ...feed.fromTelemetry(1, state(6, 'follower', 0, null, 7)),
      ...feed.fromTelemetry(1, { k: 'apply', at: 6, entry: entry(7, 4), result: null }),
      ...feed.fromTelemetry(2, {
        k: 'persist',
        at: 9,
        from: 1,
        entries: [entry(1, 3), entry(2, 4)],
        role: 'follower',
      }),
      ...feed.fromTelemetry(2, {
        k: 'persist',
        at: 10,
        from: 2,
        entries: [entry(2, 5)],
        role: 'follower',
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
    const drop = (atSender: boolean, reason: 'cut' | 'loss'): Telemetry => ({
      k: 'drop',
      from: 1,
      to: 4,
      type: 'AppendEntries',
      reason,
      atSender,
      at: 50,
    });
    expect(sentences(feed.fromTelemetry(4, drop(false, 'cut')))).toEqual([
      'S4 dropped AppendEntries from S1 (link cut)',
    ]);
    expect(sentences(feed.fromTelemetry(1, drop(true, 'loss')))).toEqual([
      'The network lost AppendEntries from S1 to S4',
    ]);
    expect(sentences(feed.fromTelemetry(1, drop(true, 'cut')))).toEqual([
      'S1 could not send AppendEntries to S4 (link cut)',
    ]);
    const crashed = feed.fromTrace({
      kind: 'drop',
      at: 60,
      from: 1,
      to: 3,
      message: { type: 'AppendEntries', from: 1, to: 3, term: 2 } as Message,
      reason: 'crash',
    });
    expect(sentences(crashed)).toEqual(['AppendEntries from S1 to S3 was lost when S3 crashed']);
  });

  it('names the client of a reply from its request', () => {
    const feed = new FeedConverter();
    const out = [
      ...feed.fromTelemetry(1, {
        k: 'request',
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
      ...feed.fromTelemetry(1, {
        k: 'reply',
        at: 40,
        reply: {
          requestId: 9,
          from: 1,
          kind: 'response',
          response: { ok: true, value: { kind: 'setState', user: 'alice', version: 3 } },
        },
      }),
      ...feed.fromTelemetry(2, {
        k: 'reply',
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
    ...feed.fromTelemetry(1, state(2, 'candidate', 1, 1)),
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
      ...feed.fromTelemetry(2, { k: 'snapshot', at: 5, snapshot, install: false }),
      ...feed.fromTelemetry(4, { k: 'snapshot', at: 9, snapshot, install: true }),
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
    const [sent] = feed.fromTelemetry(1, { k: 'send', e: envelope(install, 7) });
    expect(sent && describeEvent(sent)).toMatch(/^S1 sends S4 its snapshot up to index 40/);
  });

  it('says a membership change once, when the leader appends it (§4.1)', () => {
    const feed = new FeedConverter();
    const config = { kind: 'config', voters: [1, 2, 3], learners: [4] };
    const persist = (role: 'leader' | 'follower'): Telemetry => ({
      k: 'persist',
      at: 3,
      from: 5,
      entries: [{ index: 5, term: 2, command: config }],
      role,
    });
    const out = [
      ...feed.fromInput({ at: 3, kind: 'addServer', id: 4 }),
      ...feed.fromTelemetry(1, persist('leader')),
      ...feed.fromTelemetry(2, persist('follower')),
    ];
    expect(sentences(out.filter((e) => e.type !== 'append'))).toEqual([
      'S4 was started, and the leader was asked to add it: first as a learner (§4.1)',
      'S1 appended a new configuration, voters S1 S2 S3, learners S4: it takes effect as soon as it is in the log (§4.1)',
    ]);
  });

  it('says when the leader answers a read from its lease (§6.4.1)', () => {
    const feed = new FeedConverter();
    const reply = (lease: boolean): Telemetry => ({
      k: 'reply',
      at: 9,
      reply: {
        requestId: 4,
        from: 1,
        kind: 'response',
        response: { ok: true, value: { kind: 'getState', user: 'alice', state: 'v1', version: 2 } },
        ...(lease && { lease: true as const }),
      },
    });
    const [leased] = feed.fromTelemetry(1, reply(true));
    const [round] = feed.fromTelemetry(1, reply(false));
    expect(leased && describeEvent(leased)).toMatch(
      /^S1 answered request 4 from its lease, without a round of heartbeats \(§6\.4\.1\): /,
    );
    expect(round && describeEvent(round)).toMatch(/^S1 answered request 4: /);
  });

  it('tells a leader that steps down in its own term: CheckQuorum, or out of the configuration', () => {
    const feed = new FeedConverter();
    feed.fromTelemetry(1, state(10, 'leader', 2, 1));
    feed.fromTelemetry(2, state(10, 'leader', 2, 2));
    const [lost] = feed.fromTelemetry(1, state(300, 'follower', 2, 1));
    const [left] = feed.fromTelemetry(2, {
      ...state(300, 'follower', 2, 2),
      config: { voters: [1, 3], learners: [] },
    } as Telemetry);
    expect(lost && describeEvent(lost)).toBe(
      'S1 stepped down in term 2: it had not heard from a majority for an election timeout (CheckQuorum)',
    );
    expect(left && describeEvent(left)).toBe(
      'S2 stepped down in term 2: it is no longer in the configuration (§4.2.2)',
    );
    // A higher term is the ordinary step-down.
    feed.fromTelemetry(1, state(400, 'leader', 3, 1));
    const higher = feed
      .fromTelemetry(1, state(500, 'follower', 4, null))
      .find((e) => e.type === 'stepDown');
    expect(higher && describeEvent(higher)).toMatch(
      /stepped down from leader to follower in term 4/,
    );
  });
});
