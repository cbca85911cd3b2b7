import type { PlaygroundState } from './store.ts';

// Selectors live at module level so their identity is stable across renders.

export const selectNodes = (s: PlaygroundState) => s.nodes;
export const selectNow = (s: PlaygroundState) => s.now;
export const selectLeader = (s: PlaygroundState) => s.leader;
export const selectPlaying = (s: PlaygroundState) => s.playing;
export const selectSeed = (s: PlaygroundState) => s.seed;
export const selectVersion = (s: PlaygroundState) => s.version;

export const selectControls = (s: PlaygroundState) => ({
  playing: s.playing,
  play: s.play,
  pause: s.pause,
  step: s.step,
});

export const selectPlayLoop = (s: PlaygroundState) => ({
  playing: s.playing,
  advance: s.advance,
});
