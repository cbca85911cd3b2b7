import { describe, expect, it } from 'vitest';
import {
  LIVE_FLIGHT_SHOW_MS,
  liveData,
  readServerView,
  type ServerView,
  type Watched,
} from './translate.ts';
import { readAttachAddress } from './address.ts';

/** A frame as src/server/view.ts writes it, written out here by hand. */
function frame(over: Partial<ServerView>): ServerView {
  return {
    id: 1,
    role: 'follower',
    term: 3,
    votedFor: 2,
    leader: 2,
    commitIndex: 4,
    lastApplied: 4,
    lastIndex: 5,
    snapshotIndex: 0,
    snapshotTerm: 0,
    servers: [1, 2, 3],
    cut: { out: [], in: [] },
    peers: { 1: 'http://127.0.0.1:5000', 2: 'http://127.0.0.1:5001' },
    launcher: 'http://127.0.0.1:5200',
    now: 10_000,
    log: [
      { index: 4, term: 3, kind: 'noop' },
      { index: 5, term: 3, kind: 'setState', user: 'alice' },
    ],
    progress: {},
    users: [{ user: 'alice', state: 'active', version: 1 }],
    wire: [],
    ...over,
  };
}

describe('a live cluster read into the views', () => {
  it('maps each field of a frame to its place in the store', () => {
    const leader = frame({
      id: 2,
      role: 'leader',
      votedFor: 2,
      cut: { out: [3], in: [] },
      progress: { 1: { nextIndex: 6, matchIndex: 5 } },
      wire: [
        {
          seq: 7,
          at: 9_900,
          lost: null,
          atSender: true,
          message: {
            type: 'AppendEntries',
            from: 2,
            to: 1,
            term: 3,
            prevLogIndex: 4,
            prevLogTerm: 3,
            entries: [{ index: 5, term: 3, command: { kind: 'setState', user: 'alice' } }],
            leaderCommit: 4,
            readSeq: 0,
            sentAtMs: 0,
          },
        },
        {
          seq: 8,
          at: 9_950,
          lost: 'cut',
          atSender: true,
          message: {
            type: 'AppendEntries',
            from: 2,
            to: 3,
            term: 3,
            prevLogIndex: 5,
            prevLogTerm: 3,
            entries: [],
            leaderCommit: 4,
            readSeq: 0,
            sentAtMs: 0,
          },
        },
      ],
    });
    const watched = new Map<number, Watched>([
      [1, { view: frame({}), alive: true, offsetMs: 0 }],
      // The page's clock runs 500 ms ahead of S2's.
      [2, { view: leader, alive: true, offsetMs: 500 }],
      [3, { view: frame({ id: 3, term: 2 }), alive: false, offsetMs: 0 }],
    ]);
    const data = liveData([1, 2, 3], watched, 10_500, 10_000);
    expect(data.now).toBe(500);
    expect(data.leader).toBe(2);
    const [s1, s2, s3] = data.nodes;
    expect(s1).toMatchObject({
      id: 1,
      alive: true,
      role: 'follower',
      term: 3,
      votedFor: 2,
      commitIndex: 4,
      lastApplied: 4,
      snapshotIndex: 3,
    });
    expect(s1?.log).toEqual([
      { index: 4, term: 3, command: { kind: 'noop' } },
      { index: 5, term: 3, command: { kind: 'setState', user: 'alice' } },
    ]);
    expect(s2?.role).toBe('leader');
    // A server whose stream closed is down, with its disk's log but no volatile state.
    expect(s3).toMatchObject({ alive: false, role: 'follower', term: 2, commitIndex: 0 });
    expect(data.users).toEqual({
      1: [{ user: 'alice', state: 'active', version: 1 }],
      2: [{ user: 'alice', state: 'active', version: 1 }],
      3: undefined,
    });
    expect(data.progress).toEqual({ 1: { nextIndex: 6, matchIndex: 5 } });
    // S2 cut its end toward S3: that direction only.
    expect(data.view.links).toEqual([
      { a: 1, b: 2, aToB: true, bToA: true },
      { a: 1, b: 3, aToB: true, bToA: true },
      { a: 2, b: 3, aToB: false, bToA: true },
    ]);
    // Sent at S2's 9900 = the page's 10400, 400 ms after it attached; drawn for LIVE_FLIGHT_SHOW_MS.
    expect(data.view.flights).toEqual([
      expect.objectContaining({
        from: 2,
        to: 1,
        sentAt: 400,
        deliverAt: 400 + LIVE_FLIGHT_SHOW_MS,
        seq: 7,
      }),
    ]);
    expect(data.inFlight).toBe(1);
    expect(data.view.drops).toEqual([
      expect.objectContaining({ from: 2, to: 3, type: 'AppendEntries', atSender: true, at: 450 }),
    ]);
    expect(data.workers).toBe(2);
  });

  it('draws no flight once its time on the ring is over', () => {
    const wire = frame({}).wire;
    const v = frame({
      wire: [
        {
          seq: 1,
          at: 9_000,
          lost: null,
          atSender: true,
          message: { type: 'TimeoutNow', from: 1, to: 2, term: 3 },
        },
        ...wire,
      ],
    });
    const data = liveData(
      [1, 2],
      new Map([[1, { view: v, alive: true, offsetMs: 0 }]]),
      9_000 + LIVE_FLIGHT_SHOW_MS,
      0,
    );
    expect(data.view.flights).toEqual([]);
  });

  it('takes a frame of a server only, and an address on this machine only', () => {
    expect(readServerView(frame({}))).not.toBeNull();
    expect(readServerView({ hello: 'world' })).toBeNull();
    expect(readServerView({ ...frame({}), role: 'king' })).toBeNull();
    expect(readAttachAddress('127.0.0.1:5000')).toEqual({ ok: true, url: 'http://127.0.0.1:5000' });
    expect(readAttachAddress('http://localhost:5001/status')).toEqual({
      ok: true,
      url: 'http://localhost:5001',
    });
    for (const bad of [
      'http://example.com:5000',
      'http://127.0.0.1',
      'ftp://127.0.0.1:5000',
      'nonsense',
    ])
      expect(readAttachAddress(bad).ok, bad).toBe(false);
  });
});
