import type { Input } from '../../sim/index.ts';

/**
 * Acting at an earlier instant forks a new future: the inputs up to that
 * instant are kept (replay applies those with at <= untilMs), the later
 * ones are discarded.
 */
export function forkInputs(
  inputs: readonly Input[],
  atMs: number,
): { kept: Input[]; discarded: Input[] } {
  const kept: Input[] = [];
  const discarded: Input[] = [];
  for (const input of inputs) (input.at <= atMs ? kept : discarded).push(input);
  return { kept, discarded };
}

/** What the page says when a fork discards the old future. */
export function forkNotice(atMs: number, discarded: number): string {
  const when = `${Math.round(atMs).toLocaleString('en-US')} ms`;
  if (discarded === 0) return `Continued from ${when}: a new future starts here.`;
  return `Forked at ${when}: a new future starts here, and the ${discarded} later action${discarded === 1 ? '' : 's'} of the old one ${discarded === 1 ? 'was' : 'were'} discarded.`;
}

/** Clamps a requested instant to the run's past [0, presentMs]. */
export function clampInstant(atMs: number, presentMs: number): number {
  return Math.round(Math.min(Math.max(0, atMs), presentMs));
}
