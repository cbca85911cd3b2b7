import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../sim/index.ts';
import { membershipOf, nextServerId, shownConfig } from './membership.ts';

const log = (n: number): LogEntry[] =>
  Array.from({ length: n }, (_, k) => ({ index: k + 1, term: 1, command: null }));

describe('membership on the page (dissertation §4.1)', () => {
  const five = { voters: [1, 2, 3, 4, 5], learners: [] };
  const six = { voters: [1, 2, 3, 4, 5], learners: [6] };

  it('shows the leader’s configuration, which decides every change', () => {
    const nodes = [
      { id: 1, config: six, log: log(3) },
      { id: 2, config: five, log: log(9) },
    ];
    expect(shownConfig(nodes, 1)).toBe(six);
  });

  it('without a leader, shows the configuration in the longest log', () => {
    const nodes = [
      { id: 1, config: six, log: log(3) },
      { id: 2, config: five, log: [], snapshotIndex: 7 },
    ];
    expect(shownConfig(nodes, null)).toBe(five);
    expect(shownConfig([{ id: 1, log: [] }], null)).toBeNull();
  });

  it('tells voters, learners and removed servers apart', () => {
    expect(membershipOf(6, six)).toBe('learner');
    expect(membershipOf(3, six)).toBe('voter');
    expect(membershipOf(7, six)).toBe('removed');
    expect(membershipOf(7, null)).toBe('voter');
  });

  it('adds the lowest free id, up to nine servers', () => {
    expect(nextServerId([1, 2, 3, 5])).toBe(4);
    expect(nextServerId([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBeNull();
  });
});
