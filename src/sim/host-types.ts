import type { HardState, LogEntry, MembershipChange, NodeId, RaftConfig, Snapshot } from '../raft';
import type { ClientRequest } from './client-protocol';
import type { NodeEvent } from './events';
import type { NetworkState } from './network';

// What a NodeHost (host.ts) is given: its options, its disk, its inputs.

/** A node's stable storage: what survives a crash (Raft Figure 2, "Persistent state"). */
export interface Disk {
  hardState: HardState;
  /** The entries after the snapshot (all of them when there is none). */
  log: LogEntry[];
  snapshot?: Snapshot | null;
}

/** An input for one node: what the cluster hands it, wherever it runs. */
export type NodeAction =
  | { readonly kind: 'propose'; readonly command: unknown }
  | { readonly kind: 'timeoutNow' }
  | { readonly kind: 'transferLeadership'; readonly target: NodeId }
  | { readonly kind: 'membership'; readonly change: MembershipChange }
  | { readonly kind: 'client'; readonly request: ClientRequest };

export type RaftTiming = Omit<RaftConfig, 'id' | 'peers' | 'randomInt'>;

export interface HostOptions {
  readonly id: NodeId;
  readonly peers: readonly NodeId[];
  readonly seed: number;
  /** 0 for the first start, then 1, 2, ... for each restart. */
  readonly incarnation: number;
  readonly raft: RaftTiming;
  readonly network: NetworkState;
  /** Takes every event the node emits, in order (events.ts). */
  readonly observe: (event: NodeEvent) => void;
  /**
   * How fast this node's clock runs against real (virtual) time: 1 is exact.
   * The node sees only its own clock; messages and the host run on real time.
   */
  readonly clockRate: number;
  /** Take a snapshot every this many applied entries (Raft §7); 0: never. */
  readonly snapshotEvery: number;
}
