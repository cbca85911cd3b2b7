import type { ClusterConfig } from '../raft/index.ts';
import { MAX_NODES } from '../sim/options.ts';
import type { NodeId, NodeView } from '../sim/index.ts';

/** Where a server stands in the configuration (dissertation §4.1). */
export type Membership = 'voter' | 'learner' | 'removed';

/**
 * The configuration the page shows: the leader's, since it decides every
 * change; without a leader, the one in the longest log (the next leader's,
 * most likely). null when no server reports one: everyone votes.
 */
export function shownConfig(
  nodes: readonly Pick<NodeView, 'id' | 'config' | 'log' | 'snapshotIndex'>[],
  leader: NodeId | null,
): ClusterConfig | null {
  const fromLeader = nodes.find((n) => n.id === leader)?.config;
  if (fromLeader) return fromLeader;
  let best: ClusterConfig | null = null;
  let bestLast = -1;
  for (const n of nodes) {
    const last = n.log.at(-1)?.index ?? n.snapshotIndex ?? 0;
    if (n.config && last > bestLast) {
      best = n.config;
      bestLast = last;
    }
  }
  return best;
}

export function membershipOf(id: NodeId, config: ClusterConfig | null): Membership {
  if (config === null || config.voters.includes(id)) return 'voter';
  return config.learners.includes(id) ? 'learner' : 'removed';
}

/** The server "Add a server" would start: the lowest id not yet used, or null at the limit. */
export function nextServerId(ids: readonly NodeId[], max = MAX_NODES): NodeId | null {
  for (let id = 1; id <= max; id++) if (!ids.includes(id)) return id;
  return null;
}
