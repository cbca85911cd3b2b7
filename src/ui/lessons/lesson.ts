import type { ClusterOptions, InputAction } from '../../sim/index.ts';
import type { Messages } from '../i18n/messages.ts';
import type { PageOptions } from '../urlOptions.ts';
import type { LessonView, Predicate, StepStart } from './view.ts';

/** The lesson strings of the current language (the catalogue's `lessons` section). */
export type LessonMessages = Messages['lessons'];

/** A string of the catalogue, picked by the code (typed: a missing string fails the type check). */
export type Text = (m: LessonMessages) => string;

/** Where a run starts: everything of a RunSpec but its input log, which the steps make. */
export interface LessonSetup {
  readonly seed: number;
  readonly options: PageOptions;
  /** Persisted state to start from (the paper's Figures 7 and 8). */
  readonly initial?: ClusterOptions['initial'];
}

/**
 * Inputs to apply at one instant. A function reads the run first (e.g.
 * "crash whoever leads"); the inputs it returns are what the log records.
 */
export type Actions =
  readonly InputAction[] | ((view: LessonView, start: StepStart) => readonly InputAction[]);

/** Where a step's run pauses: when `holds` does, or after `withinMs` of virtual time at most. */
export interface Until {
  /** Absent: the step simply runs for `withinMs`. */
  readonly holds?: Predicate;
  /** The bound, counted from the step's start, so a lesson never runs forever. */
  readonly withinMs: number;
}

/** A "now you try": the page checks by itself whether the student has done it. */
export interface Task {
  readonly goal: Text;
  readonly hint: Text;
  /** Holds once the goal is met; false at the step's start (a test checks that). */
  readonly check: Predicate;
  /**
   * One way a student could do it, as their clicks would record it: each
   * group of actions after a wait of `afterMs`. The tests run it; the page
   * may offer it as "show me".
   */
  readonly solution: readonly {
    readonly afterMs: number;
    readonly actions: Actions;
  }[];
  /** After the last group of the solution, how long the check may take to hold. */
  readonly withinMs: number;
}

export interface Step {
  readonly narration: Text;
  /**
   * What the lesson does at the instant the step begins, as inputs stamped
   * with that instant, so the run stays a pure function of seed and inputs.
   */
  readonly actions?: Actions;
  readonly until?: Until;
  readonly task?: Task;
}

export interface Lesson {
  /** Stable: names the lesson in links and in the catalogue. */
  readonly id: string;
  readonly title: Text;
  readonly setup: LessonSetup;
  readonly steps: readonly Step[];
}
