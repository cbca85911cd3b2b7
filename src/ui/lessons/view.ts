import type { UserView } from '../../app/index.ts';
import type { ClusterViolation, HistoryOp, Input, NodeId, NodeView } from '../../sim/index.ts';

/**
 * What a lesson reads of a run: the part of the API that the headless
 * Cluster (src/sim/cluster.ts) and the page's Coordinator
 * (src/runtime/coordinator.ts) share, read-only. A lesson's predicates see
 * only this, so the same lesson pauses at the same instant in a test and on
 * the page.
 */
export interface LessonView {
  readonly now: number;
  readonly ids: readonly NodeId[];
  node(id: NodeId): NodeView;
  /** The live leader of the highest term, or null. */
  leader(): NodeId | null;
  violations(): readonly ClusterViolation[];
  inputLog(): readonly Input[];
  history(): readonly HistoryOp[];
  users(id: NodeId): UserView[];
  isLinkUp(from: NodeId, to: NodeId): boolean;
}

/** What a step remembers of the instant it began (before its own actions): its predicates compare with it. */
export interface StepStart {
  /** The step's position in its lesson, from 0. */
  readonly step: number;
  readonly atMs: number;
  /** How many inputs the run had: Back re-runs exactly these up to `atMs`. */
  readonly inputCount: number;
  /** How many client operations the history held. */
  readonly historyCount: number;
  readonly leader: NodeId | null;
  /** The highest term any server had reached. */
  readonly maxTerm: number;
  /** Each server's term and vote: a vote granted since differs (the vocabulary's voteGranted). */
  readonly votes: readonly (readonly [NodeId, number, NodeId | null])[];
  /** How many of the lesson's own inputs (its script) had been made. */
  readonly scriptCount: number;
  /**
   * How far the run is behind the lesson's own run, in ms: a script input
   * stamped `at` is made at `at + shiftMs`. It grows by the time a student
   * spends past a step's pause (a task) before going on.
   */
  readonly shiftMs: number;
}

/** Where the lesson's script stands as a step begins. */
export interface ScriptPlace {
  readonly scriptCount: number;
  readonly shiftMs: number;
}

export const SCRIPT_START: ScriptPlace = { scriptCount: 0, shiftMs: 0 };

/** A fact about the run, read at the end of an instant. */
export type Predicate = (view: LessonView, start: StepStart) => boolean;

export function stepStart(
  view: LessonView,
  step: number,
  place: ScriptPlace = SCRIPT_START,
): StepStart {
  return {
    step,
    atMs: view.now,
    inputCount: view.inputLog().length,
    historyCount: view.history().length,
    leader: view.leader(),
    maxTerm: Math.max(0, ...view.ids.map((id) => view.node(id).term)),
    votes: view.ids.map((id) => {
      const n = view.node(id);
      return [id, n.term, n.votedFor] as const;
    }),
    scriptCount: place.scriptCount,
    shiftMs: place.shiftMs,
  };
}
