import { describe, expect, it } from 'vitest';
import { appendReply, electedLeader, sent, testNode } from './testing';
import type { InstallSnapshot } from './types';

const peers3 = [1, 2, 3];

const leaderWithLog = (terms: number[]) => electedLeader(peers3, { term: 1, log: terms });
const ack = (from: number, matchIndex: number, term: number) => appendReply(from, term, matchIndex);

describe('log compaction and InstallSnapshot (Raft §7, Figure 13)', () => {
  it('compaction drops the covered entries and is handed out to persist', () => {
    const n = leaderWithLog([1, 1, 1]);
    n.step(ack(2, 4, 2), 170); // commits 1..4 (the no-op is 4)
    n.takeReady(); // applies them
    n.compact(3, { state: 'at-3' });
    expect(n.log.snapshotIndex).toBe(3);
    expect(n.log.all().map((e) => e.index)).toEqual([4]);
    expect(n.takeReady().snapshot).toEqual({
      index: 3,
      term: 1,
      data: { state: 'at-3' },
      config: { voters: [1, 2, 3], learners: [] },
      install: false,
    });
  });

  it('cannot snapshot what is not applied', () => {
    const n = leaderWithLog([1, 1]);
    expect(() => n.compact(2, null)).toThrow(/applied only/);
  });

  it('a leader sends its snapshot to a follower that needs compacted entries, then streams the rest', () => {
    const n = leaderWithLog([1, 1, 1]);
    n.step(ack(2, 4, 2), 170);
    n.takeReady();
    n.compact(4, 'snap');
    n.propose('x', 171);
    n.takeReady();
    n.tick(210); // follower 3 never answered: its heartbeat is due
    const out = n.takeReady().messages;
    // Follower 3 is at nextIndex 4 <= 4: it gets the snapshot.
    expect(out.find((m) => m.to === 3)).toMatchObject({
      type: 'InstallSnapshot',
      lastIncludedIndex: 4,
      lastIncludedTerm: 2,
      data: 'snap',
    });
    n.step(ack(3, 4, 2), 220);
    expect(sent(n).find((m) => m.to === 3)).toMatchObject({
      type: 'AppendEntries',
      prevLogIndex: 4,
      entries: [{ index: 5 }],
    });
  });

  it('a follower whose log conflicts discards it and takes the snapshot as its state', () => {
    const f = testNode(2, peers3, { term: 1, log: [1, 1, 1] });
    const snap: InstallSnapshot = {
      type: 'InstallSnapshot',
      from: 1,
      to: 2,
      term: 3,
      lastIncludedIndex: 5,
      lastIncludedTerm: 3,
      data: 'S',
      sentAtMs: 0,
    };
    f.step(snap, 10);
    expect([f.commitIndex, f.lastApplied, f.log.lastIndex(), f.log.all().length]).toEqual([
      5, 5, 5, 0,
    ]);
    const ready = f.takeReady();
    expect(ready.snapshot).toEqual({ index: 5, term: 3, data: 'S', install: true });
    expect(ready.entries).toEqual({ from: 6, entries: [] }); // drop every stored entry
    expect(ready.committed).toEqual([]);
    expect(ready.messages).toMatchObject([
      { type: 'AppendEntriesResponse', success: true, matchIndex: 5 },
    ]);
  });

  it("a follower that holds the snapshot's last entry keeps the entries after it (Figure 13, step 6)", () => {
    const f = testNode(2, peers3, { term: 2, log: [1, 2, 2, 2] });
    f.step(
      {
        type: 'InstallSnapshot',
        from: 1,
        to: 2,
        term: 2,
        lastIncludedIndex: 2,
        lastIncludedTerm: 2,
        data: null,
        sentAtMs: 0,
      },
      10,
    );
    expect(f.log.all().map((e) => e.index)).toEqual([3, 4]);
    expect(f.commitIndex).toBe(2);
  });

  it('a snapshot older than what is committed changes nothing', () => {
    const f = testNode(2, peers3, { term: 1, log: [1, 1, 1] });
    f.step(
      {
        type: 'AppendEntries',
        from: 1,
        to: 2,
        term: 1,
        prevLogIndex: 3,
        prevLogTerm: 1,
        entries: [],
        leaderCommit: 3,
        readSeq: 0,
        sentAtMs: 0,
      },
      5,
    );
    f.takeReady();
    f.step(
      {
        type: 'InstallSnapshot',
        from: 1,
        to: 2,
        term: 1,
        lastIncludedIndex: 2,
        lastIncludedTerm: 1,
        data: null,
        sentAtMs: 0,
      },
      10,
    );
    const ready = f.takeReady();
    expect(ready.snapshot).toBeNull();
    expect(ready.messages).toMatchObject([{ success: true, matchIndex: 3 }]);
  });

  it('AppendEntries reaching back before the snapshot is read from the snapshot on', () => {
    const f = testNode(2, peers3, { term: 1, log: [1, 1, 1] });
    f.step(
      {
        type: 'InstallSnapshot',
        from: 1,
        to: 2,
        term: 1,
        lastIncludedIndex: 3,
        lastIncludedTerm: 1,
        data: null,
        sentAtMs: 0,
      },
      5,
    );
    f.takeReady();
    const entries = [1, 2, 3, 4].map((index) => ({ index, term: 1, command: index }));
    f.step(
      {
        type: 'AppendEntries',
        from: 1,
        to: 2,
        term: 1,
        prevLogIndex: 0,
        prevLogTerm: 0,
        entries,
        leaderCommit: 4,
        readSeq: 0,
        sentAtMs: 0,
      },
      10,
    );
    expect(f.log.all().map((e) => e.index)).toEqual([4]);
    expect(sent(f)).toMatchObject([{ success: true, matchIndex: 4 }]);
  });
});
