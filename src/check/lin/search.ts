import { LinearizedSet, mix32, wordCount } from './bitset';
import type { Budget } from './budget';
import { ConfigurationCache } from './cache';
import { buildEntryList, HEAD, lift, NO_NODE, unlift, type EntryList } from './entries';
import type { Model } from './model';
import { isOutcomeUnknown, type Operation } from './operation';

/*
 * The scan of the candidates for a configuration goes over them in up to
 * three passes. Read-only operations first: if one is legal it is taken
 * with no alternative (see the backtracking below), so trying it first saves
 * whole subtrees of the others. Operations that may never have taken effect
 * last: a linearization that leaves them out, if there is one, is found
 * sooner. A pass with no operations in the history is skipped.
 */
const PASS_READ_ONLY = 0;
const PASS_OTHER = 1;
const PASS_UNKNOWN = 2;
const NO_PASS = -1;

/** What the search of one (partition of a) history found; operations are indices into it. */
export type SearchResult =
  | { readonly kind: 'linearizable'; readonly order: readonly number[] }
  | {
      readonly kind: 'illegal';
      readonly longestPrefix: readonly number[];
      readonly failedOp: number;
    }
  | { readonly kind: 'exhausted' };

/**
 * Wing and Gong's depth-first search for a linearization, with Lowe's
 * just-in-time linearization and cache of configurations (Lowe, "Testing
 * for linearizability", 2017), as in Porcupine.
 *
 * The search walks the entry list from the head. At a call entry it tries
 * to linearize that operation now: if the model accepts it and the
 * resulting configuration (linearized set, state) is new, it lifts the
 * operation out of the list and starts again from the head. At a return
 * entry it has met an operation that had to take effect before that
 * instant and did not, so it backtracks: it undoes the last linearized
 * operation and tries the next candidate after it.
 *
 * An operation with an unknown outcome has its return at +Infinity, so it
 * never forces a backtrack, and the search succeeds as soon as every
 * operation with a known outcome is linearized: the rest never took effect.
 *
 * The search is resumable (`run` takes a number of steps), so that the
 * partitions of a history can take turns, as Porcupine's run in parallel.
 */
export class LinearizationSearch<S, I, O> {
  private readonly model: Model<S, I, O>;
  private readonly list: EntryList;
  private readonly inputs: readonly I[];
  /** `undefined` for an unknown outcome. */
  private readonly outputs: readonly (O | undefined)[];
  private readonly unknown: Uint8Array;
  private readonly readOnly: Uint8Array;
  private readonly linearized: LinearizedSet;
  private readonly cache: ConfigurationCache<S>;
  // The stack of linearized call entries, with the state before each, and
  // whether it was forced (a read-only operation, taken without alternatives).
  private readonly stackCall: Int32Array;
  private readonly stackState: S[];
  private readonly stackForced: Uint8Array;
  private depth = 0;
  private state: S;
  private node: number;
  /** The pass of the scan (see PASS_READ_ONLY...) and the pass in which each operation is tried. */
  private pass = PASS_READ_ONLY;
  private readonly opPass: Uint8Array;
  /** For each pass, the next pass that has operations to try, or NO_PASS. */
  private readonly nextPass: Int8Array;
  private readonly firstPass: number;
  /** Operations with a known outcome not yet linearized. */
  private definiteLeft: number;
  private longestPrefix: number[] = [];
  private failedOp = -1;
  private result: SearchResult | undefined;

  constructor(model: Model<S, I, O>, ops: readonly Operation<I, O>[]) {
    const n = ops.length;
    this.model = model;
    this.list = buildEntryList(ops);
    this.inputs = ops.map((op) => op.input);
    this.outputs = ops.map((op) => (isOutcomeUnknown(op) ? undefined : op.output));
    this.unknown = Uint8Array.from(ops, (op) => (isOutcomeUnknown(op) ? 1 : 0));
    this.readOnly = Uint8Array.from(ops, (op, i) => {
      const output = this.outputs[i];
      return output !== undefined && model.isReadOnly?.(op.input, output) === true ? 1 : 0;
    });
    this.linearized = new LinearizedSet(n);
    this.cache = new ConfigurationCache<S>(wordCount(n), (a, b) => model.equal(a, b));
    this.stackCall = new Int32Array(n);
    this.stackState = new Array<S>(n);
    this.stackForced = new Uint8Array(n);
    this.state = model.init();
    this.node = this.list.next[HEAD]!;
    this.definiteLeft = n - this.unknown.reduce((sum, u) => sum + u, 0);
    this.opPass = Uint8Array.from(ops, (_, i) =>
      this.unknown[i] === 1 ? PASS_UNKNOWN : this.readOnly[i] === 1 ? PASS_READ_ONLY : PASS_OTHER,
    );
    const used = [PASS_READ_ONLY, PASS_OTHER, PASS_UNKNOWN].filter((p) => this.opPass.includes(p));
    this.nextPass = Int8Array.from(
      [PASS_READ_ONLY, PASS_OTHER, PASS_UNKNOWN],
      (p) => used.find((q) => q > p) ?? NO_PASS,
    );
    this.firstPass = this.pass = used[0] ?? PASS_READ_ONLY;
    if (this.definiteLeft === 0) this.result = { kind: 'linearizable', order: [] };
  }

