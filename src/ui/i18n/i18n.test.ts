import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../app/index.ts';
import { ClientDriver } from '../../sim/clients.ts';
import { validateInput } from '../../sim/inputs.ts';
import { errorText, opErrorText, unknownReasonText } from '../errorText.ts';
import { formatVirtualMs } from '../labels.ts';
import { describeEvent } from '../views/describeEvent.ts';
import { violationDetail } from '../views/safety.ts';
import { initialLanguage, LOCALES, messages, setLanguage } from './index.ts';
import { messages as en } from './locales/en.ts';
import { messages as zh } from './locales/zh.ts';

/** Every leaf of a catalogue, as dotted paths, with its kind. */
function leaves(m: unknown, prefix = ''): string[] {
  if (typeof m === 'string') return [`${prefix}:string`];
  if (typeof m === 'function') return [`${prefix}:function/${m.length}`];
  return Object.entries(m as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('languages', () => {
  it('offers English first and Simplified Chinese', () => {
    expect(LOCALES.map((l) => l.meta.code)).toEqual(['en', 'zh']);
  });

  it('every language has exactly the English keys, and no empty string', () => {
    const english = LOCALES[0]!.messages;
    for (const locale of LOCALES) {
      expect(leaves(locale.messages)).toEqual(leaves(english));
      expect(leaves(locale.messages).length).toBeGreaterThan(0);
      const empty = (m: unknown): boolean =>
        typeof m === 'string'
          ? m.trim() === ''
          : typeof m === 'object' && m !== null && Object.values(m).some(empty);
      expect(empty(locale.messages)).toBe(false);
    }
  });

  it('picks the remembered language, else the browser’s, else English', () => {
    expect(initialLanguage('zh', ['en-US'])).toBe('zh');
    expect(initialLanguage('xx', ['zh-CN', 'en'])).toBe('zh');
    expect(initialLanguage(null, ['fr-FR', 'de'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
  });
});

/** Every code a lower layer refuses with (src/app/problem.ts, the service's ErrorCode, the clients' give-ups). */
const SERVICE_CODES: Readonly<Record<ErrorCode, true>> = {
  'bad-command': true,
  limit: true,
  'bad-password': true,
  'not-logged-in': true,
  'session-expired': true,
  'stale-request': true,
  'no-such-user': true,
};
const CODES = [
  ...Object.keys(SERVICE_CODES),
  ...['user-name-empty', 'user-name-long', 'user-name-char', 'state-long'],
  ...['client-id-length', 'client-id-char', 'password-empty', 'password-long', 'not-hashed'],
  ...['queue-full', 'no-server', 'cannot-add', 'exists', 'transfer-self', 'link-self', 'bad-rate'],
  ...['read-timeout', 'write-timeout', 'replaced', 'lost-leadership'],
];

/** Latin words of three letters or more: English left in a Chinese sentence. */
const ENGLISH_WORD = /[A-Za-z]{3,}/;

describe('what lower layers say, in Chinese', () => {
  afterEach(() => setLanguage('en'));

  it('has words for every code', () => {
    for (const code of CODES)
      expect(zh.errors.coded(code, {}, 'ENGLISH'), code).not.toBe('ENGLISH');
    expect(en.errors.coded('limit', {}, 'The sentence')).toBe('The sentence');
  });

  it('says a refused input and a refused client operation from their codes', () => {
    const refusal = (work: () => void) => {
      try {
        work();
      } catch (error) {
        return errorText(error);
      }
      throw new Error('not refused');
    };
    const noServer = refusal(() => validateInput([1, 2, 3], { at: 0, kind: 'crash', id: 9 }));
    expect(noServer(en)).toBe('There is no server S9; this cluster has S1..S3.');
    expect(noServer(zh)).toBe('没有服务器 S9；这个集群只有 S1..S3。');
    const badName = ClientDriver.check('Alice', { kind: 'setState', state: 'x' });
    expect(badName?.code).toBe('client:user-name-char');
    const text = zh.errors.coded(badName!.code, badName!.params, badName!.text);
    expect(text).toContain('客户端 Alice');
    expect(text).toContain('只能用小写字母');
    expect(opErrorText(zh, 'bad-password', 'Wrong password for "bob".', 'bob')).toContain(
      '密码错误',
    );
    expect(unknownReasonText(zh, 'S2 stopped being the leader before the write committed')).toBe(
      'S2 在写入提交前失去了领导者身份',
    );
    expect(violationDetail(zh, 'S1 and S3 were both elected leader in term 4')).toBe(
      'S1 和 S3 都在任期 4 当选为领导者',
    );
  });

  it('tells the feed, numbers and times in the chosen language', () => {
    const timedOut = { type: 'timeout', node: 2, term: 3, afterPreVote: false } as const;
    expect(describeEvent(timedOut)).toBe('S2 timed out and asks for votes in term 3');
    expect(formatVirtualMs(1250)).toBe('1,250 ms');
    setLanguage('zh');
    expect(messages()).toBe(zh);
    expect(describeEvent(timedOut)).toBe('S2 选举超时，在任期 3 请求投票');
    expect(formatVirtualMs(1250)).toBe('1,250 毫秒');
    const crash = { type: 'crash', node: 1 } as const;
    for (const e of [timedOut, crash]) expect(describeEvent(e)).not.toMatch(ENGLISH_WORD);
  });
});
