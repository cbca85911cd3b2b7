import type { ClusterHooks, HistoryOp, NodeId } from '../../sim/index.ts';
import { HeadlessLesson, lessonById, type Lesson } from './index.ts';

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

/** A fresh run of lesson `id`, stopped where its step `k` (from 0) pauses. */
export function at(id: string, k: number, hooks: ClusterHooks = {}): HeadlessLesson {
  const lesson = lessonById(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  const run = new HeadlessLesson(lesson, hooks);
  while (run.step < k) run.next();
  return run;
}

export function terms(run: HeadlessLesson, id: NodeId): number[] {
  return run.view.node(id).log.map((e) => e.term);
}

export function op(run: HeadlessLesson, client: string, kind: HistoryOp['kind']): HistoryOp {
  const found = run.view.history().findLast((h) => h.client === client && h.kind === kind);
  if (!found) throw new Error(`no ${kind} by ${client}`);
  return found;
}
