import { afterEach, describe, expect, it } from 'vitest';
import { Coordinator } from '../../runtime/coordinator.ts';
import { inProcessSpawner } from '../../runtime/in-process.ts';
import {
  LESSONS,
  lessonClusterOptions,
  stepInputs,
  stepStart,
  untilDeadlineMs,
  untilPauses,
  type Lesson,
} from './index.ts';
import { headless } from './testing.ts';

// The page runs lessons on the Coordinator, whose nodes run in their own
// threads. Driven by the same pieces as the headless engine, instant by
// instant, each step must pause at the same instant with the same trace.

const running: Coordinator[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.stop();
});

async function onCoordinator(lesson: Lesson): Promise<{ atMs: number; hash: string }[]> {
  const spawner = inProcessSpawner();
  const c = new Coordinator(
    lessonClusterOptions(lesson),
    spawner.spawn,
    spawner.makeChannel,
    'lesson',
  );
  running.push(c);
  await c.start();
  const pauses: { atMs: number; hash: string }[] = [];
  for (const [k, step] of lesson.steps.entries()) {
    const start = stepStart(c, k);
    for (const input of stepInputs(step, c, start)) await c.apply(input);
    const deadline = untilDeadlineMs(step, start);
    // One instant at a time: a window of several instants could run past the moment to pause on.
    while (!untilPauses(step, c, start)) {
      if ((await c.stepToNextEvent(deadline)) === null) await c.advance(deadline - c.now);
    }
    pauses.push({ atMs: c.now, hash: c.traceHash() });
  }
  return pauses;
}

describe('lessons on the page’s Coordinator', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s pauses where the headless run does, with the same trace',
    async (_id, lesson) => {
      expect(await onCoordinator(lesson)).toEqual(headless(lesson));
    },
  );
});
