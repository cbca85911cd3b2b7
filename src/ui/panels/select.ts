import { markedServer } from '../stage/linked.ts';
import type { PlaygroundState } from '../store.ts';

// Selectors of the live panels, at module level so their identity is stable.

export const selectLogs = (s: PlaygroundState) => ({
  nodes: s.viewNodes,
  leader: s.leader,
  progress: s.progress,
  selection: s.selection,
  hovered: s.hovered,
  select: s.select,
  hover: s.hover,
  playing: s.playing,
});

/** "1:1,2:0,…": which servers are up, as a string, so it changes only when one crashes or restarts. */
export const selectState = (s: PlaygroundState) => ({
  aliveKey: s.nodes.map((n) => `${n.id}:${n.alive ? 1 : 0}`).join(','),
  users: s.users,
  leader: s.leader,
  marked: markedServer(s.hovered, s.selection),
  hover: s.hover,
});

export const selectInspector = (s: PlaygroundState) => ({
  nodes: s.nodes,
  leader: s.leader,
  progress: s.progress,
  selection: s.selection,
  select: s.select,
  inFlight: s.inFlight,
});

export const selectInFlight = (s: PlaygroundState) => ({
  version: s.version,
  coordinator: s.coordinator,
  select: s.select,
});

export const selectFeed = (s: PlaygroundState) => ({
  events: s.events,
  nodeCount: s.nodes.length,
  travel: s.travel,
});

export const selectSafety = (s: PlaygroundState) => ({
  violations: s.violations,
  select: s.select,
});

export const selectClients = (s: PlaygroundState) => ({
  running: s.status === 'running',
  clientOps: s.clientOps,
  clientOp: s.clientOp,
});

/** Operations looked at for one still pending: a client gives up on one after CLIENT_OP_DEADLINE_MS. */
const RECENT_OPS_CHECKED = 50;

/** The time only matters while an operation is open (its bar runs to now); otherwise 0, so the view rests. */
export const selectHistory = (s: PlaygroundState) => ({
  history: s.history,
  now: s.history.slice(-RECENT_OPS_CHECKED).some((h) => h.status === 'pending') ? s.viewNow : 0,
});
