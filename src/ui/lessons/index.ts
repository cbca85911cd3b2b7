import { election } from './content/election.ts';
import { exactlyOnce } from './content/exactlyOnce.ts';
import { figure7 } from './content/figure7.ts';
import { figure8, figure8Bug } from './content/figure8.ts';
import { leaderCrash } from './content/leaderCrash.ts';
import { noop } from './content/noop.ts';
import { partition } from './content/partition.ts';
import { replication } from './content/replication.ts';
import { sessions } from './content/sessions.ts';
import { splitVote } from './content/splitVote.ts';
import { staleReads } from './content/staleReads.ts';
import type { Lesson } from './lesson.ts';

export type {
  Actions,
  Lesson,
  LessonMessages,
  LessonSetup,
  Step,
  Task,
  Text,
  Until,
} from './lesson.ts';
export type { LessonView, Predicate, StepStart } from './view.ts';
export { stepStart } from './view.ts';
export {
  HeadlessLesson,
  lessonClusterOptions,
  lessonScenario,
  scenarioAt,
  stampActions,
  stepInputs,
  untilDeadlineMs,
  untilPauses,
  type LessonScenario,
  type StepOutcome,
} from './engine.ts';

/** The lessons, in the order a class takes them. */
export const LESSONS: readonly Lesson[] = [
  election,
  splitVote,
  replication,
  leaderCrash,
  partition,
  figure7,
  figure8Bug,
  figure8,
  noop,
  staleReads,
  exactlyOnce,
  sessions,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