  /**
   * Searches for at most `sliceSteps` calls to `Model.step`, charged to
   * `budget`. Returns the answer, or `undefined` if the slice ran out first
   * (call again to go on), or 'exhausted' when the budget is spent.
   */
  run(budget: Budget, sliceSteps = Infinity): SearchResult | undefined {
    if (this.result !== undefined) return this.result;
    // Hot loop: everything it touches is in a local.
    const { model, list, inputs, outputs, unknown, readOnly, opPass, nextPass, linearized, cache } =
      this;
    const { stackCall, stackState, stackForced } = this;
    const { next, opOf, returnOf } = list;
    const hasHash = model.hash !== undefined;
    const firstPass = this.firstPass;
    let { depth, state, node, definiteLeft, pass } = this;
    let sliceLeft = sliceSteps;
    // Steps granted for this batch, and how many are left of them.
    let granted = 0;
    let left = 0;
    const pause = (result: SearchResult | undefined): SearchResult | undefined => {
      budget.charge(granted - left);
      this.depth = depth;
      this.state = state;
      this.node = node;
      this.definiteLeft = definiteLeft;
      this.pass = pass;
      this.result = result;
      return result;
    };

    for (;;) {
      if (returnOf[node]! > 0) {
        // A call entry: try to linearize its operation here, if this pass is for it.
        const op = opOf[node]!;
        if (opPass[op] !== pass) {
          node = next[node]!;
          continue;
        }
        if (left === 0) {
          budget.charge(granted);
          granted = 0;
          if (sliceLeft === 0) return pause(undefined);
          if (!budget.hasRemaining()) return pause({ kind: 'exhausted' });
          granted = left = Math.min(budget.stepsUntilCheck(), sliceLeft);
          sliceLeft -= granted;
        }
        left--;
        const result = model.step(state, inputs[op] as I, outputs[op]);
        // An unknown-outcome operation that leaves the state as it was is no
        // use now: leaving it pending (or never applied) is at least as good.
        if (!result.ok || (unknown[op] === 1 && model.equal(result.state, state))) {
          node = next[node]!;
          continue;
        }
        linearized.add(op);
        const key = hasHash ? linearized.hash ^ mix32(model.hash!(result.state)) : linearized.hash;
        if (cache.addIfAbsent(linearized, result.state, key)) {
          stackCall[depth] = node;
          stackState[depth] = state;
          stackForced[depth] = readOnly[op]!;
          depth++;
          state = result.state;
          lift(list, node);
          if (unknown[op] === 0 && --definiteLeft === 0) {
            return pause({ kind: 'linearizable', order: stackOps(stackCall, depth, opOf) });
          }
          node = next[HEAD]!;
          pass = firstPass;
          continue;
        }
        linearized.delete(op);
        if (readOnly[op] === 0) {
          node = next[node]!;
          continue;
        }
        // A legal read-only operation whose configuration was explored and
        // failed: this configuration fails too (see below). Backtrack.
        if (this.failedOp === -1) this.failedOp = op;
      } else if (nextPass[pass] !== NO_PASS) {
        // The end of the candidates for this pass: scan them again for the next.
        pass = nextPass[pass]!;
        node = next[HEAD]!;
        continue;
      } else {
        // A return entry of an operation not yet linearized: backtrack.
        if (node === NO_NODE) {
          throw new Error('linearizability search ran off the entry list (a bug in the checker)');
        }
        if (depth > this.longestPrefix.length || this.failedOp === -1) {
          this.longestPrefix = stackOps(stackCall, depth, opOf);
          this.failedOp = opOf[node]!;
        }
      }
      // Undo the last linearized operation and try the candidates after it.
      // A read-only operation R that is legal in a configuration can go first
      // in any linearization that exists from there: moving R earlier breaks
      // no real-time order (it is a candidate) and changes no state. So when
      // the configuration after a forced R fails, the one before fails too,
      // and the search keeps unwinding instead of trying other candidates.
      do {
        if (depth === 0) {
          return pause({
            kind: 'illegal',
            longestPrefix: this.longestPrefix,
            failedOp: this.failedOp,
          });
        }
        depth--;
        node = stackCall[depth]!;
        state = stackState[depth]!;
        const op = opOf[node]!;
        linearized.delete(op);
        if (unknown[op] === 0) definiteLeft++;
        unlift(list, node);
        pass = opPass[op]!;
      } while (stackForced[depth] === 1);
      node = next[node]!;
    }
  }
}

function stackOps(stackCall: Int32Array, depth: number, opOf: Int32Array): number[] {
  return Array.from(stackCall.subarray(0, depth), (call) => opOf[call]!);
}
