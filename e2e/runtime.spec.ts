import { checkOperations, userServiceModel } from '../src/check/lin/index.ts';
import type { Snapshot } from '../src/raft/index.ts';
import { Prng } from '../src/sim/prng.ts';
import { replay } from '../src/sim/index.ts';
import { userServiceOperations } from '../src/sim/history.ts';
import type { LogEntry } from '../src/sim/index.ts';
import { expect, test, type Playground } from './fixtures.ts';

// The Worker runtime in Chromium: one Web Worker per server, MessageChannel
// links, IndexedDB disks. Time moves only by the page's controls (Play at
// full speed until a web-first assertion holds, then Pause); the test hook
// (?test=1, src/ui/testHook.ts) reads the trace hash and input log so that
// the run can be replayed headless here in Node and compared.

const SERVERS = [1, 2, 3, 4, 5] as const;

/** Drop and duplicate rate (as the selectors name them) for the runs with faults. */
const FAULT_RATE = '5%';

/** Virtual time a partitioned minority is given to (fail to) commit, ms. */
const MINORITY_WAIT_MS = 3_000;

/** User actions (client operations, terminations, restarts) in the chaos run. */
const CHAOS_ACTIONS = 40;

/** The users (each its own client) of the chaos run. */
const CHAOS_USERS = ['ana', 'ben', 'cyd'] as const;

/** Search steps the linearizability check may take (the headless Jepsen test's budget). */
const LIN_CHECK_STEPS = 2_000_000;

/** Snapshot interval of the run that restarts from a snapshot, and the entries it proposes. */
const SNAPSHOT_EVERY = 5;
const SNAPSHOT_PROPOSALS = 12;

async function expectCommitted(playground: Playground, ids: readonly number[], index: number) {
  for (const id of ids) {
    await expect.poll(() => playground.commitIndex(id)).toBeGreaterThanOrEqual(index);
  }
}

/** The page's trace hash equals a headless replay of its input log, in Node. */
async function expectSameAsHeadless(playground: Playground): Promise<void> {
  const options = await playground.hook('options');
  const inputs = await playground.hook('inputLog');
  const now = await playground.hook('now');
  const hash = await playground.hook('traceHash');
  expect(options).not.toBeNull();
  const headless = replay(options!, inputs, now);
  expect(hash, `seed ${options!.seed}, ${inputs.length} inputs, at ${now} ms`).toBe(
    headless.traceHash(),
  );
}

/** Every server alive, with the same log, all of it committed. */
async function expectConverged(playground: Playground): Promise<void> {
  await expect
    .poll(async () => {
      const nodes = await playground.hook('nodes');
      const logs = nodes.map((n) => JSON.stringify(n.log.map((e) => [e.term, e.command])));
      return (
        nodes.every((n) => n.alive && n.commitIndex === n.log.length) && new Set(logs).size === 1
      );
    })
    .toBe(true);
}

/** What a server's IndexedDB database holds (its snapshot too), read from the page; null if there is none. */
function readDisk(playground: Playground, name: string) {
  return playground.page.evaluate(async (dbName) => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes(dbName)) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(dbName);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error(`could not open ${dbName}`));
    });
    const tx = db.transaction(['meta', 'log'], 'readonly');
    const read = <T>(req: IDBRequest) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result as T);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
    const [hardState, snapshot, starts, runs] = await Promise.all([
      read<{ currentTerm: number; votedFor: number | null }>(
        tx.objectStore('meta').get('hardState'),
      ),
      read<Snapshot | undefined>(tx.objectStore('meta').get('snapshot')),
      read<number[]>(tx.objectStore('log').getAllKeys()),
      read<LogEntry[][]>(tx.objectStore('log').getAll()),
    ]);
    db.close();
    // The log is kept as runs of entries keyed by their first index; each
    // replaces what the runs before it held from there on.
    const log: LogEntry[] = [];
    const lastIndexes: number[] = [];
    starts.forEach((start, k) => {
      const kept = log.filter((e) => e.index < start);
      log.splice(0, log.length, ...kept, ...runs[k]!);
      lastIndexes[k - 1] = Math.min(lastIndexes[k - 1] ?? Infinity, start - 1);
      lastIndexes[k] = start - 1 + runs[k]!.length;
    });
    const past = snapshot?.index ?? 0;
    return {
      hardState,
      snapshot: snapshot ?? null,
      log: log.filter((e) => e.index > past),
      /** Records that hold only entries the snapshot stands for. */
      recordsBelowSnapshot: lastIndexes.filter((last) => last <= past).length,
    };
  }, name);
}

