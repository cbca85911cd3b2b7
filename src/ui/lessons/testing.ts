import type { ClusterHooks, HistoryOp, NodeId } from '../../sim/index.ts';
import { clockRate, resolveOptions } from '../../sim/options.ts';
import { clusterOptions } from '../urlOptions.ts';
import { withRole } from './facts.ts';
import {
  HeadlessLesson,
  lessonById,
  type Lesson,
  type LessonSetup,
  type LessonView,
} from './index.ts';

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

// Facts the story tests (stories*.test.ts) check, which the lessons' own
// modules named before the lessons became files.

const option = (id: string) => lessonById(id)!.setup.options;

/** The splitVote lesson's narrow range of election timeouts, in ms. */
export const SPLIT_TIMEOUT_MS = option('splitVote').electionTimeoutMs;
/** The compaction lesson's snapshot interval, in applied entries. */
export const COMPACTION_SNAPSHOT_EVERY = option('compaction').snapshotEvery;
/** The clock drift the lease lesson's servers have. */
export const LEASE_CLOCK_DRIFT = option('leaseReads').clockDrift;
/** The voters the membership lesson's task asks for, and the server the transfer task hands over to. */
export const MEMBERSHIP_TASK_VOTERS = 7;
export const TRANSFER_TASK_TARGET: NodeId = 4;

export { compactedPast } from './facts.ts';

/** The term in which two or more servers stand at once, or null. */
export function splitTerm(v: LessonView): number | null {
  const candidates = withRole(v, 'candidate').map((id) => v.node(id).term);
  return candidates.find((t, k) => candidates.indexOf(t) !== k) ?? null;
}

/** The server the input log crashed last. */
export function crashedServer(v: LessonView): NodeId | null {
  const crash = v.inputLog().findLast((i) => i.kind === 'crash');
  return crash?.kind === 'crash' ? crash.id : null;
}

/** The server the input log added last. */
export function addedServer(v: LessonView): NodeId | null {
  return v.inputLog().findLast((i) => i.kind === 'addServer')?.id ?? null;
}

/** The configuration the leader's log puts in effect, or null without a leader. */
export function leaderConfig(
  v: LessonView,
): { voters: readonly NodeId[]; learners: readonly NodeId[] } | null {
  const leader = v.leader();
  return leader === null ? null : (v.node(leader).config ?? null);
}

/** The transfer story's target: the first server that neither leads nor is the task's. */
export function transferTarget(v: LessonView): NodeId | undefined {
  const leader = v.leader();
  return v.ids.find((id) => id !== leader && id !== TRANSFER_TASK_TARGET);
}

/** Each server's clock rate in a lesson's run: fixed by its seed. */
export function clockRates(setup: LessonSetup): Map<NodeId, number> {
  const options = resolveOptions(clusterOptions(setup.seed, setup.options));
  const ids = Array.from({ length: options.nodes }, (_, k) => k + 1);
  return new Map(ids.map((id) => [id, clockRate(options, id)]));
}
