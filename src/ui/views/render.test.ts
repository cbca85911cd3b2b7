import { createElement, type FunctionComponent } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HistoryOp, LogEntry } from '../../sim/index.ts';
import { EventFeedView } from './EventFeedView.tsx';
import { FeedConverter } from './feedConvert.ts';
import { HistoryView } from './HistoryView.tsx';
import { Inspector } from './Inspector.tsx';
import { LogsView } from './LogsView.tsx';
import { LOG_OVERSCAN_CELLS } from './logWindow.ts';
import { SafetyBadges } from './SafetyBadges.tsx';
import { StateView } from './StateView.tsx';

// Smoke tests: each view renders on the server (no DOM), draws what it is
// given and no more, and keeps user input as text.

function html<P extends object>(component: FunctionComponent<P>, props: P): string {
  return renderToString(createElement(component, props));
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

const log = (n: number, term = 1): LogEntry[] =>
  Array.from({ length: n }, (_, k) => ({
    index: k + 1,
    term: k < n / 2 ? term : term + 1,
    command: null,
  }));

const node = (id: number, entries: LogEntry[], role: 'leader' | 'follower' = 'follower') => ({
  id,
  alive: true,
  role,
  term: 2,
  votedFor: 1,
  log: entries,
  commitIndex: Math.max(0, entries.length - 2),
  lastApplied: Math.max(0, entries.length - 3),
});

const evil = '<img src=x onerror=alert(1)>';

describe('LogsView', () => {
  it('renders only a window of cells, however long the logs', () => {
    const nodes = Array.from({ length: 9 }, (_, k) =>
      node(k + 1, log(2000), k === 0 ? 'leader' : 'follower'),
    );
    const out = html(LogsView, {
      nodes,
      leaderId: 1,
      progress: { 2: { nextIndex: 2001, matchIndex: 2000 } },
    });
    const cells = count(out, 'role="gridcell"');
    expect(cells).toBeGreaterThan(0);
    // The fallback width shows about 16 cells; 9 rows of them plus overscan.
    expect(cells).toBeLessThanOrEqual(9 * (20 + 2 * LOG_OVERSCAN_CELLS));
    expect(out).toContain('aria-colcount="2002"');
    // It opens on the newest entries, which it follows, not on the first.
    expect(out).toContain('S2 index 2000, term ');
    expect(out).not.toContain('S2 index 1, term ');
  });

  it('labels an entry that differs from the leader in words', () => {
    const leader = node(1, log(4), 'leader');
    const follower = node(2, [...log(2), { index: 3, term: 9, command: null }]);
    const out = html(LogsView, { nodes: [leader, follower], leaderId: 1 });
    expect(out).toContain('differs from the leader, which has term 2');
    expect(out).toContain('rv-cell--conflict');
  });
});

describe('StateView', () => {
  it('shows user input as text and marks what differs from the leader', () => {
    const out = html(StateView, {
      users: {
        1: [{ user: 'alice', state: evil, version: 2 }],
        2: [{ user: 'alice', state: 'old', version: 1 }],
      },
      leaderId: 1,
      alive: { 1: true, 2: false },
    });
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('rv-diff');
    expect(out).toContain('differs from the leader, which has version 2');
    expect(out).toContain('crashed');
  });
});

describe('Inspector', () => {
  it('lists a node’s Figure 2 state in a description list', () => {
    const out = html(Inspector, {
      target: {
        kind: 'node',
        node: node(1, log(3), 'leader'),
        progress: { 2: { nextIndex: 4, matchIndex: 3 } },
      },
    });
    expect(out).toContain('<dl');
    expect(out).toContain('currentTerm');
    expect(out).toContain('nextIndex 4, matchIndex 3');
  });

  it('says what to do when nothing is selected', () => {
    expect(html(Inspector, { target: null })).toContain('Click a server or a message');
  });
});

describe('EventFeedView', () => {
  it('lists events newest first, each time a button that seeks', () => {
    const feed = new FeedConverter();
    const events = [
      ...feed.fromInput({ at: 10, kind: 'crash', id: 2 }),
      ...feed.fromInput({ at: 20, kind: 'restart', id: 2 }),
    ];
    const out = html(EventFeedView, { events, nodeIds: [1, 2, 3], onSeek: () => {} });
    expect(out.indexOf('S2 restarted')).toBeLessThan(out.indexOf('S2 crashed'));
    expect(out).toContain('aria-label="Go to 20 ms"');
    expect(count(out, 'type="checkbox"')).toBe(5);
  });
});

describe('HistoryView', () => {
  const op = (id: number, client: string, state: string, completeMs: number | null): HistoryOp => ({
    id,
    client,
    kind: 'setState',
    input: { user: client, state },
    status: completeMs === null ? 'info' : 'ok',
    invokeMs: id * 10,
    completeMs,
    attempts: 1,
  });

  it('draws bars per client, the failed operation and the numbered order', () => {
    const out = html(HistoryView, {
      history: [op(1, 'alice', evil, 50), op(2, 'bob', 'b', null), op(3, 'carol', 'c', 60)],
      verdict: { result: 'not-linearizable', failedOpId: 3, order: [1, 2] },
      nowMs: 100,
    });
    expect(out).toContain('Client alice');
    expect(out).toContain('cannot be placed');
    expect(out).toContain('aria-label="The longest valid order"');
    expect(out).not.toContain('<img');
    expect(out).toContain('Not linearizable');
  });
});

describe('SafetyBadges', () => {
  it('shows every property, a violated one with a button to point at it', () => {
    const out = html(SafetyBadges, {
      violations: [
        { property: 'Log Matching', at: 5, detail: 'logs differ', nodes: [1, 2], index: 3 },
      ],
      onFocusViolation: () => {},
    });
    expect(count(out, 'class="rv-badge ')).toBe(8);
    expect(out).toContain('Show S1 and S2, entry 3, at 5 ms');
    expect(out).toContain('role="alert"');
    expect(out).toContain('Safety violated: Log Matching. logs differ.');
  });
});
