/**
 * A Jepsen-style test on real processes: clients log in, set and read state
 * over HTTP while a nemesis SIGKILLs and restarts servers and cuts links;
 * then everything heals and the run must show
 * - a linearizable history (src/check's checker, the service's model);
 * - every acknowledged write in the final state or overwritten by a later one;
 * - no write applied twice (exactly-once, dissertation §6.3);
 * - no user's state written by another;
 * - a leader and one applied state on every server, within a bound.
 * The nemesis's choices come from a seed; the timing of real processes does not.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkOperations, userServiceModel, type UserServiceOp } from '../check/lin';
import { Prng } from '../sim/prng';
import { TestCluster, call } from './testing';
import { HistoryClient } from './workload';

export interface JepsenRun {
  readonly servers?: number;
  /** Length of the faulty phase, in s. */
  readonly faultySeconds: number;
  readonly seed?: number;
  readonly clients?: number;
}

export interface JepsenReport {
  readonly ok: boolean;
  readonly failures: string[];
  readonly operations: number;
  readonly acknowledgedWrites: number;
  readonly faults: string[];
  /** Snapshots servers took or installed from the leader (Raft §7), from their logs. */
  readonly snapshots: { readonly taken: number; readonly installed: number };
}

/** Pause between the nemesis's actions, in ms. */
export const NEMESIS_PAUSE_MS = 800;
/** How long the cluster has to elect a leader and converge after healing, in ms. */
export const SETTLE_MS = 15_000;
/** Search steps the linearizability check may take. */
export const CHECK_STEPS_MAX = 5_000_000;

export async function runJepsen(run: JepsenRun): Promise<JepsenReport> {
  const servers = run.servers ?? 3;
  const rng = Prng.derive(run.seed ?? 1, 'jepsen-serve');
  // Snapshots every 50 entries, so that compaction and InstallSnapshot are under test too.
  const cluster = await TestCluster.start(servers, ['--snapshot-every', '50']);
  const history: UserServiceOp[] = [];
  const faults: string[] = [];
  try {
    await cluster.waitForLeader();
    const names = Array.from({ length: run.clients ?? 4 }, (_, k) => `u${k + 1}`);
    const clients = names.map(
      (name, k) =>
        new HistoryClient(
          cluster.urls,
          name,
          k + 1,
          Prng.derive(run.seed ?? 1, 'client', k),
          history,
        ),
    );
    let stop = false;
    let writes = 0;
    const drive = async (client: HistoryClient): Promise<void> => {
      while (!stop) {
        if (!client.loggedIn) await client.login();
        else if (rng.next() < 0.5) await client.write(`${client.user}:${writes++}`);
        else await client.read(names[rng.int(0, names.length - 1)]!);
      }
    };
    const driving = clients.map(drive);

    const end = performance.now() + run.faultySeconds * 1000;
    while (performance.now() < end) {
      await sleep(NEMESIS_PAUSE_MS);
      faults.push(await injectFault(cluster, rng));
    }
    for (const id of cluster.ids) if (!cluster.isRunning(id)) await cluster.start(id);
    await Promise.all(
      cluster.ids.map((id) => call(`${cluster.url(id)}/control/heal`, { body: {} })),
    );
    stop = true;
    await Promise.all(driving);

    const failures: string[] = [];
    await cluster.waitForLeader(SETTLE_MS).catch((e: Error) => failures.push(e.message));
    // Final reads: every client reads every user, linearizably.
    await Promise.all(clients.flatMap((c) => names.map((user) => c.read(user))));
    await cluster.waitForConvergence(SETTLE_MS).catch((e: Error) => failures.push(e.message));
    failures.push(...(await checkHistory(cluster, history, names)));
    return {
      ok: failures.length === 0,
      failures,
      operations: history.length,
      acknowledgedWrites: history.filter(
        (h) => h.input.kind === 'setState' && h.output?.kind === 'setState' && h.output.ok,
      ).length,
      faults,
      snapshots: {
        taken: cluster.logs.filter((l) => l.includes(' took a snapshot')).length,
        installed: cluster.logs.filter((l) => l.includes(" installed the leader's snapshot"))
          .length,
      },
    };
  } finally {
    await cluster.destroy();
  }
}

