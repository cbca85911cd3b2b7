import { describe, expect, it } from 'vitest';
import { stateGrid } from './stateDiff.ts';

const u = (user: string, state: string, version: number) => ({ user, state, version });

describe('stateGrid', () => {
  it('compares every server with the leader, user by user', () => {
    const grid = stateGrid(
      {
        1: [u('alice', 'hi', 2), u('bob', '', 0)],
        2: [u('alice', 'hi', 2), u('bob', '', 0)],
        3: [u('alice', 'hello', 1)],
      },
      1,
    );
    expect(grid.nodes).toEqual([1, 2, 3]);
    expect(grid.rows.map((r) => r.user)).toEqual(['alice', 'bob']);
    expect(grid.rows[0]?.cells.map((c) => c.diff)).toEqual(['leader', 'same', 'differs']);
    expect(grid.rows[0]?.cells[2]?.leaderValue).toEqual(u('alice', 'hi', 2));
    expect(grid.rows[1]?.cells.map((c) => c.diff)).toEqual(['leader', 'same', 'missing']);
    expect(grid.usersDiffering).toBe(2);
  });

  it('tells a version behind from an equal one, and a user only a follower has', () => {
    const grid = stateGrid({ 1: [u('a', 'x', 2)], 2: [u('a', 'x', 1), u('z', 'y', 1)] }, 1);
    expect(grid.rows[0]?.cells[1]?.diff).toBe('differs');
    expect(grid.rows[1]?.cells.map((c) => c.diff)).toEqual(['leader', 'extra']);
  });

  it('highlights nothing without a leader, and knows when a server did not report', () => {
    const none = stateGrid({ 1: [u('a', 'x', 1)], 2: [u('a', 'y', 1)] }, null);
    expect(none.rows[0]?.cells.map((c) => c.diff)).toEqual(['none', 'none']);
    expect(none.usersDiffering).toBe(0);
    const unknown = stateGrid({ 1: [u('a', 'x', 1)], 2: undefined }, 1);
    expect(unknown.rows[0]?.cells[1]).toMatchObject({ diff: 'unknown', value: null });
  });

  it('sorts names by code unit, as every browser agrees', () => {
    const grid = stateGrid({ 1: [u('b', '', 0), u('B', '', 0), u('a', '', 0)] }, 1);
    expect(grid.rows.map((r) => r.user)).toEqual(['B', 'a', 'b']);
  });
});
