import { afterEach, describe, expect, it } from 'vitest';
import { replay } from '../sim/index.ts';
import { inPageRuntime } from './runtime.ts';
import { RunSession, type SessionStore } from './session.ts';
import { initialData, type PlaygroundData, type PlaygroundOptions } from './store.ts';

// The run session on its own: no zustand store, only a plain object holding
// the page's data, and the in-process runtime (each node's worker body over
// Node's MessageChannel). Its runs are compared with the headless engine's.

const SEED = 6;
const NODES = 5;

/** A store that is a variable: what the session writes is all there is. */
function plainStore(options: PlaygroundOptions): SessionStore & { writes: number } {
  const initial = initialData(options);
  let data: PlaygroundData = { ...initial, playing: false, speed: options.speed, version: 0 };
  return {
    initial,
    writes: 0,
    get: () => data,
    set(update) {
      this.writes++;
      data = { ...data, ...(typeof update === 'function' ? update(data) : update) };
    },
  };
}

const sessions: RunSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
});

async function started(): Promise<{ session: RunSession; store: ReturnType<typeof plainStore> }> {
  const options: PlaygroundOptions = {
    seed: SEED,
    nodeCount: NODES,
    playing: false,
    speed: 1,
    startRuntime: inPageRuntime(),
  };
  const store = plainStore(options);
  const session = new RunSession(options, store);
  sessions.push(session);
  await session.start();
  return { session, store };
}

async function stepUntilLeader(session: RunSession, store: SessionStore): Promise<void> {
  for (let k = 0; k < 300 && store.get().leader === null; k++) await session.step();
  expect(store.get().leader).not.toBeNull();
}

describe('the run session', () => {
  it('runs actions given at once one at a time, in the order given, as the headless engine would', async () => {
    const { session, store } = await started();
    await stepUntilLeader(session, store);
    const leader = store.get().leader!;
    const other = leader === 1 ? 2 : 1;
    // None awaited before the next is given: the queue alone keeps the order.
    const given = [
      session.propose(),
      session.step(),
      session.act((c) => c.crash(other)),
      session.step(),
      session.isolate(leader),
      session.step(),
      session.heal(),
      session.act((c) => c.restart(other)),
    ];
    await Promise.all(given);
    for (let k = 0; k < 30; k++) await session.step();
    const c = session.coordinator!;
    expect(c.inputLog().map((i) => i.kind)).toEqual([
      'propose',
      'crash',
      'partition',
      'heal',
      'restart',
    ]);
    // The session's run is the headless engine's on the same inputs, event for event.
    const headless = replay({ nodes: NODES, seed: SEED }, c.inputLog(), c.now);
    expect(c.traceHash()).toBe(headless.traceHash());
    // And what it wrote into the store is that run's state.
    expect(store.get().now).toBe(headless.now);
    expect(store.get().leader).toBe(headless.leader());
    expect(store.get().nodes.map((n) => [n.id, n.role, n.term, n.commitIndex])).toEqual(
      headless.ids.map((id) => {
        const n = headless.node(id);
        return [id, n.role, n.term, n.commitIndex];
      }),
    );
  });

  it('an action at an earlier instant forks: the later inputs go, and the new run is a replay of the kept ones', async () => {
    const { session, store } = await started();
    await stepUntilLeader(session, store);
    await session.propose();
    const forkAt = store.get().now;
    for (let k = 0; k < 10; k++) await session.step();
    const leader = store.get().leader!;
    await session.act((c) => c.crash(leader));
    for (let k = 0; k < 10; k++) await session.step();
    const before = session.coordinator!;
    expect(before.inputLog().map((i) => i.kind)).toEqual(['propose', 'crash']);

    await session.travel(forkAt);
    expect(store.get().past?.atMs).toBe(forkAt);
    expect(store.get().now).toBe(forkAt); // the past view shows that instant
    await session.isolate(leader === 3 ? 4 : 3); // acting there forks a new future
    const after = session.coordinator!;
    expect(after).not.toBe(before);
    expect(store.get().past).toBeNull();
    expect(store.get().forkNotice).not.toBeNull();
    expect(after.inputLog().map((i) => i.kind)).toEqual(['propose', 'partition']);
    expect(after.inputLog()[1]!.at).toBe(forkAt);
    const headless = replay({ nodes: NODES, seed: SEED }, after.inputLog(), after.now);
    expect(after.traceHash()).toBe(headless.traceHash());
  });

  it('in the past, the clients panel lists the operations begun by then, each as it stood then', async () => {
    const { session, store } = await started();
    await stepUntilLeader(session, store);
    await session.clientOp('alice', 'login', 'alice-demo-password', false);
    const op = (kind: string) => store.get().clientOps.find((o) => o.kind === kind);
    for (let k = 0; k < 400 && !op('login')?.done; k++) await session.step();
    await session.clientOp('alice', 'setState', 'before', false);
    const setAt = store.get().now;
    for (let k = 0; k < 400 && !op('setState')?.done; k++) await session.step();
    expect(op('setState')).toMatchObject({ progress: 'done', ok: true });
    const present = store.get().now;
    const c = session.coordinator!;
    // The headless engine, re-run to each instant, says what had been asked and answered.
    for (const at of [setAt - 1, setAt, Math.floor((setAt + present) / 2), present - 1]) {
      await session.travel(at);
      expect(store.get().past?.atMs).toBe(at);
      const history = replay({ nodes: NODES, seed: SEED }, c.inputLog(), at).history();
      expect(store.get().clientOps.map((o) => [o.kind, o.at, o.done, o.ok])).toEqual(
        history.map((h) => [h.kind, h.invokeMs, h.status !== 'pending', h.status === 'ok']),
      );
    }
    expect(store.get().clientOps.map((o) => o.kind)).toEqual(['login', 'setState']);
    await session.travel(present);
    expect(store.get().past).toBeNull();
    expect(op('setState')).toMatchObject({ progress: 'done', ok: true });
  });

  it('stop ends the run; a later action does nothing and says nothing', async () => {
    const { session, store } = await started();
    await session.stop();
    expect(store.get().status).toBe('stopped');
    const writes = store.writes;
    await session.step();
    expect(session.coordinator).toBeNull();
    expect(store.writes).toBe(writes);
  });
});
