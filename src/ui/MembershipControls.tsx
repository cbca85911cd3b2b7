import { useMemo } from 'react';
import { MAX_NODES } from '../sim/options.ts';
import { useMessages } from './i18n/index.ts';
import { nodeName } from './labels.ts';
import { membershipOf, nextServerId, shownConfig } from './membership.ts';
import { selectMembership } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/**
 * Adds servers one at a time (dissertation §4.1) and shows the configuration
 * the leader works with. Removing is on each server's menu.
 */
export function MembershipControls() {
  const m = useMessages().beyond;
  const { running, nodes, leader, act } = usePlayground(selectMembership);
  const ids = useMemo(() => nodes.map((n) => n.id), [nodes]);
  const config = useMemo(() => shownConfig(nodes, leader), [nodes, leader]);
  const next = nextServerId(ids);
  const why =
    next === null ? m.addServerFull(MAX_NODES) : leader === null ? m.noLeaderForChange : null;
  const names = (kind: 'voter' | 'learner') =>
    ids
      .filter((id) => membershipOf(id, config) === kind)
      .map(nodeName)
      .join(' ');
  return (
    <div className="membership" role="group" aria-label={m.membershipGroup}>
      <button
        type="button"
        disabled={!running || why !== null}
        onClick={() => void act((c) => c.addServer().then(() => undefined))}
        title={why ?? m.addServerTitle}
      >
        {m.addServer(nodeName(next ?? MAX_NODES))}
      </button>
      <output data-testid="membership">{m.configLine(names('voter'), names('learner'))}</output>
    </div>
  );
}
