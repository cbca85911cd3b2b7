import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../../sim/index.ts';
import {
  CLIENT_LABEL_PX,
  LANE_PX,
  LANES_PER_CLIENT_MAX,
  layoutHistory,
  selectOps,
} from './historyLayout.ts';
import { fitText, opDescription, opLabel } from './opLabel.ts';

let nextId = 1;
function op(
  client: string,
  invokeMs: number,
  completeMs: number | null,
  status: HistoryOp['status'] = 'ok',
  extra: Partial<HistoryOp> = {},
): HistoryOp {
  return {
    id: nextId++,
    client,
    kind: 'setState',
    input: { user: client, state: 'x' },
    status,
    invokeMs,
    completeMs,
    attempts: 1,
    ...extra,
  };
}

describe('layoutHistory', () => {
  it('puts each client on its own band and maps time onto x', () => {
    const a = op('alice', 0, 100);
    const b = op('bob', 50, 200);
    const layout = layoutHistory([a, b], { widthPx: 416 });
    expect(layout.clients.map((c) => c.client)).toEqual(['alice', 'bob']);
    const [barA, barB] = layout.bars;
    expect(barA?.x0).toBe(CLIENT_LABEL_PX);
    expect(barB?.x1).toBe(400);
    expect(barA?.x1).toBeCloseTo(CLIENT_LABEL_PX + (400 - CLIENT_LABEL_PX) / 2);
    expect(barB?.y).toBeGreaterThan(barA?.y ?? Infinity);
    expect(layout.domainMs).toEqual([0, 200]);
  });

  it('draws an operation with no known end open to the end of the axis, which reaches now', () => {
    const info = op('alice', 10, null, 'info');
    const layout = layoutHistory([info, op('alice', 20, 40)], { widthPx: 416, nowMs: 300 });
    expect(layout.bars[0]).toMatchObject({ open: true, x1: 400 });
    expect(layout.domainMs).toEqual([0, 300]);
  });

  it('reaches the axis out to round instants, so the bars hold still as time runs', () => {
    const ops = [op('alice', 10, 40), op('bob', 120, 180), op('alice', 250, null, 'info')];
    const at = (nowMs: number) => layoutHistory(ops, { widthPx: 416, nowMs });
    expect(at(260).domainMs).toEqual([0, 300]);
    expect(at(290).bars).toEqual(at(260).bars);
    expect(at(290).ticks).toEqual(at(260).ticks);
    // Past the last round instant, the axis reaches out again.
    expect(at(310).domainMs).toEqual([0, 400]);
  });

  it('stacks a client’s overlapping operations in lanes, and no more than the bound', () => {
    const ops = [
      op('c', 0, null, 'info'),
      op('c', 10, 20),
      op('c', 30, 40),
      ...Array.from({ length: 6 }, (_, k) => op('c', 50 + k, null, 'info')),
    ];
    const layout = layoutHistory(ops, { widthPx: 600 });
    const ys = layout.bars.map((b) => b.y);
    expect(ys[1]).toBe((ys[0] ?? 0) + LANE_PX);
    expect(ys[2]).toBe(ys[1]);
    expect(new Set(ys).size).toBe(LANES_PER_CLIENT_MAX);
    expect(layout.clients[0]?.heightPx).toBe(LANES_PER_CLIENT_MAX * LANE_PX);
  });

  it('marks the failed operation and numbers the longest valid order left to right', () => {
    const w1 = op('a', 0, 100);
    const w2 = op('b', 20, 60);
    const r = op('c', 70, 90, 'ok', { kind: 'getState' });
    const layout = layoutHistory([w1, w2, r], {
      widthPx: 500,
      verdict: { result: 'not-linearizable', failedOpId: r.id, order: [w2.id, w1.id] },
    });
    expect(layout.bars.filter((b) => b.failed).map((b) => b.op.id)).toEqual([r.id]);
    expect(layout.markers.map((m) => [m.opId, m.n])).toEqual([
      [w2.id, 1],
      [w1.id, 2],
    ]);
    const [first, second] = layout.markers;
    expect(second?.x).toBeGreaterThanOrEqual(first?.x ?? Infinity);
    // Each point lies within its own operation.
    for (const m of layout.markers) {
      const bar = layout.bars.find((b) => b.op.id === m.opId);
      expect(m.x).toBeGreaterThanOrEqual(bar?.x0 ?? Infinity);
      expect(m.x).toBeLessThanOrEqual(bar?.x1 ?? -Infinity);
    }
  });

  it('copes with an empty history', () => {
    const layout = layoutHistory([], { widthPx: 400, nowMs: 50 });
    expect(layout.bars).toEqual([]);
    expect(layout.shown).toBe(0);
    expect(Number.isFinite(layout.heightPx)).toBe(true);
  });
});

describe('selectOps', () => {
  const many = Array.from({ length: 50 }, (_, k) => op(`c${k % 3}`, k * 10, k * 10 + 5));

  it('keeps the newest when there are too many', () => {
    expect(selectOps(many, undefined, 5).map((o) => o.invokeMs)).toEqual([450, 460, 470, 480, 490]);
  });

  it('keeps the ones around the failed operation, in id order', () => {
    const failed = many[20];
    const kept = selectOps(many, failed?.id, 5).map((o) => o.invokeMs);
    expect(kept).toEqual([180, 190, 200, 210, 220]);
  });
});

describe('operation labels', () => {
  it('says what was asked and what came back', () => {
    expect(
      opLabel(op('a', 0, 1, 'ok', { output: { kind: 'setState', user: 'a', version: 3 } })),
    ).toBe('set "x" → v3');
    expect(
      opLabel(
        op('a', 0, 1, 'ok', {
          kind: 'getState',
          input: { user: 'bob', stale: true },
          output: { kind: 'getState', user: 'bob', state: 'hi', version: 2 },
        }),
      ),
    ).toBe('get bob (stale) → "hi" v2');
    expect(opLabel(op('a', 0, 1, 'fail', { error: 'Log in first.' }))).toBe(
      'set "x" → failed: Log in first.',
    );
    expect(opLabel(op('a', 0, null, 'info'))).toBe('set "x" → unknown outcome');
  });

  it('keeps user text as text, clipped, never markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const label = opLabel(op('a', 0, 1, 'ok', { input: { user: 'a', state: evil } }));
    expect(label.startsWith('set "<img src=x onerror=al')).toBe(true);
    expect(label).toContain('…');
  });

  it('describes a bar for a screen reader, with its times', () => {
    const o = op('alice', 100, 250, 'ok', { output: { version: 1 } });
    expect(opDescription(o)).toBe(
      `Operation ${o.id}, client alice: set "x", ok: v1, from 100 ms to 250 ms`,
    );
    expect(opDescription(op('bob', 5, null, 'pending'))).toMatch(
      /pending, invoked at 5 ms, no answer$/,
    );
  });

  it('fits text to a width', () => {
    expect(fitText('abcdef', 65)).toBe('abcdef');
    expect(fitText('abcdefghijklmnop', 39)).toBe('abcde…');
    expect(fitText('abc', 6)).toBe('');
  });
});
