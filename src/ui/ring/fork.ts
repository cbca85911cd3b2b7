import type { Input } from '../../sim/index.ts';
import type { Text } from '../i18n/index.ts';
import { formatVirtualMs } from '../labels.ts';

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
export function forkNotice(atMs: number, discarded: number): Text {
  return (m) =>
    discarded === 0
      ? m.timeline.continued(formatVirtualMs(atMs))
      : m.timeline.forked(formatVirtualMs(atMs), discarded);
}

/** Clamps a requested instant to the run's past [0, presentMs]. */
export function clampInstant(atMs: number, presentMs: number): number {
  return Math.round(Math.min(Math.max(0, atMs), presentMs));
}
