import type { ClusterOptions, Input } from '../../sim/index.ts';
import { clusterOptions, type PageOptions } from '../urlOptions.ts';

/** The format this page writes and reads; a newer page may write a higher one. */
export const RUN_SPEC_VERSION = 1;

/**
 * A whole run, as a link, a file and the saved session carry it. A run is a
 * pure function of (options, seed, input log) (DESIGN.md, determinism
 * contract), so this is all it takes to show it again, exactly: start the
 * cluster with `options` and `initial`, re-do `inputs` at their instants,
 * and stop at `atMs`.
 */
export interface RunSpec {
  readonly version: typeof RUN_SPEC_VERSION;
  /** uint32 */
  readonly seed: number;
  readonly options: PageOptions;
  /**
   * Each server's persisted state at time 0 (term, vote, log), as
   * src/sim/options.ts defines it: how the paper's Figures 7 and 8 are set up.
   * Absent: every server starts empty.
   */
  readonly initial?: ClusterOptions['initial'];
  /** Every user action, in order, stamped with its virtual time; a login carries the password's hash only. */
  readonly inputs: readonly Input[];
  /** The instant shown, in virtual ms; inputs after it are not part of the run. */
  readonly atMs: number;
}

/** What identifies a run before anything is done in it. */
export interface RunBase {
  readonly seed: number;
  readonly options: PageOptions;
  readonly initial?: ClusterOptions['initial'];
}

/** The cluster's options for a run: the page's options, and the initial state when given. */
export function runClusterOptions(run: RunBase): ClusterOptions {
  const options = clusterOptions(run.seed, run.options);
  return run.initial ? { ...options, initial: run.initial } : options;
}

/** The run `base` with `inputs` done, shown at `atMs` (only the inputs up to it are kept). */
export function makeRunSpec(base: RunBase, inputs: readonly Input[], atMs: number): RunSpec {
  return {
    version: RUN_SPEC_VERSION,
    seed: base.seed,
    options: base.options,
    ...(base.initial && { initial: base.initial }),
    inputs: inputs.filter((input) => input.at <= atMs),
    atMs,
  };
}
