import type { PlaygroundState } from '../store.ts';
import { makeRunSpec, type RunBase, type RunSpec } from './runSpec.ts';

/**
 * The run as the page shows it now, or null while it starts (a run that is
 * still being replayed is not yet what it will be). In the past (time
 * travel), the instant shown: what a link or a file then gives is what the
 * student sees.
 */
export function currentRunSpec(state: PlaygroundState, base: RunBase): RunSpec | null {
  const c = state.coordinator();
  if (!c || state.status !== 'running') return null;
  return makeRunSpec(base, c.inputLog(), state.past?.atMs ?? c.now);
}
