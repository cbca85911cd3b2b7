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
  const t = messages().menu;
  const name = nodeName(node.id);
  const down = node.alive ? null : t.isCrashed(name);
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
        label: t.move(name, side),
        disabledBecause: null,
        run: () => act(partitionWork(moveToGroup(groups, node.id, g[0] as NodeId))),
      };
    })
    .filter((m) => m.key !== `move-${mine ?? ''}`);
  return [
    node.alive
      ? {
          key: 'crash',
          label: t.crash(name),
          disabledBecause: null,
          run: () => act((c) => c.crash(node.id)),
        }
      : {
          key: 'restart',
          label: t.restart(name),
          disabledBecause: null,
          run: () => act((c) => c.restart(node.id)),
        },
    {
      key: 'timeout',
      label: t.timeout(name),
      disabledBecause: down ?? (node.role === 'leader' ? t.alreadyLeads(name) : null),
      run: () => act((c) => c.timeoutNow(node.id)),
    },
    {
      key: 'isolate',
      label: t.isolate(name),
      disabledBecause: alone ? t.alreadyCutOff(name) : null,
      run: () => act(partitionWork(moveToGroup(groups, node.id, null))),
    },
    {
      key: 'transfer',
      label: t.transfer(name),
      disabledBecause:
        down ?? (leader === null ? t.noLeader : leader === node.id ? t.alreadyLeads(name) : null),
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
  const t = messages().menu;
  const a = nodeName(link.a);
  const b = nodeName(link.b);
  const whole = link.aToB && link.bToA;
  return [
    {
      key: 'cut-ab',
      label: t.cutOneWay(a, b),
      disabledBecause: link.aToB ? null : t.alreadyCut,
      run: () => act((c) => c.setLink(link.a, link.b, false)),
    },
    {
      key: 'cut-ba',
      label: t.cutOneWay(b, a),
      disabledBecause: link.bToA ? null : t.alreadyCut,
      run: () => act((c) => c.setLink(link.b, link.a, false)),
    },
    {
      key: 'cut-both',
      label: t.cutBoth,
      disabledBecause: !link.aToB && !link.bToA ? t.alreadyCut : null,
      run: () =>
        act(async (c) => {
          await c.setLink(link.a, link.b, false);
          await c.setLink(link.b, link.a, false);
        }),
    },
    {
      key: 'heal',
      label: t.heal(a, b),
      disabledBecause: whole ? t.linkWorks : null,
      run: () =>
        act(async (c) => {
          await c.setLink(link.a, link.b, true);
          await c.setLink(link.b, link.a, true);
        }),
    },
  ];
}
