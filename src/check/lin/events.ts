import type { Operation } from './operation';

/**
 * Jepsen's four event types: a client `invoke`s an operation, which then
 * completes `ok`, definitely did not happen (`fail`), or has an unknown
 * outcome (`info`: a timeout, a crash).
 */
export type EventType = 'invoke' | 'ok' | 'fail' | 'info';

/** One line of a Jepsen-like history. `F` names the function (read, write, ...). */
export interface HistoryEvent<F, V> {
  readonly process: number;
  readonly type: EventType;
  readonly f: F;
  readonly value: V;
  /** When the event happened; defaults to its index in the list. */
  readonly time?: number;
}

/** How to read an invocation and a completion into a model's input and output. */
export interface EventInterpreter<F, V, I, O> {
  input(invoke: HistoryEvent<F, V>): I;
  output(invoke: HistoryEvent<F, V>, ok: HistoryEvent<F, V>): O;
}

/**
 * Pairs each invocation with its completion. A `fail` means the operation
 * definitely did not take effect, so it is dropped. An `info`, or no
 * completion before the end of the list, means the outcome is unknown: the
 * operation gets `return: undefined` and may take effect at any time after
 * its call, or never.
 *
 * Throws on a malformed list (a completion with no invocation, or a second
 * invocation while one is pending on the same process).
 */
export function operationsFromEvents<F, V, I, O>(
  events: readonly HistoryEvent<F, V>[],
  interpreter: EventInterpreter<F, V, I, O>,
): Operation<I, O>[] {
  // Slots keep operations in invocation order; a dropped `fail` leaves a hole.
  const slots: (Operation<I, O> | undefined)[] = [];
  const pending = new Map<
    number,
    { invoke: HistoryEvent<F, V>; slot: number; op: Operation<I, O> }
  >();
  events.forEach((event, index) => {
    const time = event.time ?? index;
    const open = pending.get(event.process);
    if (event.type === 'invoke') {
      if (open !== undefined) {
        throw new Error(
          `event ${index}: process ${event.process} invokes a new operation while its operation called at time ${open.op.call} is still pending`,
        );
      }
      const op = unknownOutcome<I, O>(event.process, interpreter.input(event), time);
      pending.set(event.process, { invoke: event, slot: slots.length, op });
      slots.push(op);
      return;
    }
    if (open === undefined) {
      throw new Error(
        `event ${index}: process ${event.process} reports '${event.type}' but invoked nothing`,
      );
    }
    pending.delete(event.process);
    if (event.type === 'fail') {
      slots[open.slot] = undefined;
    } else if (event.type === 'ok') {
      slots[open.slot] = {
        ...open.op,
        output: interpreter.output(open.invoke, event),
        return: time,
      };
    }
    // 'info': the slot keeps its unknown outcome.
  });
  return slots.filter((op): op is Operation<I, O> => op !== undefined);
}

function unknownOutcome<I, O>(clientId: number, input: I, call: number): Operation<I, O> {
  return { clientId, input, call, output: undefined, return: undefined };
}
