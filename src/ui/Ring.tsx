import { useCallback, useMemo, useRef, useState } from 'react';
import type { Envelope, NodeId } from '../sim/index.ts';
import { ringPositions, type Point } from './geometry.ts';
import { useMessages } from './i18n/index.ts';
import { nodeName } from './labels.ts';
import { membershipOf, shownConfig } from './membership.ts';
import { NODE_RADIUS_PX, NodeGlyph } from './NodeGlyph.tsx';
import { ActionMenu } from './ring/ActionMenu.tsx';
import { linkMenuItems, nodeMenuItems, partitionWork } from './ring/actions.ts';
import type { ClusterViewData } from './ring/clusterView.ts';
import { DropGlyph } from './ring/DropGlyph.tsx';
import { Flight } from './ring/Flight.tsx';
import { dropTarget, sideNames } from './ring/grouping.ts';
import { HelpPanel } from './ring/HelpPanel.tsx';
import { LinkLine } from './ring/LinkLine.tsx';
import { groupsFromLinks, moveToGroup, type LinkState } from './ring/links.ts';
import { selectRing, selectRingActions } from './ring/selectors.ts';
import { timerArc } from './ring/timer.ts';
import type { useDisplay } from './ring/useDisplay.ts';
import { useNodeDrag } from './ring/useNodeDrag.ts';
import { useRingShortcuts } from './ring/useRingShortcuts.ts';
import { carriesEntry, markedServer, sameEnvelope, selectedEntry } from './stage/linked.ts';
import { marksLink, stepMarks, useShownHighlight } from './lessons/highlight.ts';
import { usePlayground } from './usePlayground.ts';
import './ring/ring.css';

const VIEW_SIZE_PX = 500;
const RING_RADIUS_PX = 178;
/** Links and messages start and end at a node's rim, not its centre. */
const LINK_INSET_PX = NODE_RADIUS_PX + 10;
/** The action menu's width (ring.css .action-menu). */
const MENU_WIDTH_PX = 230;

const NONE: readonly Envelope[] = [];
const NO_DROPS: ClusterViewData['drops'] = [];

type Menu =
  | { kind: 'node'; id: NodeId; at: { left: number; top: number }; anchor: Element }
  | { kind: 'link'; link: LinkState; at: { left: number; top: number }; anchor: Element };

/**
 * The cluster: servers on a ring, the links between them, the messages on
 * the wire at their real progress, losses fading where they happened. A
 * click, tap, Enter or context menu on a server or a link opens its actions;
 * dragging a server onto another puts it on that side of a partition.
 */
