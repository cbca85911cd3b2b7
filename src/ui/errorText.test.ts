import { describe, expect, it } from 'vitest';
import { messages as en } from './i18n/locales/en.ts';
import { messages as zh } from './i18n/locales/zh.ts';
import { errorText } from './errorText.ts';

describe('membership refusals on the page (dissertation §4.1)', () => {
  it('keeps the English sentence and says it in Chinese', () => {
    const last = errorText(new RangeError('S3 is the last voter; a cluster needs one.'));
    expect(last(en)).toBe('S3 is the last voter; a cluster needs one.');
    expect(last(zh)).toBe('S3 是最后一个投票成员；集群至少需要一个。');
    const pending = errorText(
      new RangeError(
        'The previous membership change is not committed yet: changes go one at a time.',
      ),
    );
    expect(pending(zh)).toMatch(/^上一次成员变更尚未提交/);
    const early = errorText(
      new RangeError(
        'S2 has not yet committed an entry of its term 4: a new leader changes the membership only after that.',
      ),
    );
    expect(early(en)).toMatch(/^S2 has not yet committed/);
    expect(early(zh)).toMatch(/^S2 刚成为 Leader/);
  });

  it('leaves other sentences as they are', () => {
    expect(errorText(new Error('something else'))(zh)).toBe('something else');
  });
});
