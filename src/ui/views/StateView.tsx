import { useId, useMemo } from 'react';
import type { NodeId } from '../../sim/index.ts';
import { nodeName } from '../labels.ts';
import { StateCell } from './StateCell.tsx';
import { stateGrid, type UsersByNode } from './stateDiff.ts';

/** Bound on the user rows drawn; the service keeps up to USERS_MAX (1,000). */
export const STATE_USERS_SHOWN = 200;

export interface StateViewProps {
  /** Each server's applied users (listUsers); undefined when a server has not reported. */
  readonly users: UsersByNode;
  readonly leaderId: NodeId | null;
  readonly alive: Readonly<Record<NodeId, boolean>>;
}

/** The per-user state each server has applied: users x servers, differences from the leader marked. */
export function StateView({ users, leaderId, alive }: StateViewProps) {
  const id = useId();
  const grid = useMemo(() => stateGrid(users, leaderId), [users, leaderId]);
  const rows = grid.rows.slice(0, STATE_USERS_SHOWN);
  const summary =
    leaderId === null
      ? 'No leader now: nothing to compare with.'
      : grid.usersDiffering === 0
        ? `Every server agrees with the leader, ${nodeName(leaderId)}.`
        : `${grid.usersDiffering} ${grid.usersDiffering === 1 ? 'user differs' : 'users differ'} from the leader, ${nodeName(leaderId)} (marked ≠).`;
  return (
    <section className="rv-panel rv-state" aria-labelledby={`${id}-h`} data-testid="state-view">
      <h2 id={`${id}-h`}>State</h2>
      <p className="rv-note">{summary}</p>
      {grid.rows.length > rows.length && (
        <p className="rv-note">
          Showing the first {rows.length} of {grid.rows.length} users.
        </p>
      )}
      <div className="rv-scroll" role="region" aria-labelledby={`${id}-c`} tabIndex={0}>
        <table className="rv-state__table">
          <caption id={`${id}-c`}>Per-user state each server has applied</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              {grid.nodes.map((node) => (
                <th scope="col" key={node}>
                  {nodeName(node)}
                  {node === leaderId && <span className="rv-tag"> ★ leader</span>}
                  {alive[node] === false && <span className="rv-tag"> ✕ crashed</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={grid.nodes.length + 1} className="rv-none">
                  No users yet: a user exists from their first login.
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.user}>
                <th scope="row">{row.user}</th>
                {row.cells.map((cell) => (
                  <StateCell key={cell.node} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
