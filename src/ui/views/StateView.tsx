import { useId, useMemo } from 'react';
import type { NodeId } from '../../sim/index.ts';
import { useMessages } from '../i18n/index.ts';
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
  /** The server other views point at: its column is marked. */
  readonly marked?: NodeId | null;
  /** The pointer came onto a server's column (its id) or left the table (null). */
  readonly onHoverServer?: (id: NodeId | null) => void;
}

/** The per-user state each server has applied: users x servers, differences from the leader marked. */
export function StateView({
  users,
  leaderId,
  alive,
  marked = null,
  onHoverServer,
}: StateViewProps) {
  const id = useId();
  const s = useMessages().state;
  const grid = useMemo(() => stateGrid(users, leaderId), [users, leaderId]);
  const rows = grid.rows.slice(0, STATE_USERS_SHOWN);
  const summary =
    leaderId === null
      ? s.noLeader
      : grid.usersDiffering === 0
        ? s.agree(nodeName(leaderId))
        : s.differ(grid.usersDiffering, nodeName(leaderId));
  return (
    <section className="rv-panel rv-state" aria-labelledby={`${id}-h`} data-testid="state-view">
      <h2 id={`${id}-h`}>{s.title}</h2>
      <p className="rv-note">{summary}</p>
      {grid.rows.length > rows.length && (
        <p className="rv-note">{s.showing(rows.length, grid.rows.length)}</p>
      )}
      <div className="rv-scroll" role="region" aria-labelledby={`${id}-c`} tabIndex={0}>
        <table
          className="rv-state__table"
          onPointerOver={(e) => {
            const cell = (e.target as Element).closest<HTMLElement>('[data-server]');
            onHoverServer?.(cell ? Number(cell.dataset.server) : null);
          }}
          onPointerLeave={() => onHoverServer?.(null)}
        >
          <caption id={`${id}-c`}>{s.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.user}</th>
              {grid.nodes.map((node) => (
                <th
                  scope="col"
                  key={node}
                  data-server={node}
                  data-marked={marked === node || undefined}
                  className={marked === node ? 'rv-state--marked' : undefined}
                >
                  {nodeName(node)}
                  {node === leaderId && <span className="rv-tag">{s.leaderTag}</span>}
                  {alive[node] === false && <span className="rv-tag">{s.crashedTag}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={grid.nodes.length + 1} className="rv-none">
                  {s.noUsers}
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.user}>
                <th scope="row">{row.user}</th>
                {row.cells.map((cell) => (
                  <StateCell key={cell.node} cell={cell} marked={marked === cell.node} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
