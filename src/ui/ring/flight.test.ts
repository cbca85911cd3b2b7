import { describe, expect, it } from 'vitest';
import { flightKind, flightProgress, laneOffset, pointAlong } from './flight.ts';

describe('message progress on a link', () => {
  it('is (now - sentAt) / (deliverAt - sentAt), clamped to [0, 1]', () => {
    expect(flightProgress(100, 200, 100)).toBe(0);
    expect(flightProgress(100, 200, 150)).toBe(0.5);
    expect(flightProgress(100, 200, 200)).toBe(1);
    expect(flightProgress(100, 200, 50)).toBe(0);
    expect(flightProgress(100, 200, 400)).toBe(1);
  });

  it('is at its end when sent and due at the same instant', () => {
    expect(flightProgress(100, 100, 100)).toBe(1);
  });

  it('places a message between the rims of the two nodes', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    expect(pointAlong(a, b, 0, 10)).toEqual({ x: 10, y: 0 });
    expect(pointAlong(a, b, 1, 10)).toEqual({ x: 90, y: 0 });
    expect(pointAlong(a, b, 0.5, 10)).toEqual({ x: 50, y: 0 });
    expect(pointAlong(a, a, 0.5, 10)).toEqual(a);
  });

  it('gives each direction its own lane, on opposite sides of the line', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    const there = laneOffset(a, b, 5);
    const back = laneOffset(b, a, 5);
    expect(there.y).toBeCloseTo(5);
    expect(back.y).toBeCloseTo(-5);
  });
});

describe('message kinds', () => {
  it('tells heartbeats from AppendEntries with entries, and votes granted from refused', () => {
    const base = { term: 1, leaderId: 1, prevLogIndex: 0, prevLogTerm: 0, leaderCommit: 0 };
    expect(flightKind({ type: 'AppendEntries', ...base, entries: [] } as never).kind).toBe(
      'heartbeat',
    );
    expect(
      flightKind({ type: 'AppendEntries', ...base, entries: [{ term: 1, command: 'x' }] } as never)
        .label,
    ).toBe('append 1');
    expect(
      flightKind({
        type: 'RequestVoteResponse',
        term: 1,
        voteGranted: true,
        preVote: false,
      } as never).kind,
    ).toBe('vote-yes');
    expect(
      flightKind({
        type: 'RequestVoteResponse',
        term: 1,
        voteGranted: false,
        preVote: false,
      } as never).kind,
    ).toBe('vote-no');
    expect(flightKind({ type: 'RequestVote', term: 2, preVote: true } as never).kind).toBe(
      'prevote',
    );
    expect(flightKind({ type: 'TimeoutNow', term: 2 } as never).shape).toBe('star');
    expect(flightKind({ type: 'InstallSnapshot', term: 2 } as never).kind).toBe('snapshot');
  });

  it('never tells two kinds apart by colour alone: each has its own shape or word', () => {
    const kinds = [
      flightKind({ type: 'RequestVote', preVote: false } as never),
      flightKind({ type: 'RequestVoteResponse', voteGranted: true } as never),
      flightKind({ type: 'AppendEntries', entries: [] } as never),
      flightKind({ type: 'AppendEntriesResponse', success: true } as never),
      flightKind({ type: 'InstallSnapshot' } as never),
      flightKind({ type: 'TimeoutNow' } as never),
    ];
    expect(new Set(kinds.map((k) => `${k.shape} ${k.label}`)).size).toBe(kinds.length);
  });
});
