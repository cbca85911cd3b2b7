import type { ClusterOptions, Input, InputAction } from '../../sim/index.ts';
import type { PageOptions } from '../urlOptions.ts';
import type { Highlight, Lesson, Localized } from './lesson.ts';
import { predicate, type Condition } from './vocabulary.ts';

// A lesson file, as README.md documents it: what validate.ts accepts, and
// what the page writes when a teacher exports one.

/** The first field of a lesson file: tells it apart from a run file or another program's JSON. */
export const LESSON_FORMAT = 'raft-playground-lesson';
/** The format this page reads and writes; a newer page may write a higher one. */
export const LESSON_VERSION = 1;

export interface UntilDoc {
  /** The event to pause on; absent: pause `withinMs` after the step began (an instant). */
  readonly when?: Condition;
  readonly withinMs: number;
}

export interface TaskDoc {
  readonly goal: Localized;
  readonly hint: Localized;
  /** Holds once the student has done it. */
  readonly done: Condition;
  /** One way to do it, each group of actions after a wait (tests run it). */
  readonly solution?: readonly {
    readonly afterMs: number;
    readonly inputs: readonly InputAction[];
  }[];
  /** How long after the solution the page may take to see it done. */
  readonly withinMs: number;
}

export interface StepDoc {
  readonly narration: Localized;
  readonly until?: UntilDoc;
  readonly highlight?: Highlight;
  readonly task?: TaskDoc;
}

export interface LessonDoc {
  readonly format: typeof LESSON_FORMAT;
  readonly version: typeof LESSON_VERSION;
  readonly id: string;
  readonly title: Localized;
  readonly seed: number;
  readonly options: PageOptions;
  readonly initial?: ClusterOptions['initial'];
  /** The input log of the lesson's own run, in time order. */
  readonly inputs: readonly Input[];
  readonly steps: readonly StepDoc[];
}

/** The lesson a checked file describes, its conditions made predicates. */
export function lessonOf(doc: LessonDoc): Lesson {
  return {
    id: doc.id,
    title: doc.title,
    setup: { seed: doc.seed, options: doc.options, ...(doc.initial && { initial: doc.initial }) },
    script: doc.inputs,
    steps: doc.steps.map((s) => ({
      narration: s.narration,
      ...(s.until && {
        until: {
          withinMs: s.until.withinMs,
          ...(s.until.when && { holds: predicate(s.until.when) }),
        },
      }),
      ...(s.highlight && { highlight: s.highlight }),
      ...(s.task && {
        task: {
          goal: s.task.goal,
          hint: s.task.hint,
          check: predicate(s.task.done),
          solution: (s.task.solution ?? []).map((g) => ({ afterMs: g.afterMs, actions: g.inputs })),
          withinMs: s.task.withinMs,
        },
      }),
    })),
    doc,
  };
}
