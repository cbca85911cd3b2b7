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
  opening: boolean,
  until: UntilState | null,
  playing: boolean,
): LessonPhase {
  if (opening) return 'opening';
  // No step run on this run (it was reset): the lesson stands where it is.
  if (!until) return 'paused';
  if (until.pausedAtMs === null) return playing ? 'running' : 'waiting';
  return step?.until?.holds && !until.reached ? 'missed' : 'paused';
}
