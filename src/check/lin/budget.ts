/** Search steps between two reads of the clock: reading it costs more than a step. */
export const CLOCK_CHECK_INTERVAL_STEPS = 1024;

/** Why a search stopped before it had an answer. */
export type ExhaustedBudget = 'steps' | 'time';

/** A limit on a check, in model steps and/or in time from an injected clock. */
export interface BudgetOptions {
  /** Most calls to `Model.step`, summed over all partitions. Default: no limit. */
  readonly maxSteps?: number;
  /** A clock in milliseconds (e.g. `performance.now`). Required with `timeoutMs`. */
  readonly now?: () => number;
  /** Wall-clock budget in milliseconds, measured with `now`. Default: no limit. */
  readonly timeoutMs?: number;
}

/**
 * The budget shared by the searches of all partitions of one check. The
 * search takes steps in batches (see `stepsUntilCheck`) so that its hot loop
 * only decrements a counter and reads the clock once per batch.
 */
export class Budget {
  private stepsUsed = 0;
  private readonly maxSteps: number;
  private readonly now: (() => number) | undefined;
  private readonly deadlineMs: number;
  /** Set by `hasRemaining` when it first finds the budget spent. */
  exhausted: ExhaustedBudget | undefined;

  constructor(options: BudgetOptions = {}) {
    this.maxSteps = options.maxSteps ?? Infinity;
    if (options.timeoutMs !== undefined && options.now === undefined) {
      throw new Error('a timeoutMs budget needs a clock: pass now (e.g. () => performance.now())');
    }
    this.now = options.timeoutMs === undefined ? undefined : options.now;
    this.deadlineMs =
      this.now === undefined ? Infinity : this.now() + (options.timeoutMs ?? Infinity);
  }

  get steps(): number {
    return this.stepsUsed;
  }

  /**
   * Steps the search may take before it must `charge` them and ask
   * `hasRemaining` again. At least 1 while `hasRemaining()` is true.
   */
  stepsUntilCheck(): number {
    return Math.min(CLOCK_CHECK_INTERVAL_STEPS, this.maxSteps - this.stepsUsed);
  }

  /** Counts `steps` more calls to `Model.step`. */
  charge(steps: number): void {
    this.stepsUsed += steps;
  }

  /** False once the steps or the time are spent; then `exhausted` says which. */
  hasRemaining(): boolean {
    if (this.exhausted === undefined) {
      if (this.stepsUsed >= this.maxSteps) this.exhausted = 'steps';
      else if (this.now !== undefined && this.now() >= this.deadlineMs) this.exhausted = 'time';
    }
    return this.exhausted === undefined;
  }
}
