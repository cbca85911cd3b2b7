import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../sim/index.ts';
import { messages as en } from '../i18n/locales/en.ts';
import { messages as zh } from '../i18n/locales/zh.ts';
import {
  entryChoices,
  highlightWords,
  marksLink,
  pickEntry,
  picksEntry,
  stepMarks,
} from './highlight.ts';

const entry = (index: number, term: number): LogEntry => ({ index, term, command: null });

// Three logs as after Figure 7's kind of conflict: index 2 holds term 1 on
// S1 and S2, term 2 on S3; index 3 only on S1.
const LOGS = [
  { id: 1, log: [entry(1, 1), entry(2, 1), entry(3, 1)] },
  { id: 2, log: [entry(1, 1), entry(2, 1)] },
  { id: 3, log: [entry(1, 1), entry(2, 2)] },
];

describe('entries a teacher picks', () => {
  const choices = entryChoices(LOGS);

  it('are one per index and term, with the servers holding each, in index order', () => {
    expect(choices).toEqual([
      { index: 1, term: 1, holders: [1, 2, 3] },
      { index: 2, term: 1, holders: [1, 2] },
      { index: 2, term: 2, holders: [3] },
      { index: 3, term: 1, holders: [1] },
    ]);
  });

  it('mark an entry every log holds by its index alone, one of a conflict on its holders', () => {
    const [one, twoOld, twoNew] = choices;
    let entries = pickEntry([], one!, true, choices);
    expect(entries).toEqual([{ index: 1 }]);
    entries = pickEntry(entries, twoNew!, true, choices);
    expect(entries).toEqual([{ index: 1 }, { index: 2, server: 3 }]);
    expect(picksEntry(entries, twoNew!)).toBe(true);
    expect(picksEntry(entries, twoOld!)).toBe(false);
    // Both terms at index 2 picked: every row's entry 2.
    entries = pickEntry(entries, twoOld!, true, choices);
    expect(entries).toEqual([{ index: 1 }, { index: 2 }]);
    // Unpicking one keeps the other on its holders.
    entries = pickEntry(entries, twoNew!, false, choices);
    expect(entries).toEqual([{ index: 1 }, { index: 2, server: 1 }, { index: 2, server: 2 }]);
    expect(pickEntry(entries, one!, false, choices)).toEqual(entries.slice(1));
  });
});

describe('a step’s marks on the stage', () => {
  it('mark an entry without a server in every row, one with a server in its row only', () => {
    const marks = stepMarks(
      { servers: [2], links: [[1, 3]], entries: [{ index: 2 }, { index: 3, server: 1 }] },
      [1, 2, 3],
    );
    expect([...marks.servers]).toEqual([2]);
    expect(Object.fromEntries(marks.entries)).toEqual({ 1: [2, 3], 2: [2], 3: [2] });
    expect(marksLink(marks, 3, 1)).toBe(true);
    expect(marksLink(marks, 1, 2)).toBe(false);
    expect(stepMarks(null, [1, 2]).entries.size).toBe(0);
  });

  it('are said in words in both languages', () => {
    const h = { servers: [2], links: [[1, 3]] as [number, number][], entries: [{ index: 4 }] };
    expect(highlightWords(en, h)).toBe(
      'Marked on the stage: S2, the link S1–S3, entry 4 in every log.',
    );
    expect(highlightWords(zh, { entries: [{ index: 4, server: 1 }] })).toBe(
      '舞台上标出了：S1 的第 4 条。',
    );
    expect(highlightWords(en, undefined)).toBe('');
  });
});
