import type { PlaygroundState } from '../store.ts';

// Module-level selectors for the cluster panel: stable identities across renders.

export const selectRing = (s: PlaygroundState) => ({
  nodes: s.nodes,
  now: s.now,
  view: s.view,
  leader: s.leader,
  selection: s.selection,
  hovered: s.hovered,
  past: s.past,
  fast: s.speed === 'max' && s.playing,
});

export const selectRingActions = (s: PlaygroundState) => ({
  act: s.act,
  crash: s.crash,
  restart: s.restart,
  heal: s.heal,
  select: s.select,
  hover: s.hover,
});

export const selectTimeline = (s: PlaygroundState) => ({
  now: s.now,
  past: s.past,
  running: s.status === 'running' && s.live === null,
  forkNotice: s.forkNotice,
  travel: s.travel,
  toPresent: s.toPresent,
  dismissForkNotice: s.dismissForkNotice,
});

export const selectShortcutState = (s: PlaygroundState) => ({
  running: s.status === 'running',
  playing: s.playing,
  leader: s.leader,
  selection: s.selection,
  nodeCount: s.nodes.length,
  now: s.now,
  past: s.past,
});
