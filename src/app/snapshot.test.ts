import { describe, expect, it } from 'vitest';
import { applyCommand } from './apply';
import { digestServiceState } from './digest';
import { passwordHash } from './password';
import { listSessions, listUsers } from './read';
import { restoreServiceState, snapshotServiceState, type ServiceSnapshot } from './snapshot';
import { createServiceState } from './state';
import { getState, login, newServer, setState } from './testing';

function busyServer() {
  const server = newServer();
  server.apply(login('c1', 1, 'alice', 0));
  server.apply(setState('c1', 2, 'alice', 'hello', 10));
  server.apply(login('c2', 1, 'bob', 20_000));
  server.apply(login('c3', 1, 'carol', 70_000));
  server.apply(setState('c2', 2, 'bob', 'hi', 70_001));
  return server;
}

const throughJson = (snapshot: ServiceSnapshot): unknown => JSON.parse(JSON.stringify(snapshot));

// Reference: Raft §7 (log compaction): a snapshot holds the state machine's
// state, and a restored server must carry on exactly as one that applied
// the log.
describe('snapshot and restore', () => {
  it('round-trips through JSON to an equal state with an equal digest', () => {
    const server = busyServer();

    const restored = restoreServiceState(throughJson(snapshotServiceState(server.state)));

    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(digestServiceState(restored.state)).toBe(digestServiceState(server.state));
    expect(listUsers(restored.state)).toEqual(listUsers(server.state));
    expect(listSessions(restored.state)).toEqual(listSessions(server.state));
    expect(restored.state.clockMs).toBe(server.state.clockMs);
  });

  it('carries on after a restore exactly as the original: retries, expiry, eviction order', () => {
    const server = busyServer();
    const restored = restoreServiceState(throughJson(snapshotServiceState(server.state)));
    if (!restored.ok) throw new Error(restored.error);
    const next = [
      setState('c2', 2, 'bob', 'hi', 70_002),
      setState('c1', 3, 'alice', 'late', 70_003),
      login('c1', 4, 'alice', 70_004),
      getState('bob', 70_005),
    ];

    const original = next.map((c, i) => applyCommand(server.state, c, 100 + i));
    const again = next.map((c, i) => applyCommand(restored.state, c, 100 + i));

    expect(again).toEqual(original);
    expect(original.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'ok',
      'session-expired',
      'ok',
      'ok',
    ]);
    expect([...restored.state.sessions.keys()]).toEqual([...server.state.sessions.keys()]);
    expect(digestServiceState(restored.state)).toBe(digestServiceState(server.state));
  });

  it('snapshots the empty state', () => {
    const restored = restoreServiceState(throughJson(snapshotServiceState(createServiceState())));
    expect(restored.ok && digestServiceState(restored.state)).toBe(
      digestServiceState(createServiceState()),
    );
  });

  it('never holds a password, only its hash', () => {
    const server = newServer();
    server.apply(login('c1', 1, 'alice', 0, 'my-secret-pw'));

    const json = JSON.stringify(snapshotServiceState(server.state));

    expect(json).not.toContain('my-secret-pw');
    expect(json).toContain(passwordHash('alice', 'my-secret-pw'));
  });

  const good = (): Record<string, unknown> =>
    throughJson(snapshotServiceState(busyServer().state)) as Record<string, unknown>;
  const users = (s: Record<string, unknown>) => s['users'] as Record<string, unknown>[];
  const sessions = (s: Record<string, unknown>) => s['sessions'] as Record<string, unknown>[];
  const broken: [string, (s: Record<string, unknown>) => unknown][] = [
    ['null', () => null],
    ['an array', () => []],
    ['another version', (s) => ({ ...s, v: 2 })],
    ['a negative clock', (s) => ({ ...s, clockMs: -1 })],
    ['users not a list', (s) => ({ ...s, users: {} })],
    ['a bad user name', (s) => ((users(s)[0]!['user'] = 'Alice'), s)],
    ['a duplicate user', (s) => ({ ...s, users: [...users(s), users(s)[0]] })],
    ['a plain password for a hash', (s) => ((users(s)[0]!['passwordHash'] = 'hunter2'), s)],
    ['a state too long', (s) => ((users(s)[0]!['state'] = 'x'.repeat(257)), s)],
    ['a negative version', (s) => ((users(s)[0]!['version'] = -1), s)],
    ['a session of an unknown user', (s) => ((sessions(s)[0]!['user'] = 'zed'), s)],
    ['a duplicate session', (s) => ({ ...s, sessions: [...sessions(s), sessions(s)[0]] })],
    ['a session used after the clock', (s) => ((sessions(s)[0]!['lastUsedMs'] = 1e9), s)],
    ['a bad saved answer', (s) => ((sessions(s)[0]!['lastResponse'] = { ok: false }), s)],
    [
      'a saved answer for another user',
      (s) => {
        const saved = sessions(s)[0]!['lastResponse'] as { value: Record<string, unknown> };
        saved.value['user'] = 'carol';
        return s;
      },
    ],
    ['too many users', (s) => ({ ...s, users: Array.from({ length: 1001 }, () => users(s)[0]) })],
  ];
  it.each(broken)('refuses a snapshot with %s, with a reason', (_name, breakIt) => {
    const restored = restoreServiceState(breakIt(good()));

    expect(restored.ok).toBe(false);
    expect(!restored.ok && restored.error).toMatch(/^This snapshot cannot be restored: .+\.$/);
  });
});
