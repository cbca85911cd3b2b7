import { useMemo } from 'react';
import { usePlayground } from '../usePlayground.ts';
import { StateView } from '../views/index.ts';
import { selectState } from './select.ts';

/** The per-user state each server has applied, differences from the leader marked. */
export function StatePanel() {
  const { nodes, users, leader } = usePlayground(selectState);
  const alive = useMemo(() => Object.fromEntries(nodes.map((n) => [n.id, n.alive])), [nodes]);
  return <StateView users={users} leaderId={leader} alive={alive} />;
}
