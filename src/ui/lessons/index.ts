export type { Highlight, Lesson, LessonSetup, Localized, Step, Task, Until } from './lesson.ts';
export { say } from './lesson.ts';
export type { LessonView, Predicate, StepStart } from './view.ts';
export { stepStart } from './view.ts';
export {
  HeadlessLesson,
  lessonClusterOptions,
  lessonScenario,
  scenarioAt,
  stampActions,
  untilDeadlineMs,
  untilPauses,
  type LessonScenario,
  type StepOutcome,
} from './engine.ts';
export { LESSONS, lessonById } from './library.ts';
