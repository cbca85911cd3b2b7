import { applyCommand, createServiceState } from '../app';
import { isNoop, type NodeId } from '../raft';
import { checkOperations, userServiceModel, type Verdict } from '../check/lin';
import type { UserServiceInput, UserServiceOutput, UserServiceState } from '../check/lin';
import { createCluster, type Cluster } from './cluster';
import type { HistoryOp, Op } from './clients';
import { userServiceOperations } from './history';
import type { ClusterOptions } from './options';
import { Prng } from './prng';
import { healAll, swarmOptions } from './swarm';

/**
 * A Jepsen-style test of the per-user service: clients log in, set and read
 * state while servers crash and restart, links are cut and healed, and
 * messages drop and duplicate. After healing, every client reads every
 * user once more, and the run must show:
 * - a linearizable history (Wing and Gong's search with Lowe's cache);
 * - every acknowledged write visible in the final state or overwritten by a
 *   later write;
 * - no write applied twice (exactly-once, dissertation §6.3);
 * - no session that changed another user's state;
 * - and, throughout, no broken safety property.
 */
export interface JepsenOptions {
  /** Length of the faulty phase, in virtual ms. */
  faultyMs?: number;
  /** How long clients have after healing to finish, in virtual ms. */
  settleMs?: number;
  /** Search steps the linearizability check may take. */
  checkSteps?: number;
}

export interface JepsenResult {
  seed: number;
  ok: boolean;
  failures: string[];
  verdict: Verdict<UserServiceState, UserServiceInput, UserServiceOutput>['result'];
  history: readonly HistoryOp[];
  options: ClusterOptions;
  replay: string;
}

const DEFAULTS: Required<JepsenOptions> = {
  faultyMs: 4_000,
  settleMs: 12_000,
  checkSteps: 2_000_000,
};
/** Clients (and users: each client is its own user) in a run. */
const CLIENTS_MIN = 2;
const CLIENTS_MAX = 4;

export function runJepsenSeed(
  seed: number,
  options: JepsenOptions = {},
  overrides: Partial<ClusterOptions> = {},
): JepsenResult {
  const o = { ...DEFAULTS, ...options };
  const clusterOptions = { ...swarmOptions(seed), ...overrides };
  const c = createCluster(clusterOptions, { recentEvents: 0 });
  const rng = Prng.derive(seed, 'jepsen');
  const names = Array.from({ length: rng.int(CLIENTS_MIN, CLIENTS_MAX) }, (_, k) => `u${k + 1}`);
  const clients = names.map((name) => c.client(name));
  const current = new Map<string, Op>();
  let writes = 0;

  const drive = (): void => {
    for (const client of clients) {
      const op = current.get(client.name);
      if (op && !op.done) continue;
      if (!op) current.set(client.name, client.login(`pw-${client.name}`));
      else if (rng.next() < 0.5)
        current.set(client.name, client.setState(`${client.name}:${writes++}`));
      else
        current.set(
          client.name,
          client.getState(names[rng.int(0, names.length - 1)] ?? client.name),
        );
    }
  };

  while (c.now < o.faultyMs) {
    c.advance(rng.int(1, 30));
    drive();
    if (rng.next() < 0.05) injectFault(c, rng);
  }
  healAll(c);
  const failures: string[] = [];
  if (!c.runUntil(() => [...current.values()].every((op) => op.done), o.settleMs)) {
    failures.push(`clients still waiting ${o.settleMs} ms after healing`);
  }
  // Final reads: every client reads every user, linearizably.
  const finals = clients.flatMap((client) =>
    names.map((user) => ({ user, op: client.getState(user) })),
  );
  if (!c.runUntil(() => finals.every((f) => f.op.done), o.settleMs))
    failures.push('final reads did not finish');

  if (!c.runUntil(() => c.leader() !== null, o.settleMs)) failures.push('no leader after healing');
  const history = c.history();
  const verdict = linearizability(history, o.checkSteps);
  failures.push(...verdict.failures);
  failures.push(...checkWrites(c, history, names));
  for (const v of c.violations()) failures.push(`${v.property}: ${v.detail}`);
  return {
    seed,
    ok: failures.length === 0,
    failures,
    verdict: verdict.result,
    history,
    options: clusterOptions,
    replay: `npm run jepsen -- --seed ${seed}`,
  };
}

