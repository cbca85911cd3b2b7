import type { NodeId } from '../../sim/index.ts';

/** One user's applied state on one server (the service's UserView). */
export interface UserState {
  readonly user: string;
  readonly state: string;
  readonly version: number;
}

/**
 * How a server's view of a user compares with the leader's:
 * leader (this is the leader's own), same, differs (state or version),
 * missing (the leader has applied the user, this server not yet), extra
 * (only this server has), unknown (no report from this server), none (no
 * leader to compare with).
 */
export type StateDiff = 'leader' | 'same' | 'differs' | 'missing' | 'extra' | 'unknown' | 'none';

export interface StateCell {
  readonly node: NodeId;
  readonly value: UserState | null;
  readonly diff: StateDiff;
  /** The leader's value, when this cell differs from it. */
  readonly leaderValue: UserState | null;
}

export interface StateGrid {
  readonly nodes: readonly NodeId[];
  readonly rows: readonly { readonly user: string; readonly cells: readonly StateCell[] }[];
  /** Users on which some server differs from the leader. */
  readonly usersDiffering: number;
}

export type UsersByNode = Readonly<Record<NodeId, readonly UserState[] | undefined>>;

/** Users x servers, each cell compared with the leader's; users sorted by name (code units). */
export function stateGrid(users: UsersByNode, leaderId: NodeId | null): StateGrid {
  const nodes = Object.keys(users)
    .map(Number)
    .sort((a, b) => a - b);
  const byNode = new Map<NodeId, Map<string, UserState>>();
  const names = new Set<string>();
  for (const id of nodes) {
    const list = users[id];
    if (!list) continue;
    byNode.set(id, new Map(list.map((u) => [u.user, u])));
    for (const u of list) names.add(u.user);
  }
  const leader = leaderId === null ? undefined : byNode.get(leaderId);
  let usersDiffering = 0;
  const rows = [...names]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((user) => {
      const leaderValue = leader?.get(user) ?? null;
      const cells = nodes.map((node): StateCell => {
        const known = byNode.get(node);
        const value = known?.get(user) ?? null;
        let diff: StateDiff;
        if (!leader) diff = 'none';
        else if (node === leaderId) diff = 'leader';
        else if (!known) diff = 'unknown';
        else diff = compareUser(leaderValue, value);
        return { node, value, diff, leaderValue: diff === 'same' ? null : leaderValue };
      });
      if (cells.some((c) => DIFFERENT.has(c.diff))) usersDiffering++;
      return { user, cells };
    });
  return { nodes, rows, usersDiffering };
}

/** The diffs a view highlights. */
export const DIFFERENT: ReadonlySet<StateDiff> = new Set(['differs', 'missing', 'extra']);

function compareUser(leader: UserState | null, mine: UserState | null): StateDiff {
  if (leader && mine)
    return leader.state === mine.state && leader.version === mine.version ? 'same' : 'differs';
  if (leader) return 'missing';
  return mine ? 'extra' : 'same';
}
