import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Coordinator } from '../../runtime/coordinator.ts';
import { replay, type Cluster } from '../../sim/index.ts';
import { LOCALES } from '../i18n/index.ts';
import {
  HeadlessLesson,
  LESSONS,
  lessonById,
  lessonClusterOptions,
  lessonScenario,
  type Lesson,
  type LessonView,
} from './index.ts';

// What every lesson must do, whatever its story: run to its end with each
// pause reached in its bound, travel back exactly, replay as a scenario,
// have its "now you try" detected only once done, and speak both languages.

/** Runs a lesson to its end; returns the trace hash after each step. */
function runAll(lesson: Lesson): { run: HeadlessLesson; hashes: string[] } {
  const run = new HeadlessLesson(lesson);
  const hashes: string[] = [];
  while (!run.done) {
    const outcome = run.next();
    expect(outcome.reached, `${lesson.id}: step ${outcome.step + 1} pauses in its bound`).toBe(
      true,
    );
    hashes.push(run.view.traceHash());
  }
  return { run, hashes };
}

describe('the lesson library', () => {
  it('has the eleven stories of issue #6, then the features beyond §5 of issue #7, each with a unique id', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'election',
      'splitVote',
      'replication',
      'leaderCrash',
      'partition',
      'figure7',
      'figure8Bug',
      'figure8',
      'noop',
      'staleReads',
      'exactlyOnce',
      'sessions',
      'compaction',
      'membership',
      'disruption',
      'preVote',
      'checkQuorum',
      'transfer',
      'leaseReads',
    ]);
    expect(lessonById('figure7')?.setup.initial).toBeDefined();
    expect(lessonById('nonesuch')).toBeUndefined();
  });

  it('reads the run only through what the headless cluster and the page’s coordinator share', () => {
    expectTypeOf<Cluster>().toExtend<LessonView>();
    expectTypeOf<Coordinator>().toExtend<LessonView>();
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('runs from start to end, each step pausing within its bound', () => {
    const { run } = runAll(lesson);
    const broken = run.view.violations().length > 0;
    expect(broken, 'only the teaching bug breaks safety').toBe(
      lesson.setup.options.bugs.length > 0,
    );
  });

  it('Back travels to where the previous step began and replays it exactly', () => {
    const { run, hashes } = runAll(lesson);
    for (let k = lesson.steps.length - 2; k >= 0; k--) {
      const outcome = run.back();
      expect(outcome.step).toBe(k);
      expect(run.view.traceHash(), `${lesson.id}: back to step ${k + 1}`).toBe(hashes[k]);
    }
    expect(() => run.back()).toThrow(/first step/);
  });

  it('is a scenario: its options and input log replay to the same run', () => {
    const scenario = lessonScenario(lesson);
    const { run } = runAll(lesson);
    expect(scenario.atMs).toBe(run.view.now);
    const again = replay(lessonClusterOptions(lesson), scenario.inputs, scenario.atMs);
    expect(again.traceHash()).toBe(run.view.traceHash());
  });

  const tasks = lesson.steps.flatMap((s, k) => (s.task ? [k] : []));
  it.each(tasks)('the task of step %i is not met at its start, and is after a solution', (k) => {
    const run = new HeadlessLesson(lesson);
    while (run.step < k) run.next();
    expect(run.taskDone()).toBe(false);
    expect(run.solveTask()).toBe(true);
    expect(run.taskDone()).toBe(true);
  });

  it('has every string in every language, short enough for a slide', () => {
    for (const locale of LOCALES) {
      const texts = [
        lesson.title,
        ...lesson.steps.flatMap((s) => [
          s.narration,
          ...(s.task ? [s.task.goal, s.task.hint] : []),
        ]),
      ].map((t) => t[locale.meta.code]);
      for (const text of texts) {
        expect(text, locale.meta.code).toBeTypeOf('string');
        if (text === undefined) continue;
        expect(text.trim(), locale.meta.code).not.toBe('');
        // A projected slide: at most three sentences.
        const sentences = text.match(/[.!?](?=\s|$)|[。！？]/g)?.length ?? 0;
        expect(sentences, `${locale.meta.code}: ${text}`).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('the engine', () => {
  it('refuses to go past the last step or before the first', () => {
    const run = new HeadlessLesson(lessonById('figure7')!);
    expect(run.step).toBe(-1);
    expect(() => run.back()).toThrow(/first step/);
    while (!run.done) run.next();
    expect(() => run.next()).toThrow(/no step after the last/);
  });

  it('says so when a step has no task to solve', () => {
    const run = new HeadlessLesson(lessonById('figure7')!);
    run.next();
    expect(run.taskDone()).toBe(false);
    expect(() => run.solveTask()).toThrow(/no task/);
  });

  it('records the student’s own inputs at the current instant', () => {
    const run = new HeadlessLesson(lessonById('election')!);
    run.next();
    run.apply({ kind: 'crash', id: 4 });
    expect(run.view.inputLog().at(-1)).toEqual({ kind: 'crash', id: 4, at: run.view.now });
    expect(run.view.node(4).alive).toBe(false);
  });

  it('Back forgets what the student did after the step it returns to began', () => {
    const run = new HeadlessLesson(lessonById('election')!);
    run.next();
    run.next();
    run.apply({ kind: 'crash', id: 4 });
    run.next();
    expect(run.view.node(4).alive).toBe(false);
    run.back();
    expect(run.step).toBe(1);
    expect(run.view.node(4).alive).toBe(true);
    expect(run.view.inputLog().some((i) => i.kind === 'crash')).toBe(false);
  });
});
