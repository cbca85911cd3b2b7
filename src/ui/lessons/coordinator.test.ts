import { afterEach, describe, expect, it } from 'vitest';
import { Coordinator } from '../../runtime/coordinator.ts';
import { inProcessSpawner } from '../../runtime/in-process.ts';
import { dueInputs, nextDueMs, placeAfter } from './engine.ts';
import {
  LESSONS,
  lessonClusterOptions,
  stepStart,
  untilDeadlineMs,
  untilPauses,
  type Lesson,
  type StepStart,
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
  let before: StepStart | null = null;
  let made = 0;
  for (const [k, step] of lesson.steps.entries()) {
    const start = stepStart(c, k, before ? placeAfter(before, made, c.now, c.now) : undefined);
    const deadline = untilDeadlineMs(step, start);
    made = 0;
    for (;;) {
      for (const input of dueInputs(lesson, start.scriptCount + made, start.shiftMs, c.now)) {
        await c.apply(input);
        made++;
      }
      const limit = Math.min(deadline, nextDueMs(lesson, start.scriptCount + made, start.shiftMs));
      // One instant at a time: a window of several instants could run past the moment to pause on.
      while (!untilPauses(step, c, start) && c.now < limit) {
        if ((await c.stepToNextEvent(limit)) === null) await c.advance(limit - c.now);
      }
      if (untilPauses(step, c, start)) break;
    }
    pauses.push({ atMs: c.now, hash: c.traceHash() });
    before = start;
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
