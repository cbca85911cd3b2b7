import type { ClusterOptions, Input, InputAction, NodeId } from '../../sim/index.ts';
import type { PageOptions } from '../urlOptions.ts';
import type { LessonDoc } from './schema.ts';
import type { Predicate } from './view.ts';

// A lesson as the engine runs it: its file (schema.ts) with every condition
// made a predicate (vocabulary.ts).

/** A text in one or more languages, by language code (`en`, `zh`). */
export type Localized = Readonly<Record<string, string>>;

/** The text in language `code`, else in English, else in the first language it has. */
export function say(text: Localized, code: string): string {
  return text[code] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** Where a run starts: everything of a RunSpec but its input log. */
export interface LessonSetup {
  readonly seed: number;
  readonly options: PageOptions;
  /** Persisted state to start from (the paper's Figures 7 and 8). */
  readonly initial?: ClusterOptions['initial'];
}

/** Where a step's run pauses: when `holds` does, or after `withinMs` of virtual time at most. */
export interface Until {
  /** Absent: the step simply runs for `withinMs` (it pauses at an instant). */
  readonly holds?: Predicate;
  /** The bound, counted from the step's start, so a lesson never runs forever. */
  readonly withinMs: number;
}

/** A "now you try": the page checks by itself whether the student has done it. */
export interface Task {
  readonly goal: Localized;
  readonly hint: Localized;
  /** Holds once the goal is met; false at the step's start (a test checks that). */
  readonly check: Predicate;
  /** One way a student could do it, as their clicks would record it: each group after a wait of `afterMs`. */
  readonly solution: readonly {
    readonly afterMs: number;
    readonly actions: readonly InputAction[];
  }[];
  /** After the last group of the solution, how long the check may take to hold. */
  readonly withinMs: number;
}

/** What a step points at: servers, links (from, to) and log entries (on one server, or on all). */
export interface Highlight {
  readonly servers?: readonly NodeId[];
  readonly links?: readonly (readonly [NodeId, NodeId])[];
  readonly entries?: readonly { readonly index: number; readonly server?: NodeId }[];
}

export interface Step {
  readonly narration: Localized;
  readonly until?: Until;
  readonly task?: Task;
  readonly highlight?: Highlight;
}

export interface Lesson {
  /** Stable: names the lesson in links and in the catalogue. */
  readonly id: string;
  readonly title: Localized;
  readonly setup: LessonSetup;
  /**
   * The lesson's own inputs, stamped with the instants of its own run: each
   * step makes those that fall between its start and its pause (engine.ts).
   */
  readonly script: readonly Input[];
  readonly steps: readonly Step[];
  /** The file it was made from: what is exported and edited again. */
  readonly doc: LessonDoc;
}
