import type { PlaygroundState } from './store.ts';

// Selectors live at module level so their identity is stable across renders.

export const selectNodes = (s: PlaygroundState) => s.nodes;
export const selectNow = (s: PlaygroundState) => s.now;
export const selectLeader = (s: PlaygroundState) => s.leader;
export const selectSeed = (s: PlaygroundState) => s.seed;
export const selectVersion = (s: PlaygroundState) => s.version;
export const selectPlaying = (s: PlaygroundState) => s.playing;
export const selectProblem = (s: PlaygroundState) => s.problem;

export const selectStatus = (s: PlaygroundState) => ({
  status: s.status,
  workers: s.workers,
  inFlight: s.inFlight,
});

export const selectControls = (s: PlaygroundState) => ({
  // Time and proposals belong to a simulation: off while a live cluster is watched.
  running: s.status === 'running' && s.live === null,
  playing: s.playing,
  speed: s.speed,
  play: s.play,
  pause: s.pause,
  step: s.step,
  reset: s.reset,
  setSpeed: s.setSpeed,
});

export const selectProposal = (s: PlaygroundState) => ({
  // Time and proposals belong to a simulation: off while a live cluster is watched.
  running: s.status === 'running' && s.live === null,
  leader: s.leader,
  lastProposal: s.lastProposal,
  propose: s.propose,
});

export const selectNetwork = (s: PlaygroundState) => ({
  running: s.status === 'running',
  dropRate: s.dropRate,
  duplicateRate: s.duplicateRate,
  isolated: s.isolated,
  setDropRate: s.setDropRate,
  setDuplicateRate: s.setDuplicateRate,
  heal: s.heal,
});

export const selectServerActions = (s: PlaygroundState) => ({
  running: s.status === 'running',
  isolated: s.isolated,
  nodeCount: s.nodes.length,
  crash: s.crash,
  restart: s.restart,
  isolate: s.isolate,
});

export const selectMembership = (s: PlaygroundState) => ({
  running: s.status === 'running',
  nodes: s.nodes,
  leader: s.leader,
  act: s.act,
});
