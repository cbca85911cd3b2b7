import type { HistoryOp, Input } from '../sim/index.ts';
import type { ClusterViolation } from '../sim/index.ts';
import type { ResolvedOptions } from '../sim/options.ts';
import type { NodeSnapshot, PlaygroundStore } from './store.ts';

/**
 * TEST CONTRACT. With `?test=1` in the address the page sets `window.__raft`
 * to this object, and only then. The end-to-end tests (e2e/runtime.spec.ts)
 * read through it what the page does not spell out: the trace hash and input
 * log, to replay the run headless and compare, and the safety checker's
 * verdict. They drive the page by its controls, never through this. Every
 * value is plain data (it crosses page.evaluate). Change it only together
 * with the tests.
 */
export interface RaftTestHook {
  /** The run's options (seed, nodes, rates at the start), or null before the cluster started. */
  options(): ResolvedOptions | null;
  /** Virtual time, ms. */
  now(): number;
  /** The Worker runtime's trace hash; equals headless `replay(options, inputLog(), now()).traceHash()`. */
  traceHash(): string | null;
  inputLog(): readonly Input[];
  /** Safety invariants the run broke; empty when Raft is correct. */
  violations(): readonly ClusterViolation[];
  /** Each server as the coordinator mirrors it, with its log. */
  nodes(): NodeSnapshot[];
  /** Worker threads alive. */
  workers(): number;
  /** The IndexedDB database of each server of this run, S1 first. */
  diskNames(): string[];
  /** The clients' operations, invoke and completion, for the linearizability checker (src/check/lin). */
  history(): readonly HistoryOp[];
}

/**
 * For bench:ui only (window.__raftBench, with `?test=1`): `load` appends
 * about `entries` proposals to the leader's log (in batches, letting time
 * run) and starts `clients` clients that log in and set their state over and
 * over as the run plays. Changes the run; resolves with the leader's log
 * length.
 */
export interface RaftBenchHook {
  load(entries: number, clients: number): Promise<number>;
}

/** Proposals sent before letting virtual time run, and how far it runs between batches. */
const LOAD_BATCH = 100;
const LOAD_BATCH_ADVANCE_MS = 50;
/** Bound on each load client's operations. */
const LOAD_CLIENT_OPS_MAX = 10_000;

declare global {
  interface Window {
    __raft?: RaftTestHook;
    __raftBench?: RaftBenchHook;
  }
}

/** Installs window.__raft for `store`; returns the uninstaller. */
export function installTestHook(store: PlaygroundStore): () => void {
  const c = () => store.getState().coordinator();
  const hook: RaftTestHook = {
    options: () => c()?.options ?? null,
    now: () => c()?.now ?? 0,
    traceHash: () => c()?.traceHash() ?? null,
    inputLog: () => c()?.inputLog() ?? [],
    violations: () => c()?.violations() ?? [],
    nodes: () => {
      const coordinator = c();
      return coordinator ? coordinator.ids.map((id) => coordinator.node(id)) : [];
    },
    workers: () => store.getState().workers,
    diskNames: () => c()?.diskNames() ?? [],
    history: () => c()?.history() ?? [],
  };
  const bench: RaftBenchHook = {
    load: async (entries, clients) => {
      const coordinator = c();
      if (!coordinator) return 0;
      for (let sent = 0, rounds = 0; sent < entries && rounds < entries; rounds++) {
        const leader = coordinator.leader();
        if (leader !== null) {
          const batch = Array.from({ length: Math.min(LOAD_BATCH, entries - sent) }, (_, k) =>
            coordinator.propose(leader, `load${sent + k}`),
          );
          sent += batch.length;
          await coordinator.advance(LOAD_BATCH_ADVANCE_MS);
          await Promise.allSettled(batch);
        } else await coordinator.advance(LOAD_BATCH_ADVANCE_MS);
      }
      for (let k = 0; k < clients; k++) {
        const client = coordinator.client(`bench${k}`);
        void (async () => {
          try {
            await client.login(`password${k}`);
            for (let op = 0; op < LOAD_CLIENT_OPS_MAX; op++) await client.setState(`state ${op}`);
          } catch {
            // A refused or failed operation ends this client's load; the bench goes on.
          }
        })();
      }
      const leader = coordinator.leader();
      return leader === null ? 0 : coordinator.node(leader).log.length;
    },
  };
  window.__raft = hook;
  window.__raftBench = bench;
  return () => {
    if (window.__raft === hook) delete window.__raft;
    if (window.__raftBench === bench) delete window.__raftBench;
  };
}
