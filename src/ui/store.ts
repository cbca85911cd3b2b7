import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCluster, type Cluster, type NodeId, type NodeView } from '../sim/index.ts';
import { stepOnce } from './step.ts';

/** What the page shows: a snapshot of the cluster, refreshed after each advance. */
export interface PlaygroundData {
  readonly seed: number;
  /** Virtual time of the cluster, in ms since the run began. */
  readonly now: number;
  readonly nodes: readonly NodeView[];
  readonly leader: NodeId | null;
  readonly playing: boolean;
  /** Bumped on every change of the cluster, so a test can wait for one. */
  readonly version: number;
}

export interface PlaygroundActions {
  play: () => void;
  pause: () => void;
  /** Pause, then run to the next event (the "Step" button; see stepOnce). */
  step: () => void;
  /** Advance virtual time by `ms` (used by the play loop). */
  advance: (ms: number) => void;
}

export type PlaygroundState = PlaygroundData & PlaygroundActions;
export type PlaygroundStore = StoreApi<PlaygroundState>;

export interface PlaygroundOptions {
  seed: number;
  nodeCount: number;
  playing: boolean;
}

type ClusterSnapshot = Pick<PlaygroundData, 'now' | 'nodes' | 'leader'>;

function snapshot(cluster: Cluster): ClusterSnapshot {
  return {
    now: cluster.now,
    nodes: cluster.ids.map((id) => cluster.node(id)),
    leader: cluster.leader(),
  };
}

/**
 * A fresh store with its own headless cluster. Made by a factory (not a
 * module singleton) so each mounted playground, and each test, gets its own.
 * The cluster is mutable and lives outside the state; the state holds only
 * immutable snapshots of it, so selectors can compare by reference.
 */
export function createPlaygroundStore(options: PlaygroundOptions): PlaygroundStore {
  const cluster = createCluster({ nodes: options.nodeCount, seed: options.seed });
  return createStore<PlaygroundState>()((set) => {
    const refresh = (extra: Partial<PlaygroundData> = {}): void =>
      set((s) => ({ ...snapshot(cluster), version: s.version + 1, ...extra }));
    return {
      seed: options.seed,
      playing: options.playing,
      version: 0,
      ...snapshot(cluster),
      play: () => set({ playing: true }),
      pause: () => set({ playing: false }),
      step: () => {
        stepOnce(cluster);
        refresh({ playing: false });
      },
      advance: (ms) => {
        if (ms <= 0) return;
        cluster.advance(ms);
        refresh();
      },
    };
  });
}