/** Acknowledged writes survive, none is applied twice, and nobody writes another user's state. */
export function checkWrites(
  c: Cluster,
  history: readonly HistoryOp[],
  users: readonly string[],
): string[] {
  const failures: string[] = [];
  const leader = c.leader();
  if (leader === null) return ['no leader at the end'];
  // Replay the committed log on a fresh service: count distinct writes that
  // succeeded. (With log compaction the log no longer starts at 1; the
  // history-based bound below still holds.)
  const node = c.node(leader);
  const replayable = (node.snapshotIndex ?? 0) === 0;
  const service = createServiceState();
  const distinct = new Map<string, Set<string>>();
  for (const entry of replayable ? node.log.slice(0, node.commitIndex) : []) {
    if (isNoop(entry.command)) continue;
    const response = applyCommand(service, entry.command, entry.index);
    const cmd = entry.command as { kind?: string; user?: string; clientId?: string; seq?: number };
    if (response.ok && cmd.kind === 'setState' && cmd.user) {
      const set = distinct.get(cmd.user) ?? new Set<string>();
      set.add(`${cmd.clientId}#${cmd.seq}`);
      distinct.set(cmd.user, set);
    }
  }
  const final = new Map(c.users(leader).map((u) => [u.user, u]));
  for (const user of users) {
    const f = final.get(user);
    const version = f?.version ?? 0;
    const applied = distinct.get(user)?.size ?? 0;
    const issued = history.filter(
      (h) => h.kind === 'setState' && h.input.user === user && h.status !== 'fail',
    ).length;
    if (version > issued)
      failures.push(`${user}: version ${version} after only ${issued} writes: exactly-once broken`);
    if (replayable && applied !== version) {
      failures.push(
        `${user}: version ${version} but ${applied} distinct writes in the committed log: exactly-once broken`,
      );
    }
    if (f && f.state !== '' && !f.state.startsWith(`${user}:`))
      failures.push(`${user}'s state "${f.state}" was written by another user`);
    for (const h of history) {
      if (h.kind !== 'setState' || h.status !== 'ok' || h.input.user !== user) continue;
      const acked = (h.output as { version: number }).version;
      if (acked > version)
        failures.push(
          `${user}: acknowledged write version ${acked} is missing (final version ${version})`,
        );
    }
  }
  for (const h of history) {
    if (h.kind !== 'getState' || h.status !== 'ok') continue;
    const state = (h.output as { state: string }).state;
    if (state !== '' && !state.startsWith(`${h.input.user}:`))
      failures.push(`a read of ${h.input.user} saw "${state}", another user's write`);
  }
  return failures;
}

function injectFault(c: Cluster, rng: Prng): void {
  const id = c.ids[rng.int(0, c.ids.length - 1)] ?? 1;
  const r = rng.next();
  if (r < 0.3) {
    if (c.node(id).alive) c.crash(id);
    else c.restart(id);
  } else if (r < 0.5) {
    const groups: NodeId[][] = [[], []];
    for (const x of c.ids) groups[rng.int(0, 1)]?.push(x);
    c.partition(groups);
  } else if (r < 0.65) {
    const to = c.ids[rng.int(0, c.ids.length - 1)] ?? 1;
    if (to !== id) c.setLink(id, to, !c.isLinkUp(id, to));
  } else if (r < 0.85) {
    c.heal();
  } else {
    for (const x of c.ids) if (!c.node(x).alive) c.restart(x);
  }
}

/** The Porcupine-style verdict on a run's client history, and why it fails, if it does. */
export function linearizability(
  history: readonly HistoryOp[],
  maxSteps: number,
): { result: JepsenResult['verdict']; failures: string[] } {
  const verdict = checkOperations(userServiceModel, userServiceOperations(history), { maxSteps });
  const failures: string[] = [];
  if (verdict.result === 'not-linearizable') {
    const failed = verdict.partitions[0]?.failedOp;
    failures.push(
      `not linearizable: ${failed ? JSON.stringify(failed.input) : '?'} cannot be placed`,
    );
  } else if (verdict.result === 'unknown') {
    failures.push(`linearizability undecided: the ${verdict.exhausted} budget ran out`);
  }
  return { result: verdict.result, failures };
}
