import type { UntilState } from '../store.ts';
import type { Step } from './lesson.ts';

/**
 * Where the step shown stands. opening: its run is being opened; running:
 * time runs toward its moment; waiting: paused (by the user) before it;
 * paused: at its moment (or at the end of a step that runs for a time);
 * missed: its bound passed without the moment, as the run went otherwise.
 */
export type LessonPhase = 'opening' | 'running' | 'waiting' | 'paused' | 'missed';

export function lessonPhase(
  step: Step | undefined,
  shown: {
    /** The step's position, from 0. */
    readonly k: number;
    /** Its run is being opened (a lesson's setup, a Back). */
    readonly opening: boolean;
    /** Its start is stamped: its actions are in, or going in. */
    readonly begun: boolean;
    /** Where its run stops at the latest (untilDeadlineMs), once begun. */
    readonly deadlineMs?: number;
  },
  until: UntilState | null,
  playing: boolean,
): LessonPhase {
  const { k, opening, begun } = shown;
  if (opening) return 'opening';
  if (!begun) return 'running';
  // No step run on this run although it began (the run was reset): the lesson stands where it is.
  if (!until) return 'paused';
  // The run of the step before, while this one's actions are being made.
  if (until.tag !== k) return 'running';
  if (until.pausedAtMs === null) return playing ? 'running' : 'waiting';
  // Paused short of its bound without its moment: where the lesson's next input fell due; it runs on.
  if (!until.reached && shown.deadlineMs !== undefined && until.pausedAtMs < shown.deadlineMs)
    return 'running';
  return step?.until?.holds && !until.reached ? 'missed' : 'paused';
}
