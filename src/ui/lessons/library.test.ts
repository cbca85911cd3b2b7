import { describe, expect, it } from 'vitest';
import golden from './testdata/pauses.json' with { type: 'json' };
import { HeadlessLesson, LESSONS } from './index.ts';

// The built-in lessons were TypeScript modules whose steps made their inputs
// with code ("crash whoever leads"). Before they became lesson files, the old
// engine ran each one and wrote down where it paused, with the trace hash
// there, and when its task's solution was seen done (testdata/pauses.json).
// Loaded from their files, they must behave exactly so.

describe.each(golden.map((g) => [g.id, g] as const))('the lesson file %s', (id, was) => {
  const lesson = LESSONS.find((l) => l.id === id)!;

  it('pauses at every step where the TypeScript lesson did, with the same trace', () => {
    const run = new HeadlessLesson(lesson);
    const pauses: { atMs: number; hash: string }[] = [];
    while (!run.done) {
      expect(run.next().reached, `${id}: step ${run.step + 1} reached`).toBe(true);
      pauses.push({ atMs: run.view.now, hash: run.view.traceHash() });
    }
    expect(pauses).toEqual(was.pauses);
    expect(run.view.now).toBe(was.atMs);
  });

  it.each(was.tasks.map((t) => [t.step, t] as const))(
    'sees the task of step %i done at the instant it did, not before',
    (k, task) => {
      const run = new HeadlessLesson(lesson);
      while (run.step < k) run.next();
      expect(run.taskDone()).toBe(false);
      expect(run.solveTask()).toBe(true);
      expect({ atMs: run.view.now, hash: run.view.traceHash() }).toEqual({
        atMs: task.solvedAtMs,
        hash: task.hash,
      });
    },
  );
});

it('has every lesson the TypeScript library had, in its order', () => {
  expect(LESSONS.map((l) => l.id)).toEqual(golden.map((g) => g.id));
});

// Every task of every file, not only those the golden file names: a task
// added to a file without a solution, or one whose solution is taken out,
// fails here. Left alone for as long as the solution's run takes, the task
// is not done: it is the solution that does it.
describe.each(LESSONS.map((l) => [l.id, l] as const))('the tasks of %s', (id, lesson) => {
  const tasks = lesson.steps.flatMap((s, k) => (s.task ? [{ k, task: s.task }] : []));

  it('are the tasks the golden file holds, each with a solution', () => {
    const was = golden.find((g) => g.id === id)!;
    expect(tasks.map((t) => t.k)).toEqual(was.tasks.map((t) => t.step));
    for (const { k, task } of tasks)
      expect(task.solution.length, `${id}: step ${k + 1} has a solution`).toBeGreaterThan(0);
  });

  it.each(tasks.map((t) => [t.k + 1, t] as const))(
    'step %i: left alone, the task is not done in the time its solution takes',
    (_step, { k, task }) => {
      const run = new HeadlessLesson(lesson);
      while (run.step < k) run.next();
      const start = run.start!;
      const spanMs = task.solution.reduce((sum, g) => sum + g.afterMs, 0) + task.withinMs;
      expect(run.view.runUntil(() => task.check(run.view, start), spanMs)).toBe(false);
    },
  );
});
