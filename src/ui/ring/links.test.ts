import { describe, expect, it } from 'vitest';
import { dropTarget, sideNames } from './grouping.ts';
import { cutOffServers, groupsFromLinks, linkStates, linkStatus, moveToGroup } from './links.ts';

const ids = [1, 2, 3, 4, 5];

describe('links', () => {
  it('reads each direction of each pair once', () => {
    const cut = new Set(['1>2']);
    const links = linkStates(ids, (a, b) => !cut.has(`${a}>${b}`));
    expect(links).toHaveLength(10);
    const l12 = links.find((l) => l.a === 1 && l.b === 2)!;
    expect(l12).toEqual({ a: 1, b: 2, aToB: false, bToA: true });
    expect(linkStatus(l12)).toBe('one-way');
    expect(linkStatus({ a: 1, b: 3, aToB: false, bToA: false })).toBe('cut');
    expect(linkStatus({ a: 1, b: 3, aToB: true, bToA: true })).toBe('up');
  });

  it('finds the sides of a partition from links that work both ways', () => {
    const side = (id: number) => (id <= 2 ? 0 : 1);
    const links = linkStates(ids, (a, b) => side(a) === side(b));
    expect(groupsFromLinks(ids, links)).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    expect(
      groupsFromLinks(
        ids,
        linkStates(ids, () => true),
      ),
    ).toEqual([ids]);
  });
});

describe('the servers shown as cut off', () => {
  const split = (...groups: number[][]) =>
    linkStates(ids, (a, b) => groups.some((g) => g.includes(a) && g.includes(b)));

  it('keeps the ones isolated together while they are a side of their own', () => {
    const shown = [1, 2];
    expect(cutOffServers([], [2, 1], ids, split([1, 2], [3, 4, 5]))).toEqual(shown);
    expect(cutOffServers(shown, [2, 1], ids, split([1, 2], [3, 4, 5]))).toBe(shown);
  });

  it('otherwise names each server alone on its side, whoever cut it off', () => {
    // A lesson cut the leader off; the buttons had isolated nobody.
    expect(cutOffServers([], [], ids, split([3], [1, 2, 4, 5]))).toEqual([3]);
    // Two sides of several servers each: a partition, nobody alone.
    expect(cutOffServers([1, 2], [1, 2], ids, split([1, 2, 3], [4, 5]))).toEqual([]);
    // Healed, or back before the cut: nobody.
    const whole = linkStates(ids, () => true);
    expect(cutOffServers([1], [1], ids, whole)).toEqual([]);
  });
});

describe('dragging servers into groups', () => {
  it('drop on empty space: the server gets a side of its own', () => {
    expect(moveToGroup([ids], 1, null)).toEqual([[2, 3, 4, 5], [1]]);
  });

  it('drop on another server: it joins that side', () => {
    expect(moveToGroup([[2, 3, 4, 5], [1]], 2, 1)).toEqual([
      [3, 4, 5],
      [1, 2],
    ]);
  });

  it('back onto the last other side heals: one side left', () => {
    expect(moveToGroup([[2, 3, 4, 5], [1]], 1, 3)).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('onto itself changes nothing', () => {
    expect(moveToGroup([[1, 2], [3]], 1, 1)).toEqual([[1, 2], [3]]);
  });

  it('finds the server under the drop point, within reach', () => {
    const positions = new Map([
      [1, { x: 0, y: 0 }],
      [2, { x: 100, y: 0 }],
    ]);
    expect(dropTarget(1, { x: 95, y: 5 }, positions, 30)).toBe(2);
    expect(dropTarget(1, { x: 50, y: 50 }, positions, 30)).toBeNull();
    expect(dropTarget(1, { x: 3, y: 0 }, positions, 30)).toBe('self');
  });

  it('names sides A, B, ... from the lowest server, none when whole', () => {
    expect([
      ...sideNames([
        [3, 4],
        [1, 2],
      ]),
    ]).toEqual([
      [1, 'A'],
      [2, 'A'],
      [3, 'B'],
      [4, 'B'],
    ]);
    expect(sideNames([ids]).size).toBe(0);
  });
});
