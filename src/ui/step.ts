import type { Cluster } from '../sim/index.ts';
import { STEP_LIMIT_MS } from './constants.ts';

/**
 * What one press of "Step" does: run the next instant at which anything is
 * due (a timer firing or a message arriving), or, if nothing is due within
 * STEP_LIMIT_MS, advance that far. Shared by the page and the tests that
 * replay the page headless, so both step identically.
 */
export function stepOnce(cluster: Cluster): void {
  if (cluster.stepToNextEvent(cluster.now + STEP_LIMIT_MS) === null) {
    cluster.advance(STEP_LIMIT_MS);
  }
}
