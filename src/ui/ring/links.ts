import type { NodeId } from '../../sim/index.ts';

/** A pair of servers and which directions of their link carry messages. */
export interface LinkState {
  readonly a: NodeId;
  readonly b: NodeId;
  /** Messages from a reach b. */
  readonly aToB: boolean;
  /** Messages from b reach a. */
  readonly bToA: boolean;
}

export type LinkStatus = 'up' | 'cut' | 'one-way';

export function linkStatus(link: LinkState): LinkStatus {
  if (link.aToB && link.bToA) return 'up';
  if (!link.aToB && !link.bToA) return 'cut';
  return 'one-way';
}

/** Every pair once (a < b), with each direction's state as `isUp(from, to)` reports it. */
export function linkStates(
  ids: readonly NodeId[],
  isUp: (from: NodeId, to: NodeId) => boolean,
): LinkState[] {
  const links: LinkState[] = [];
  for (const a of ids)
    for (const b of ids) if (a < b) links.push({ a, b, aToB: isUp(a, b), bToA: isUp(b, a) });
  return links;
}

/**
 * The sides of a partition as the links show them: servers joined by links
 * that work both ways are on one side (connected components). One side
 * means the network is whole.
 */
export function groupsFromLinks(ids: readonly NodeId[], links: readonly LinkState[]): NodeId[][] {
  const side = new Map<NodeId, number>();
  const groups: NodeId[][] = [];
  for (const start of ids) {
    if (side.has(start)) continue;
    const group: NodeId[] = [];
    const queue = [start];
    side.set(start, groups.length);
    while (queue.length > 0) {
      const id = queue.shift() as NodeId;
      group.push(id);
      for (const l of links) {
        if (!l.aToB || !l.bToA) continue;
        const other = l.a === id ? l.b : l.b === id ? l.a : null;
        if (other !== null && !side.has(other)) {
          side.set(other, groups.length);
          queue.push(other);
        }
      }
    }
    groups.push(group.sort((x, y) => x - y));
  }
  return groups;
}

/**
 * The partition after dragging server `id` onto server `target` (it joins
 * target's side) or onto empty space (target null: it gets a side of its
 * own). Empty sides vanish; one side left means heal.
 */
export function moveToGroup(
  groups: readonly (readonly NodeId[])[],
  id: NodeId,
  target: NodeId | null,
): NodeId[][] {
  if (target === id) return groups.map((g) => [...g]);
  const without = groups.map((g) => g.filter((x) => x !== id));
  if (target === null) without.push([id]);
  else {
    const side = without.find((g) => g.includes(target));
    if (side) side.push(id);
    else without.push([id]);
  }
  return without.filter((g) => g.length > 0).map((g) => [...g].sort((x, y) => x - y));
}

/**
 * The servers the page calls cut off, as the network stands: the ones the
 * Isolate buttons cut off together (`byButtons`) while they are still a
 * side of their own; otherwise, when something else shaped the network (a
 * lesson, a drag, time travel), each server alone on its side. Gives back
 * `shown` (what the page shows now) when that is unchanged, so views
 * comparing by reference do not redraw.
 */
export function cutOffServers(
  shown: readonly NodeId[],
  byButtons: readonly NodeId[],
  ids: readonly NodeId[],
  links: readonly LinkState[],
): readonly NodeId[] {
  const key = (g: readonly NodeId[]) => [...g].sort((a, b) => a - b).join(',');
  const groups = groupsFromLinks(ids, links);
  const cut =
    groups.length <= 1
      ? []
      : byButtons.length > 0 && groups.some((g) => key(g) === key(byButtons))
        ? byButtons
        : groups.filter((g) => g.length === 1).map((g) => g[0]!);
  return key(cut) === key(shown) ? shown : [...cut].sort((a, b) => a - b);
}
