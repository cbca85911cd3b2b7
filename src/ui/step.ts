import { STEP_LIMIT_MS } from './constants.ts';

/** What "Step" needs of a cluster: the Worker runtime's coordinator and the headless cluster both fit. */
export interface Steppable {
  readonly now: number;
  stepToNextEvent(limitMs: number): number | null | Promise<number | null>;
  advance(ms: number): void | Promise<void>;
}

/**
 * What one press of "Step" does: run the next instant at which anything is
 * due (a timer firing or a message arriving), or, if nothing is due within
 * STEP_LIMIT_MS, advance that far. Shared by the page and the tests that
 * replay the page headless, so both step identically.
 */
export async function stepOnce(cluster: Steppable): Promise<void> {
  if ((await cluster.stepToNextEvent(cluster.now + STEP_LIMIT_MS)) === null) {
    await cluster.advance(STEP_LIMIT_MS);
  }
}
