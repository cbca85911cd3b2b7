/**
 * One operation of a concurrent history, as a client saw it: it was invoked
 * at `call` and completed at `return`. Times are in any one unit the caller
 * chooses (virtual milliseconds, or just the index of the event in a log);
 * only their order matters.
 */
export interface Operation<I, O> {
  /** The client (Jepsen: process) that issued the operation; used for display. */
  readonly clientId: number;
  readonly input: I;
  /** Invocation time. */
  readonly call: number;
  /**
   * What the client observed. Ignored when the outcome is unknown (see
   * `return`). Must not be `undefined` for a completed operation: models
   * read `undefined` as "outcome unknown".
   */
  readonly output: O | undefined;
  /**
   * Completion time, or `undefined` / `Infinity` when the outcome is unknown
   * (Jepsen `info`, a timeout, a client that crashed): such an operation may
   * take effect at any instant after its call, or never.
   */
  readonly return: number | undefined;
}

/** True when the client never learned whether the operation took effect. */
export function isOutcomeUnknown(op: Operation<unknown, unknown>): boolean {
  return op.return === undefined || op.return === Infinity;
}

/** The completion time as a number, with an unknown outcome at +Infinity. */
export function returnTime(op: Operation<unknown, unknown>): number {
  return op.return === undefined ? Infinity : op.return;
}
