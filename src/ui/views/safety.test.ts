import { describe, expect, it } from 'vitest';
import { SAFETY_PROPERTIES } from '../../check/safety.ts';
import { messages as en } from '../i18n/locales/en.ts';
import { propertyPromise, safetyBadges, violationAnnouncement, violationPlace } from './safety.ts';

const v = (property: string, at: number, nodes: number[], index?: number) => ({
  property,
  at,
  detail: `${property} broke`,
  nodes,
  ...(index !== undefined && { index }),
});

describe('safety badges', () => {
  it('has a badge and a promise for every property the checker knows', () => {
    const badges = safetyBadges(SAFETY_PROPERTIES, []);
    expect(badges.map((b) => b.property)).toEqual(SAFETY_PROPERTIES);
    expect(badges.every((b) => !b.violated)).toBe(true);
    for (const p of SAFETY_PROPERTIES) expect(propertyPromise(en, p), p).toBeTruthy();
  });

  it('marks a violated property with its first violation and a count', () => {
    const badges = safetyBadges(SAFETY_PROPERTIES, [
      v('Log Matching', 10, [1, 3], 5),
      v('Log Matching', 20, [2], 6),
    ]);
    const lm = badges.find((b) => b.property === 'Log Matching');
    expect(lm).toMatchObject({ violated: true, count: 2, first: { at: 10, index: 5 } });
    expect(badges.filter((b) => b.violated)).toHaveLength(1);
  });

  it('says where a violation points', () => {
    expect(violationPlace(v('Log Matching', 1250, [1, 3, 4], 5))).toBe(
      'S1, S3 and S4, entry 5, at 1,250 ms',
    );
    expect(violationPlace(v('Election Safety', 7, [2]))).toBe('S2, at 7 ms');
  });

  it('announces the newest violation, and nothing while all is well', () => {
    expect(violationAnnouncement([])).toBe('');
    expect(
      violationAnnouncement([v('Log Matching', 1, [1]), v('Election Safety', 2, [2, 3])]),
    ).toBe('Safety violated: Election Safety. Election Safety broke.');
  });
});
