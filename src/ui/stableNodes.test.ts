import { describe, expect, it } from 'vitest';
import { stableNodes } from './stableNodes.ts';
import type { NodeSnapshot } from './store.ts';

const log = Object.freeze([{ index: 1, term: 1, command: 'x' }]);
const node = (id: number, term = 1): NodeSnapshot => ({
  id,
  alive: true,
  role: 'follower',
  term,
  votedFor: null,
  log,
  commitIndex: 0,
  lastApplied: 0,
  error: null,
});

describe('stableNodes', () => {
  it('keeps the old array when no server changed', () => {
    const old = [node(1), node(2)];
    expect(stableNodes(old, [node(1), node(2)])).toBe(old);
  });

  it('keeps each unchanged server and takes the changed one', () => {
    const old = [node(1), node(2)];
    const fresh = [node(1), node(2, 2)];
    const out = stableNodes(old, fresh);
    expect(out).not.toBe(old);
    expect(out[0]).toBe(old[0]);
    expect(out[1]).toBe(fresh[1]);
  });

  it('takes the fresh array when the cluster size changed', () => {
    expect(stableNodes([node(1)], [node(1), node(2)])).toHaveLength(2);
  });
});
