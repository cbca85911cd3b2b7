import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../../sim/index.ts';
import type { FeedEvent } from '../views/index.ts';
import { eventsText, exportName, historyText } from './textExport.ts';

describe('the feed and the history as text files', () => {
  it('writes one event a line, oldest first, under a heading', () => {
    const events: FeedEvent[] = [
      { seq: 1, at: 180, type: 'timeout', node: 2, term: 1, afterPreVote: false },
      { seq: 2, at: 1250, type: 'elected', node: 2, term: 1, votes: 3 },
    ];
    const lines = eventsText(events, 7, 1300).split('\n');
    expect(lines[0]).toBe(
      'Raft Playground: events of seed 7 up to 1,300 ms (the last 2 kept), oldest first',
    );
    expect(lines[2]).toMatch(/^180 ms\telections\t.*S2/);
    expect(lines[3]).toMatch(/^1,250 ms\telections\t.*S2/);
  });

  it('writes each operation as a screen reader hears it', () => {
    const op: HistoryOp = {
      id: 1,
      client: 'ada',
      kind: 'setState',
      input: { user: 'ada', state: 'hi' },
      status: 'ok',
      output: { version: 2 },
      invokeMs: 100,
      completeMs: 140,
      attempts: 1,
    };
    expect(historyText([op], 7, 200).split('\n')).toEqual([
      'Raft Playground: client history of seed 7 up to 200 ms (1 operation)',
      '',
      'Operation 1, client ada: set "hi", ok: v2, from 100 ms to 140 ms',
      '',
    ]);
    expect(historyText([], 7, 0)).toContain('(nothing yet)');
  });

  it('names a file by run and instant', () => {
    expect(exportName('ring', 7, 1250.4, 'svg')).toBe('raft-ring-seed7-1250ms.svg');
  });
});