/** One fault: SIGKILL a server (a minority at most is down), restart one, cut or heal a link. */
async function injectFault(cluster: TestCluster, rng: Prng): Promise<string> {
  const ids = cluster.ids;
  const down = ids.filter((id) => !cluster.isRunning(id));
  const id = ids[rng.int(0, ids.length - 1)]!;
  const r = rng.next();
  if (r < 0.35) {
    if (!cluster.isRunning(id)) {
      await cluster.start(id);
      return `restart S${id}`;
    }
    if (down.length + 1 > (ids.length - 1) / 2) return 'none';
    await cluster.kill(id);
    return `kill -9 S${id}`;
  }
  if (r < 0.7) {
    const peer = ids[rng.int(0, ids.length - 1)]!;
    if (peer === id || !cluster.isRunning(id)) return 'none';
    const direction = rng.next() < 0.5 ? 'both' : rng.next() < 0.5 ? 'in' : 'out';
    await call(`${cluster.url(id)}/control/cut`, { body: { peer, direction } }).catch(() => null);
    return `cut S${id}-S${peer} ${direction}`;
  }
  if (r < 0.85) {
    await Promise.all(
      ids.map((x) => call(`${cluster.url(x)}/control/heal`, { body: {} }).catch(() => null)),
    );
    return 'heal';
  }
  for (const x of down) await cluster.start(x);
  return 'restart all';
}

/** The checks after healing, for any history of HistoryClients whose users are `names`. */
export async function checkHistory(
  cluster: TestCluster,
  history: UserServiceOp[],
  names: string[],
): Promise<string[]> {
  const failures: string[] = [];
  const verdict = checkOperations(userServiceModel, history, { maxSteps: CHECK_STEPS_MAX });
  if (verdict.result === 'not-linearizable') {
    const failed = verdict.partitions[0]?.failedOp;
    failures.push(
      `not linearizable: ${JSON.stringify(failed?.input)} -> ${JSON.stringify(failed?.output)} cannot be placed`,
    );
  } else if (verdict.result === 'unknown') {
    failures.push(`linearizability undecided: the ${verdict.exhausted} budget ran out`);
  }
  for (const user of names) {
    // Every server's applied state, read stale so each answers for itself.
    const finals = await Promise.all(
      cluster.ids.map((id) =>
        call(`${cluster.url(id)}/state?username=${user}&stale=1`).catch(() => null),
      ),
    );
    const seen = new Set(
      finals.map((a) => `${a?.status} ${a?.headers.get('x-state-version')} ${a?.text}`),
    );
    if (seen.size !== 1)
      failures.push(`${user}: servers disagree after healing: ${[...seen].join(' | ')}`);
    const final = finals[0];
    const version = final?.status === 200 ? Number(final.headers.get('x-state-version')) : 0;
    const state = final?.status === 200 ? (final.json as { state: string }).state : '';
    const writes = history.filter((h) => h.input.kind === 'setState' && h.input.user === user);
    const issued = writes.filter((h) => h.output?.kind !== 'setState' || h.output.ok).length;
    if (version > issued)
      failures.push(`${user}: version ${version} after ${issued} writes: exactly-once broken`);
    for (const h of writes) {
      if (h.output?.kind === 'setState' && h.output.ok && h.output.version > version)
        failures.push(
          `${user}: acknowledged write version ${h.output.version} is lost (final ${version})`,
        );
    }
    if (state !== '' && !state.startsWith(`${user}:`))
      failures.push(`${user}'s state "${state}" was written by another user`);
  }
  return failures;
}
