import { describe, expect, it } from 'vitest';
import type { FromWorker } from './protocol';
import { decode, encode } from './wire';

describe('the wire format between threads', () => {
  it('gives back a report as it was, with nothing due as Infinity', () => {
    const report: FromWorker = {
      kind: 'done',
      report: {
        nextDueAt: Infinity,
        batches: { 2: 31 },
        telemetry: [
          {
            kind: 'apply',
            node: 1,
            at: 5,
            entry: { index: 1, term: 1, command: { op: 'set', state: '<b>' } },
            result: null,
          },
          {
            kind: 'state',
            node: 1,
            at: 5,
            role: 'leader',
            term: 1,
            votedFor: 1,
            commitIndex: 1,
            leaderId: 1,
            config: { voters: [1], learners: [] },
          },
        ],
      },
      results: [null, { index: 1, term: 1 }],
      inputEnds: [0, 2],
    };
    expect(decode(encode(report))).toEqual(report);
    const due: FromWorker = { ...report, report: { ...report.report, nextDueAt: 40 } };
    expect(decode(encode(due))).toEqual(due);
  });
});
