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
