import { checkQuorum } from './content/checkQuorum.ts';
import { compaction } from './content/compaction.ts';
import { election } from './content/election.ts';
import { exactlyOnce } from './content/exactlyOnce.ts';
import { figure7 } from './content/figure7.ts';
import { figure8, figure8Bug } from './content/figure8.ts';
import { leaderCrash } from './content/leaderCrash.ts';
import { leaseReads } from './content/leaseReads.ts';
import { membership } from './content/membership.ts';
import { noop } from './content/noop.ts';
import { partition } from './content/partition.ts';
import { disruption, preVote } from './content/preVote.ts';
import { replication } from './content/replication.ts';
import { sessions } from './content/sessions.ts';
import { splitVote } from './content/splitVote.ts';
import { staleReads } from './content/staleReads.ts';
import { transfer } from './content/transfer.ts';
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
  // Beyond §5 (issue #7): each feature with the problem it solves.
  compaction,
  membership,
  disruption,
  preVote,
  checkQuorum,
  transfer,
  leaseReads,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