export function Ring({
  display,
  help,
  onHelp,
}: {
  display: ReturnType<typeof useDisplay>;
  /** Whether the keyboard shortcuts' help is open; the stage's key opens it too. */
  help: boolean;
  onHelp: (open: (was: boolean) => boolean) => void;
}) {
  const { nodes, now, view, leader, selection, hovered, past, fast } = usePlayground(selectRing);
  // At full speed messages live for a fraction of a frame: drawing them would
  // only slow the run. They come back as soon as the speed drops or it pauses.
  const flights = fast ? NONE : view.flights;
  const drops = fast ? NO_DROPS : view.drops;
  const { act, select, hover } = usePlayground(selectRingActions);
  const m = useMessages();
  const [menu, setMenu] = useState<Menu | null>(null);
  const [dragging, setDragging] = useState<{ id: NodeId; at: Point } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const center = { x: VIEW_SIZE_PX / 2, y: VIEW_SIZE_PX / 2 };
  const ids = useMemo(() => nodes.map((n) => n.id), [nodes]);
  const home = useMemo(() => {
    const points = ringPositions(
      ids.length,
      { x: VIEW_SIZE_PX / 2, y: VIEW_SIZE_PX / 2 },
      RING_RADIUS_PX,
    );
    return new Map(ids.map((id, i) => [id, points[i] ?? { x: 0, y: 0 }]));
  }, [ids]);
  const where = (id: NodeId): Point =>
    dragging?.id === id ? dragging.at : (home.get(id) ?? center);
  const groups = useMemo(() => groupsFromLinks(ids, view.links), [ids, view.links]);
  const sides = useMemo(() => sideNames(groups), [groups]);
  const cutOff = (id: NodeId) =>
    ids.length > 1 && groups.some((g) => g.length === 1 && g[0] === id);
  const selectedId = selection?.kind === 'node' ? selection.id : null;
  const marked = markedServer(hovered, selection);
  // What the shown lesson step points at, in the same marks.
  const highlight = useShownHighlight();
  const pointed = useMemo(() => stepMarks(highlight, ids), [highlight, ids]);
  // The messages that carry the selected entry, or the selected message itself (linked.ts).
  const entry = selectedEntry(selection, (id) => nodes.find((n) => n.id === id)?.log);
  const flightMarked = (e: Envelope) =>
    selection?.kind === 'message'
      ? sameEnvelope(e, selection.envelope)
      : entry !== null && carriesEntry(e.message, entry);
  const config = useMemo(() => shownConfig(nodes, leader), [nodes, leader]);

  const anchorAt = (anchor: Element) => {
    const box = anchor.getBoundingClientRect();
    const panel = panelRef.current?.getBoundingClientRect();
    // Beside the server, but never off the panel's edge (a phone is narrow).
    const width = panel?.width ?? MENU_WIDTH_PX;
    const left = Math.max(0, Math.min(box.right - (panel?.left ?? 0), width - MENU_WIDTH_PX));
    return { left, top: box.bottom - (panel?.top ?? 0) - box.height / 2 };
  };
  const openNode = useCallback(
    (id: NodeId, anchor: Element) => {
      select({ kind: 'node', id });
      setMenu({ kind: 'node', id, at: anchorAt(anchor), anchor });
    },
    [select],
  );
  const openLink = useCallback((link: LinkState, anchor: Element) => {
    setMenu({ kind: 'link', link, at: anchorAt(anchor), anchor });
  }, []);
  const closeMenu = useCallback(
    (restoreFocus: boolean) => {
      if (restoreFocus && menu?.anchor instanceof SVGElement) menu.anchor.focus();
      setMenu(null);
    },
    [menu],
  );

  useNodeDrag(svgRef, ids.length, {
    move: (id, at) => setDragging(at ? { id, at } : null),
    drop: (id, at) => {
      const target = dropTarget(id, at, home, NODE_RADIUS_PX * 2);
      if (target === 'self') return;
      void act(partitionWork(moveToGroup(groups, id, target)));
    },
  });

  useRingShortcuts({
    ids,
    groups,
    links: view.links,
    openHelp: () => onHelp((h) => !h),
    closeAll: () => {
      onHelp(() => false);
      setMenu(null);
    },
    display,
  });

  const selectMessage = useCallback(
    (envelope: Envelope) => select({ kind: 'message', envelope }),
    [select],
  );
  const menuNode = menu?.kind === 'node' ? nodes.find((n) => n.id === menu.id) : undefined;

  return (
    <section
      className="cluster"
      aria-label={m.page.cluster}
      ref={panelRef}
      data-past={past ? 'true' : 'false'}
    >
      <svg
        ref={svgRef}
        className="ring"
        viewBox={`0 0 ${VIEW_SIZE_PX} ${VIEW_SIZE_PX}`}
        role="group"
        aria-label={m.ring.label}
        data-testid="ring"
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path className="link__arrow" d="M0,0 L10,5 L0,10 z" />
          </marker>
        </defs>
        <circle className="ring__track" cx={center.x} cy={center.y} r={RING_RADIUS_PX} />
        <g className="ring__links">
          {view.links.map((link) => (
            <LinkLine
              key={`${link.a}-${link.b}`}
              link={link}
              from={where(link.a)}
              to={where(link.b)}
              insetPx={LINK_INSET_PX}
              marked={marksLink(pointed, link.a, link.b)}
              onOpen={openLink}
            />
          ))}
        </g>
        <g className="ring__flights" aria-hidden="true">
          {flights.map((e) => (
            <Flight
              key={`${e.from}-${e.to}-${e.incarnation}-${e.seq}-${e.duplicate ? 'd' : ''}`}
              envelope={e}
              from={where(e.from)}
              to={where(e.to)}
              nowMs={now}
              insetPx={LINK_INSET_PX}
              marked={flightMarked(e)}
              onSelect={selectMessage}
            />
          ))}
          {drops.map((d) => (
            <DropGlyph
              key={d.key}
              drop={d}
              from={where(d.from)}
              to={where(d.to)}
              insetPx={LINK_INSET_PX}
            />
          ))}
        </g>
        <g className="ring__nodes">
          {nodes.map((node) => (
            <NodeGlyph
              key={node.id}
              node={node}
              membership={membershipOf(node.id, config)}
              at={where(node.id)}
              timer={
                fast
                  ? null
                  : timerArc(
                      node.role,
                      node.alive,
                      view.timerResets.get(node.id),
                      now,
                      view.electionTimeoutMs,
                    )
              }
              cutOff={cutOff(node.id)}
              side={sides.get(node.id) ?? null}
              selected={selectedId === node.id}
              marked={marked === node.id || pointed.servers.has(node.id)}
              dragging={dragging?.id === node.id}
              onOpen={openNode}
              onHover={hover}
            />
          ))}
        </g>
      </svg>
      {menu?.kind === 'node' && menuNode && (
        <ActionMenu
          title={m.ring.nodeActions(nodeName(menuNode.id))}
          testId="node-menu"
          at={menu.at}
          items={nodeMenuItems(
            menuNode,
            leader,
            ids,
            view.links,
            act,
            membershipOf(menuNode.id, config),
          )}
          onClose={closeMenu}
        />
      )}
      {menu?.kind === 'link' && (
        <ActionMenu
          title={m.ring.linkActions(nodeName(menu.link.a), nodeName(menu.link.b))}
          testId="link-menu"
          at={menu.at}
          items={linkMenuItems(
            view.links.find((l) => l.a === menu.link.a && l.b === menu.link.b) ?? menu.link,
            act,
          )}
          onClose={closeMenu}
        />
      )}
      {help && <HelpPanel onClose={() => onHelp(() => false)} />}
    </section>
  );
}
