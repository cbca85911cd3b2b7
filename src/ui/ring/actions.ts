import type { Coordinator } from '../../runtime/coordinator.ts';
import type { NodeId } from '../../sim/index.ts';
import { messages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import type { Membership } from '../membership.ts';
import type { NodeSnapshot } from '../store.ts';
import { sideNames } from './grouping.ts';
import { groupsFromLinks, moveToGroup, type LinkState } from './links.ts';

type Act = (work: (c: Coordinator) => Promise<void>) => Promise<void>;

export interface MenuItem {
  readonly key: string;
  readonly label: string;
  /** Why it cannot be done now, in words; null when it can. */
  readonly disabledBecause: string | null;
  readonly run: () => Promise<void>;
}

/** Puts the partition `groups` in place, or heals when one side is left. */
export function partitionWork(groups: readonly (readonly NodeId[])[]) {
  return (c: Coordinator) => (groups.length <= 1 ? c.heal() : c.partition(groups));
}

/** What can be done to a server, for its menu and the keyboard. */
export function nodeMenuItems(
  node: NodeSnapshot,
  leader: NodeId | null,
  ids: readonly NodeId[],
  links: readonly LinkState[],
  act: Act,
  /** Where the server stands in the configuration the page shows (§4.1). */
  membership: Membership = 'voter',
): MenuItem[] {
  const m = messages().beyond;
  const name = nodeName(node.id);
  const down = node.alive ? null : `${name} is crashed`;
  const groups = groupsFromLinks(ids, links);
  const alone = groups.some((g) => g.length === 1 && g[0] === node.id);
  // The keyboard's way to drag a server onto another side of a partition.
  const sides = sideNames(groups);
  const mine = sides.get(node.id);
  const moves: MenuItem[] = groups
    .filter((g) => !g.includes(node.id))
    .map((g) => {
      const side = sides.get(g[0] as NodeId) ?? '';
      return {
        key: `move-${side}`,
        label: `Move ${name} to side ${side}`,
        disabledBecause: null,
        run: () => act(partitionWork(moveToGroup(groups, node.id, g[0] as NodeId))),
      };
    })
    .filter((m) => m.key !== `move-${mine ?? ''}`);
  return [
    node.alive
      ? {
          key: 'crash',
          label: `Crash ${name}`,
          disabledBecause: null,
          run: () => act((c) => c.crash(node.id)),
        }
      : {
          key: 'restart',
          label: `Restart ${name}`,
          disabledBecause: null,
          run: () => act((c) => c.restart(node.id)),
        },
    {
      key: 'timeout',
      label: `Time out ${name} now`,
      disabledBecause: down ?? (node.role === 'leader' ? `${name} already leads` : null),
      run: () => act((c) => c.timeoutNow(node.id)),
    },
    {
      key: 'isolate',
      label: `Isolate ${name}`,
      disabledBecause: alone ? `${name} is already cut off` : null,
      run: () => act(partitionWork(moveToGroup(groups, node.id, null))),
    },
    {
      key: 'transfer',
      label: `Transfer leadership to ${name}`,
      disabledBecause:
        down ??
        (leader === null
          ? 'there is no leader to hand over'
          : leader === node.id
            ? `${name} already leads`
            : null),
      run: () =>
        act((c) => (leader === null ? Promise.resolve() : c.transferLeadership(leader, node.id))),
    },
    {
      key: 'remove',
      label: m.removeServer(name),
      disabledBecause:
        membership === 'removed'
          ? m.notAMember(name)
          : leader === null
            ? m.noLeaderForChange
            : null,
      run: () => act((c) => c.removeServer(node.id)),
    },
    ...moves,
  ];
}

/** What can be done to the link between a and b. */
export function linkMenuItems(link: LinkState, act: Act): MenuItem[] {
  const a = nodeName(link.a);
  const b = nodeName(link.b);
  const whole = link.aToB && link.bToA;
  return [
    {
      key: 'cut-ab',
      label: `Cut ${a} → ${b} only`,
      disabledBecause: link.aToB ? null : 'already cut',
      run: () => act((c) => c.setLink(link.a, link.b, false)),
    },
    {
      key: 'cut-ba',
      label: `Cut ${b} → ${a} only`,
      disabledBecause: link.bToA ? null : 'already cut',
      run: () => act((c) => c.setLink(link.b, link.a, false)),
    },
    {
      key: 'cut-both',
      label: `Cut both ways`,
      disabledBecause: !link.aToB && !link.bToA ? 'already cut' : null,
      run: () =>
        act(async (c) => {
          await c.setLink(link.a, link.b, false);
          await c.setLink(link.b, link.a, false);
        }),
    },
    {
      key: 'heal',
      label: `Heal ${a} ↔ ${b}`,
      disabledBecause: whole ? 'the link works' : null,
      run: () =>
        act(async (c) => {
          await c.setLink(link.a, link.b, true);
          await c.setLink(link.b, link.a, true);
        }),
    },
  ];
}
