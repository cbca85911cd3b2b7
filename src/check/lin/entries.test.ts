import { describe, expect, it } from 'vitest';
import { buildEntryList, HEAD, lift, NO_NODE, unlift, type EntryList } from './entries';
import { read, write } from './testing';

/** The list from the head, as "c<op>" for a call and "r<op>" for a return. */
function walk(list: EntryList): string[] {
  const names: string[] = [];
  for (let node = list.next[HEAD]!; node !== NO_NODE; node = list.next[node]!) {
    names.push(`${list.returnOf[node]! > 0 ? 'c' : 'r'}${list.opOf[node]}`);
  }
  return names;
}

describe('buildEntryList', () => {
  it('sorts calls and returns by time, a call first at equal times', () => {
    const list = buildEntryList([write(0, 1, 5, 10), read(1, 1, 0, 5), write(2, 2, 7)]);

    expect(walk(list)).toEqual(['c1', 'c0', 'r1', 'c2', 'r0', 'r2']);
  });

  it('puts unknown outcomes last, in operation order', () => {
    const list = buildEntryList([write(0, 1, 3), write(1, 2, 1), read(2, 0, 0, 9)]);

    expect(walk(list)).toEqual(['c2', 'c1', 'c0', 'r2', 'r0', 'r1']);
  });
});

describe('lift and unlift', () => {
  it('take an operation out of the list and put it back, in stack order', () => {
    const list = buildEntryList([write(0, 1, 0, 10), write(1, 2, 1, 11), read(2, 2, 2, 12)]);
    const before = walk(list);
    const callOf = (op: number) =>
      list.opOf.findIndex((o, node) => o === op && list.returnOf[node]! > 0);

    lift(list, callOf(1));
    expect(walk(list)).toEqual(['c0', 'c2', 'r0', 'r2']);
    lift(list, callOf(0));
    expect(walk(list)).toEqual(['c2', 'r2']);
    unlift(list, callOf(0));
    unlift(list, callOf(1));

    expect(walk(list)).toEqual(before);
  });
});
