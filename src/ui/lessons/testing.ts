import { HeadlessLesson, type Lesson } from './index.ts';

/** Where a lesson pauses headless, step by step: the instant and the trace hash there. */
export function headless(lesson: Lesson): { atMs: number; hash: string }[] {
  const run = new HeadlessLesson(lesson);
  const pauses: { atMs: number; hash: string }[] = [];
  while (!run.done) {
    run.next();
    pauses.push({ atMs: run.view.now, hash: run.view.traceHash() });
  }
  return pauses;
}
