import { useMemo } from 'react';
import { usePlayground } from '../usePlayground.ts';
import { StateView } from '../views/index.ts';
import { selectState } from './select.ts';

/** The per-user state each server has applied, differences from the leader marked. */
export function StatePanel() {
  const { aliveKey, users, leader, marked, hover } = usePlayground(selectState);
  // Rebuilt only when a server crashes or restarts, so the table redraws only when users change.
  const alive = useMemo(
    () =>
      Object.fromEntries(
        aliveKey
          .split(',')
          .filter((pair) => pair !== '')
          .map((pair) => {
            const [id, up] = pair.split(':');
            return [Number(id), up === '1'];
          }),
      ),
    [aliveKey],
  );
  return (
    <StateView
      users={users}
      leaderId={leader}
      alive={alive}
      marked={marked}
      onHoverServer={hover}
    />
  );
}
