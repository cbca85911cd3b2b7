import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from './store.ts';

describe('createPlaygroundStore', () => {
  it('starts at time 0 with one snapshot per node', () => {
    const store = createPlaygroundStore({ seed: 7, nodeCount: 5, playing: false });
    const state = store.getState();
    expect(state.now).toBe(0);
    expect(state.nodes.map((n) => n.id)).toHaveLength(5);
  });

  it('Step pauses and runs to the next event', () => {
    const store = createPlaygroundStore({ seed: 7, nodeCount: 5, playing: true });
    store.getState().step();
    const { playing, now, version } = store.getState();
    expect(playing).toBe(false);
    // Nothing is due at time 0; the first event is an election timeout.
    expect(now).toBeGreaterThan(0);
    expect(version).toBe(1);
  });

  it('gives each store its own cluster', () => {
    const a = createPlaygroundStore({ seed: 7, nodeCount: 5, playing: false });
    const b = createPlaygroundStore({ seed: 7, nodeCount: 5, playing: false });
    a.getState().advance(100);
    expect(a.getState().now).toBe(100);
    expect(b.getState().now).toBe(0);
  });

  it('replays the same run from the same seed', () => {
    const run = () => {
      const store = createPlaygroundStore({ seed: 12345, nodeCount: 5, playing: false });
      for (let i = 0; i < 300 && store.getState().leader === null; i++) store.getState().step();
      return { leader: store.getState().leader, now: store.getState().now };
    };
    const first = run();
    expect(first.leader).not.toBeNull();
    expect(run()).toEqual(first);
  });
});
