import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_BYTES_MAX } from './http';
import { TestCluster, call, login, type Answer, type Status } from './testing';

// Every bad request gets its status and a message that says what to do,
// and changes nothing: the leader's log does not grow, alice's state stays.
describe('bad input to a real cluster', () => {
  let cluster: TestCluster;
  let url: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    cluster = await TestCluster.start(3);
    url = cluster.url(await cluster.waitForLeader());
    alice = await login(url, 'alice', 'secret');
    bob = await login(url, 'bob', 'hunter2');
    const set = await call(`${url}/state`, {
      body: { state: 'active' },
      headers: { Authorization: `Bearer ${alice}`, 'X-Request-Number': '5' },
    });
    expect(set.status).toBe(200);
  });
  afterAll(() => cluster?.destroy());

  async function leaderLog(): Promise<number> {
    const all = await cluster.statuses();
    return all.find((s: Status) => s.role === 'leader')!.lastIndex;
  }
  async function aliceState(): Promise<unknown> {
    return (await call(`${url}/state?username=alice`)).json;
  }

  const cases: [string, () => Promise<Answer>, number, RegExp][] = [
    [
      'malformed JSON',
      () => call(`${url}/login`, { body: '{"username": "alice",' }),
      400,
      /not valid JSON/,
    ],
    [
      'a cut posted as text/plain, as a form on another origin can',
      () =>
        call(`${url}/control/cut`, {
          body: { peer: 2, direction: 'both' },
          headers: { 'Content-Type': 'text/plain' },
        }),
      415,
      /JSON only/,
    ],
    ['a JSON array body', () => call(`${url}/login`, { body: '[1, 2]' }), 400, /JSON object/],
    [
      'a number as username',
      () => call(`${url}/login`, { body: { username: 7, password: 'x' } }),
      400,
      /both strings/,
    ],
    [
      'an upper-case username',
      () => call(`${url}/login`, { body: { username: 'Alice', password: 'x' } }),
      400,
      /lowercase/,
    ],
    [
      'a wrong password',
      () => call(`${url}/login`, { body: { username: 'alice', password: 'nope' } }),
      401,
      /Wrong password/,
    ],
    [
      'a write without a token',
      () => call(`${url}/state`, { body: { state: 'x' } }),
      401,
      /log in with POST \/login/,
    ],
    [
      'a made-up token',
      () =>
        call(`${url}/state`, { body: { state: 'x' }, headers: { Authorization: 'Bearer 00ff' } }),
      401,
      /unknown/,
    ],
    [
      'a state that is not a string',
      () => call(`${url}/state`, { body: { state: 42 }, headers: { Authorization: alice } }),
      400,
      /a string/,
    ],
    [
      'a state over the limit',
      () =>
        call(`${url}/state`, {
          body: { state: 'x'.repeat(300) },
          headers: { Authorization: alice },
        }),
      400,
      /limit is 256/,
    ],
    [
      'a huge body',
      () =>
        call(`${url}/state`, {
          body: { state: 'x'.repeat(BODY_BYTES_MAX) },
          headers: { Authorization: alice },
        }),
      413,
      /larger than/,
    ],
    [
      'a bad request number',
      () =>
        call(`${url}/state`, {
          body: { state: 'x' },
          headers: { Authorization: alice, 'X-Request-Number': '-1' },
        }),
      400,
      /X-Request-Number/,
    ],
    [
      "bob's token on alice's state",
      () =>
        call(`${url}/state`, {
          body: { username: 'alice', state: 'hacked' },
          headers: { 'X-Session-Token': bob },
        }),
      403,
      /only that user's state/,
    ],
    [
      'an older request number',
      () =>
        call(`${url}/state`, {
          body: { state: 'old' },
          headers: { Authorization: alice, 'X-Request-Number': '3' },
        }),
      409,
      /older than/,
    ],
    ['an unknown route', () => call(`${url}/nope`), 404, /no route \/nope/],
    ['a wrong method', () => call(`${url}/login`, { method: 'GET' }), 405, /takes POST/],
    ['a read of nobody', () => call(`${url}/state?username=carol`), 404, /no user "carol"/],
    ['a read that names no user', () => call(`${url}/state`), 400, /Say whose state/],
  ];

  it.each(cases)(
    '%s gets its status and message, and changes nothing',
    async (_name, send, status, message) => {
      const logBefore = await leaderLog();
      const before = await aliceState();
      const answer = await send();
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.text)).toEqual({ error: expect.stringMatching(message) as unknown });
      expect(await leaderLog()).toBe(logBefore);
      expect(await aliceState()).toEqual(before);
    },
  );

  it('a replayed request number gets the saved answer and is not applied again (dissertation §6.3)', async () => {
    const again = await call(`${url}/state`, {
      body: { state: 'active' },
      headers: { Authorization: alice, 'X-Request-Number': '5' },
    });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ok: true, version: 1 });
    const read = await call(`${url}/state?username=alice`);
    expect(read.headers.get('x-state-version')).toBe('1');
  });
});
