import { describe, expect, it } from 'vitest';
import { applyCommand } from './apply';
import { digestServiceState } from './digest';
import type { ServiceResponse } from './responses';
import { restoreServiceState, snapshotServiceState } from './snapshot';
import { cloneServiceState, createServiceState, type ServiceState } from './state';
import { getState, login, newServer, setState } from './testing';

/** A seeded generator (mulberry32), so every run and every failure repeats. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random mix of good, retried, stale, wrong and malformed commands, with
 *  log time moving forward by up to 30 s per entry so sessions expire. */
function randomCommands(seed: number, count: number): unknown[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const users = ['alice', 'bob', 'carol', '__proto__'];
  const clients = ['c1', 'c2', 'c3', 'c4', 'c5'];
  const seqs = new Map<string, number>();
  const commands: unknown[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    at += Math.floor(random() * 30_000);
    const clientId = pick(clients);
    const seq = (seqs.get(clientId) ?? 0) + (random() < 0.2 ? 0 : 1) - (random() < 0.05 ? 2 : 0);
    seqs.set(clientId, Math.max(seq, seqs.get(clientId) ?? 0));
    const user = pick(users);
    const roll = random();
    if (roll < 0.3)
      commands.push(
        login(clientId, Math.max(seq, 1), user, at, random() < 0.1 ? 'wrong' : undefined),
      );
    else if (roll < 0.75) commands.push(setState(clientId, Math.max(seq, 1), user, `s${i}`, at));
    else if (roll < 0.9) commands.push(getState(user, at));
    else commands.push(pick([null, 7, [], { kind: 'noop' }, { v: 1, kind: 'login' }]));
  }
  return commands;
}

function run(state: ServiceState, commands: readonly unknown[], firstIndex = 1): ServiceResponse[] {
  return commands.map((command, i) => applyCommand(state, command, firstIndex + i));
}

// Reference: Raft §5.3 (State Machine Safety relies on a deterministic
// state machine): the same commands give the same states and answers.
describe('determinism', () => {
  it('gives equal digests and answers for the same commands on two fresh states', () => {
    for (const seed of [1, 2, 3, 42, 2024]) {
      const commands = randomCommands(seed, 500);
      const a = createServiceState();
      const b = createServiceState();

      const answersA = run(a, commands);
      const answersB = run(b, commands);

      expect(answersA).toEqual(answersB);
      expect(digestServiceState(a)).toBe(digestServiceState(b));
    }
  });

  it('exercises every kind of answer in those runs', () => {
    const codes = new Set(
      run(createServiceState(), randomCommands(42, 2000)).map((r) => (r.ok ? 'ok' : r.code)),
    );
    expect([...codes].sort()).toEqual(
      [
        'bad-command',
        'bad-password',
        'no-such-user',
        'not-logged-in',
        'ok',
        'session-expired',
        'stale-request',
      ].sort(),
    );
  });

  it('gives different digests for different states', () => {
    const a = newServer();
    const b = newServer();
    a.apply(login('c1', 1, 'alice', 0));
    b.apply(login('c1', 1, 'alice', 0));
    expect(digestServiceState(a.state)).toBe(digestServiceState(b.state));

    a.apply(setState('c1', 2, 'alice', 'x', 1));
    b.apply(setState('c1', 2, 'alice', 'y', 1));

    expect(digestServiceState(a.state)).not.toBe(digestServiceState(b.state));
  });

  it('digests the empty state as a fixed value', () => {
    expect(digestServiceState(createServiceState())).toMatch(/^[0-9a-f]{16}$/);
    expect(digestServiceState(createServiceState())).toBe(digestServiceState(createServiceState()));
  });

  it('changes the digest with every change: a user, a session, the log time', () => {
    const server = newServer();
    const seen = new Set([digestServiceState(server.state)]);

    server.apply(login('c1', 1, 'alice', 0));
    seen.add(digestServiceState(server.state));
    server.apply(login('c2', 1, 'alice', 0));
    seen.add(digestServiceState(server.state));
    server.apply(setState('c1', 2, 'alice', 'x', 0));
    seen.add(digestServiceState(server.state));
    server.apply(setState('c1', 2, 'alice', 'x', 0));
    seen.add(digestServiceState(server.state));
    server.apply(getState('alice', 1));
    seen.add(digestServiceState(server.state));

    // The retry at the same log time changes nothing; every other entry does.
    expect(seen.size).toBe(5);
  });

  it('keeps its running digest equal to one computed afresh from the records', () => {
    for (const seed of [5, 6, 7]) {
      const state = createServiceState();
      run(state, randomCommands(seed, 1000));

      // restore writes every record anew, so its sums start from zero.
      const fresh = restoreServiceState(snapshotServiceState(state));

      expect(fresh.ok && digestServiceState(fresh.state)).toBe(digestServiceState(state));
    }
  });

  it('clones cheaply into an independent state with the same digest', () => {
    const original = createServiceState();
    run(original, randomCommands(7, 200));
    const before = digestServiceState(original);

    const copy = cloneServiceState(original);
    run(copy, [login('zz', 1, 'zed', original.clockMs + 1)], 1000);

    expect(digestServiceState(original)).toBe(before);
    expect(digestServiceState(copy)).not.toBe(before);
    expect(original.users.has('zed')).toBe(false);
  });

  it('continues a clone exactly as the original continues (time travel)', () => {
    const commands = randomCommands(11, 400);
    const original = createServiceState();
    run(original, commands.slice(0, 200));
    const copy = cloneServiceState(original);

    const rest = commands.slice(200);
    expect(run(copy, rest, 201)).toEqual(run(original, rest, 201));
    expect(digestServiceState(copy)).toBe(digestServiceState(original));
  });
});