function databaseNames(playground: Playground): Promise<string[]> {
  return playground.page.evaluate(async () =>
    (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((n) => n.startsWith('raft-playground:')),
  );
}

async function electLeader(playground: Playground): Promise<number> {
  await playground.runUntil(() => expect(playground.leader).not.toHaveText('none'));
  const leader = await playground.leaderId();
  expect(leader).not.toBeNull();
  return leader!;
}

test.afterEach(({ playground }) => {
  expect(playground.errors).toEqual([]);
});

test('the page starts five workers, elects a leader, and a proposal commits on every node', async ({
  playground,
  page,
}) => {
  await playground.open({ seed: 21, paused: true });
  await playground.show('Servers');
  await expect(playground.workers).toHaveText('5');
  await expect.poll(() => page.workers().length).toBe(5);

  await electLeader(playground);
  const index = await playground.propose();
  await playground.runUntil(() => expectCommitted(playground, SERVERS, index));
});

test("terminating the leader's worker elects a new leader; restarted, it recovers its log from IndexedDB and catches up", async ({
  playground,
  page,
}) => {
  await playground.open({ seed: 22, paused: true, hook: true });
  await playground.show('Servers');
  const old = await electLeader(playground);
  const first = await playground.propose();
  await playground.runUntil(() => expectCommitted(playground, SERVERS, first));

  await playground.crashButton(old).click();
  await expect(playground.role(old)).toHaveText('crashed');
  await expect(playground.workers).toHaveText('4');
  await expect.poll(() => page.workers().length).toBe(4);

  const others = SERVERS.filter((id) => id !== old);
  await playground.runUntil(() =>
    expect(playground.leader).not.toHaveText(new RegExp(`^(none|S${old})$`)),
  );
  const second = await playground.propose();
  await playground.runUntil(() => expectCommitted(playground, others, second));

  // The crashed server's disk outlived its thread: term, vote and log are in IndexedDB.
  const diskName = (await playground.hook('diskNames'))[old - 1]!;
  const disk = await readDisk(playground, diskName);
  expect(disk).not.toBeNull();
  expect(disk!.log.length).toBeGreaterThanOrEqual(first);
  expect(disk!.log[first - 1]!.command).toBe('x1');
  expect(disk!.hardState.currentTerm).toBeGreaterThanOrEqual(1);

  await playground.restartButton(old).click();
  await expect(playground.role(old)).not.toHaveText('crashed');
  await expect(playground.workers).toHaveText('5');
  await expect.poll(() => page.workers().length).toBe(5);
  // A new worker read that disk: before any message reaches it, its log is the persisted one.
  await expect(playground.lastLogIndex(old)).toHaveText(String(disk!.log.length));

  await playground.runUntil(() => expectCommitted(playground, [old], second));
  expect(await playground.hook('violations')).toEqual([]);
  // Had the new worker started from an empty disk, its run would differ from the headless one.
  await expectSameAsHeadless(playground);
});

test('a partitioned minority cannot commit; the majority can, and after healing the logs converge', async ({
  playground,
}) => {
  await playground.open({ seed: 23, paused: true, hook: true });
  await playground.show('Servers');
  const leader = await electLeader(playground);
  const follower = (leader % 5) + 1;
  const minority = [leader, follower];
  const majority = SERVERS.filter((id) => !minority.includes(id));

  await playground.isolateButton(leader).click();
  await playground.isolateButton(follower).click();
  await expect(playground.page.getByTestId('isolated')).toHaveText(
    `partition: ${minority
      .sort((a, b) => a - b)
      .map((id) => `S${id}`)
      .join(', ')} cut off`,
  );

  // The old leader still believes it leads, and takes the proposal...
  const stranded = await playground.propose();
  await expect(playground.proposal).toContainText(`went to S${leader}`);
  const start = await playground.now();
  await playground.runUntil(async () => {
    await expect(playground.leader).not.toHaveText(new RegExp(`^(none|S${leader})$`));
    await expect.poll(() => playground.now()).toBeGreaterThanOrEqual(start + MINORITY_WAIT_MS);
  });
  // ...but cannot reach a majority, so the entry never commits (Raft §5.3, §5.4.2).
  for (const id of minority) expect(await playground.commitIndex(id)).toBeLessThan(stranded);

  // The majority elects a leader of a later term, which commits.
  const committed = await playground.propose();
  await playground.runUntil(() => expectCommitted(playground, majority, committed));
  for (const id of minority) expect(await playground.commitIndex(id)).toBeLessThan(stranded);

  await playground.healButton.click();
  await expect(playground.page.getByTestId('isolated')).toHaveText('no partition');
  await playground.runUntil(() => expectConverged(playground));
  const nodes = await playground.hook('nodes');
  expect(nodes[leader - 1]!.log.map((e) => e.command)).not.toContain('x1');
  expect(await playground.hook('violations')).toEqual([]);
  await expectSameAsHeadless(playground);
});

for (const seed of [31, 32, 33]) {
  test(`seed ${seed}: with loss, duplicates, crashes and proposals, the trace hash equals the headless run's`, async ({
    playground,
  }) => {
    test.setTimeout(90_000); // a loaded 2-core machine runs these near the default 30 s
    await playground.open({ seed, paused: true, hook: true });
    await playground.show('Servers');
    await playground.dropRate.selectOption({ label: FAULT_RATE });
    await playground.duplicateRate.selectOption({ label: FAULT_RATE });
    const drive = Prng.derive(seed, 'e2e-trace-hash');
    const down = new Set<number>();
    for (let round = 0; round < 12; round++) {
      await playground.runFor(drive.int(50, 400));
      const r = drive.next();
      const id = drive.int(1, 5);
      if (r < 0.5) {
        if ((await playground.leaderId()) !== null) await playground.propose();
      } else if (r < 0.7 && !down.has(id) && down.size < 2) {
        await playground.crashButton(id).click();
        await expect(playground.restartButton(id)).toBeVisible();
        down.add(id);
      } else if (r < 0.9 && down.size > 0) {
        const back = [...down][0]!;
        await playground.restartButton(back).click();
        await expect(playground.crashButton(back)).toBeVisible();
        down.delete(back);
      } else {
        await playground.step();
      }
    }
    const inputs = await playground.hook('inputLog');
    expect(inputs.filter((i) => i.kind === 'propose').length).toBeGreaterThan(0);
    expect(inputs.map((i) => i.kind)).toEqual(
      expect.arrayContaining(['setDropRate', 'setDuplicateRate']),
    );
    await expectSameAsHeadless(playground);
    expect(await playground.hook('violations')).toEqual([]);
  });
}

test('chaos: random worker terminations and restarts under client load keep Raft safe and the history linearizable, and the logs converge after healing', async ({
  playground,
  page,
}) => {
  test.setTimeout(120_000);
  await playground.open({ seed: 41, paused: true, hook: true });
  await playground.show('Servers');
  await playground.dropRate.selectOption({ label: FAULT_RATE });
  await playground.setSpeed('10x');
  await playground.play();
  const drive = Prng.derive(41, 'e2e-chaos');
  for (const user of CHAOS_USERS) await playground.login(user, `${user}-password`);
  const down = new Set<number>();
  let operations = 0;
  let terminations = 0;
  let restarts = 0;
  for (let k = 0; k < CHAOS_ACTIONS; k++) {
    const r = drive.next();
    const id = drive.int(1, 5);
    const user = CHAOS_USERS[drive.int(0, CHAOS_USERS.length - 1)]!;
    if (r < 0.4) {
      // A client operation goes to whoever it believes leads; it retries
      // through crashes until it is answered or given up on.
      if (drive.next() < 0.5) await playground.setUserState(user, `${user}${k}`);
      else await playground.readUserState(user, CHAOS_USERS[drive.int(0, CHAOS_USERS.length - 1)]!);
      operations++;
    } else if (r < 0.7 && !down.has(id)) {
      await playground.crashButton(id).click();
      await expect(playground.restartButton(id)).toBeVisible();
      down.add(id);
      terminations++;
    } else if (down.size > 0) {
      const back = [...down][drive.int(0, down.size - 1)]!;
      await playground.restartButton(back).click();
      await expect(playground.crashButton(back)).toBeVisible();
      down.delete(back);
      restarts++;
    }
  }
  expect(operations).toBeGreaterThan(5);
  expect(terminations).toBeGreaterThan(5);
  expect(restarts).toBeGreaterThan(3);
  await playground.pause();

  for (const id of down) await playground.restartButton(id).click();
  await expect.poll(() => page.workers().length).toBe(5);
  await playground.runUntil(() => expect(playground.leader).not.toHaveText('none'));
  await playground.propose();
  await playground.runUntil(async () => {
    await expectConverged(playground);
    await expect
      .poll(async () => (await playground.hook('history')).every((h) => h.status !== 'pending'))
      .toBe(true);
  });
  expect(await playground.hook('violations')).toEqual([]);
  // The clients' history, checked here as the headless Jepsen test checks its own.
  const history = await playground.hook('history');
  expect(history.filter((h) => h.kind === 'setState' && h.status === 'ok').length).toBeGreaterThan(
    2,
  );
  expect(history.filter((h) => h.kind === 'getState' && h.status === 'ok').length).toBeGreaterThan(
    2,
  );
  const verdict = checkOperations(userServiceModel, userServiceOperations(history), {
    maxSteps: LIN_CHECK_STEPS,
  });
  expect(verdict.result, JSON.stringify(history)).toBe('linearizable');
  await expectSameAsHeadless(playground);
});

test('a restarted worker starts from the snapshot in its IndexedDB database, then catches up', async ({
  playground,
}) => {
  await playground.open({
    seed: 27,
    paused: true,
    hook: true,
    options: { snapshot: String(SNAPSHOT_EVERY) },
  });
  await playground.show('Servers');
  const leader = await electLeader(playground);
  let last = 0;
  for (let k = 0; k < SNAPSHOT_PROPOSALS; k++) last = await playground.propose();
  await playground.runUntil(() => expectCommitted(playground, SERVERS, last));
  const victim = (leader % 5) + 1;
  await playground.runUntil(() =>
    expect
      .poll(async () => (await playground.hook('nodes'))[victim - 1]!.snapshotIndex ?? 0)
      .toBeGreaterThanOrEqual(SNAPSHOT_EVERY),
  );
  await playground.crashButton(victim).click();
  await expect(playground.restartButton(victim)).toBeVisible();

  // Its disk holds the snapshot, with the configuration, and only the entries after it.
  const disk = await readDisk(playground, (await playground.hook('diskNames'))[victim - 1]!);
  expect(disk?.snapshot).not.toBeNull();
  const snapshot = disk!.snapshot!;
  expect(snapshot.index).toBeGreaterThanOrEqual(SNAPSHOT_EVERY);
  expect(snapshot.config?.voters).toEqual([...SERVERS]);
  expect(disk!.log[0]?.index ?? snapshot.index + 1).toBe(snapshot.index + 1);
  expect(disk!.recordsBelowSnapshot).toBe(0);

  // Another entry the victim misses, so that it has to catch up.
  const missed = await playground.propose();
  await playground.runUntil(() =>
    expectCommitted(
      playground,
      SERVERS.filter((id) => id !== victim),
      missed,
    ),
  );
  await playground.restartButton(victim).click();
  await expect(playground.crashButton(victim)).toBeVisible();
  // Paused, before any message reaches it: what the new worker read from IndexedDB.
  const restarted = (await playground.hook('nodes'))[victim - 1]!;
  expect(restarted).toMatchObject({
    alive: true,
    snapshotIndex: snapshot.index,
    snapshotTerm: snapshot.term,
    lastApplied: snapshot.index,
  });
  expect(restarted.log).toEqual(disk!.log);

  await playground.runUntil(() => expectCommitted(playground, [victim], missed));
  expect(await playground.hook('violations')).toEqual([]);
  await expectSameAsHeadless(playground);
});

test('a worker that fails is shown as a crashed server with its error, and the rest carry on', async ({
  playground,
}) => {
  await playground.open({ seed: 24, paused: true, hook: true });
  await playground.show('Servers');
  const leader = await electLeader(playground);
  const victim = (leader % 5) + 1;
  await playground.crashButton(victim).click();
  await expect(playground.restartButton(victim)).toBeVisible();
  // Lose the server's disk behind its back: the restarted worker throws.
  const name = (await playground.hook('diskNames'))[victim - 1]!;
  await playground.page.evaluate(
    (dbName) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(dbName);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error ?? new Error('delete failed'));
      }),
    name,
  );
  await playground.restartButton(victim).click();
  await expect(playground.error(victim)).toContainText('disk');
  await expect(playground.role(victim)).toHaveText('crashed');

  const others = SERVERS.filter((id) => id !== victim);
  const index = await playground.propose();
  await playground.runUntil(() => expectCommitted(playground, others, index));
  await expect(playground.workers).toHaveText('4');
});

test('reset and reload leave no workers or databases of earlier runs behind', async ({
  playground,
  page,
}) => {
  await playground.open({ seed: 25, paused: true, hook: true });
  await playground.show('Servers');
  await electLeader(playground);
  const first = await playground.hook('diskNames');
  expect(await databaseNames(playground)).toEqual(expect.arrayContaining(first));

  await playground.resetButton.click();
  await expect(playground.simTime).toHaveAttribute('data-ms', '0');
  await expect(playground.simTime).toHaveAttribute('data-status', 'running');
  await expect.poll(() => page.workers().length).toBe(5);
  const second = await playground.hook('diskNames');
  expect(second).not.toEqual(first);
  await expect
    .poll(() => databaseNames(playground))
    .toEqual(expect.not.arrayContaining([first[0]]));

  // A new page load deletes what the closed page left behind.
  await page.reload();
  await expect(playground.simTime).toHaveAttribute('data-status', 'running');
  const third = await playground.hook('diskNames');
  await expect
    .poll(async () => (await databaseNames(playground)).sort())
    .toEqual([...third].sort());
});
