import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../runtime/testing.ts';
import type { Speed } from '../../runtime/speed.ts';
import { inPageRuntime, type StartRuntime } from '../runtime.ts';
import { runClusterOptions, type RunSpec } from '../share/runSpec.ts';
import { createPlaygroundStore, type PlaygroundStore } from '../store.ts';
import { lessonSetupSpec } from './address.ts';
import { HeadlessLesson, LESSONS, lessonById, scenarioAt, type Lesson } from './index.ts';
import { createLessonStore, type LessonStore } from './lessonStore.ts';
import { lessonPhase } from './phase.ts';
import { beginStep } from './useLessonDriver.ts';
import { headless } from './testing.ts';
import type { ScriptPlace } from './view.ts';

// The page drives a lesson through the store (store.playUntil): each step
// must pause at the instant the headless engine pauses at, with the same
// trace, at any speed, and Back must come to the same run again.

/** The page's own store and coordinator, each node's worker body run in this thread. */
const inProcess: StartRuntime = inPageRuntime();

const stores: PlaygroundStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.getState().stop();
});

/** A run opened as the page opens one (App: cluster options, replay, paused). */
async function opened(spec: RunSpec, speed: Speed, clock: ManualClock): Promise<PlaygroundStore> {
  const { nodes, seed, ...cluster } = runClusterOptions(spec);
  const store = createPlaygroundStore({
    seed,
    nodeCount: nodes,
    cluster,
    replay: { inputs: spec.inputs, untilMs: spec.atMs },
    playing: false,
    speed,
    clock,
    startRuntime: inProcess,
  });
  stores.push(store);
  await store.getState().start();
  return store;
}

/** Resolves once the step begun has paused (the pacer runs on its own at 'max'). */
function paused(store: PlaygroundStore): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (store.getState().until?.pausedAtMs != null) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

async function step(
  store: PlaygroundStore,
  lessons: LessonStore,
  lesson: Lesson,
  k: number,
  place?: ScriptPlace,
) {
  await beginStep(store, lessons, lesson, k, place);
  await paused(store);
  const c = store.getState().coordinator()!;
  return { atMs: c.now, hash: c.traceHash() };
}

/** The first step, begun. */
const FIRST = { k: 0, opening: false, begun: true } as const;

describe('a lesson driven through the store', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s pauses where the headless run does, with the same trace, and says when the moment came',
    async (_id, lesson) => {
      const store = await opened(lessonSetupSpec(lesson), 'max', new ManualClock());
      const lessons = createLessonStore({ lesson });
      const pauses = [];
      for (const [k, s] of lesson.steps.entries()) {
        pauses.push(await step(store, lessons, lesson, k));
        const { until, playing } = store.getState();
        expect(playing).toBe(false);
        expect(
          lessonPhase(s, { k, opening: false, begun: true }, until, playing),
          `${lesson.id} step ${k + 1}`,
        ).toBe('paused');
      }
      expect(pauses).toEqual(headless(lesson));
      // The steps' actions entered the input log as clicks do.
      expect(store.getState().coordinator()!.inputLog()).toEqual(headlessInputs(lesson));
    },
  );

  it('at 1x a step takes the virtual time it takes: one frame of wall time at a time', async () => {
    const lesson = lessonById('election')!;
    const clock = new ManualClock();
    const store = await opened(lessonSetupSpec(lesson), 1, clock);
    const lessons = createLessonStore({ lesson });
    await beginStep(store, lessons, lesson, 0);
    const [first] = headless(lesson);
    const frameMs = 16;
    for (let frames = 0; store.getState().until?.pausedAtMs == null; frames++) {
      expect(store.getState().playing).toBe(true);
      expect(frames).toBeLessThan(1_000);
      await clock.tick(frameMs);
    }
    const c = store.getState().coordinator()!;
    expect({ atMs: c.now, hash: c.traceHash() }).toEqual(first);
    // Virtual time never ran ahead of the wall clock, nor far behind it.
    expect(clock.wallMs).toBeGreaterThanOrEqual(first!.atMs);
    expect(clock.wallMs).toBeLessThan(2 * first!.atMs);
  });

  it('Pause suspends a step and Play resumes it to the same instant', async () => {
    const lesson = lessonById('leaderCrash')!;
    const store = await opened(lessonSetupSpec(lesson), 'max', new ManualClock());
    const lessons = createLessonStore({ lesson });
    const [first] = headless(lesson);
    await beginStep(store, lessons, lesson, 0);
    await store.getState().pause();
    const { until, playing } = store.getState();
    if (until?.pausedAtMs == null) {
      expect(lessonPhase(lesson.steps[0], FIRST, until, playing)).toBe('waiting');
      await store.getState().play();
      await paused(store);
    }
    const c = store.getState().coordinator()!;
    expect({ atMs: c.now, hash: c.traceHash() }).toEqual(first);
  });

  it.each(['figure8Bug', 'exactlyOnce', 'partition'])(
    '%s: Back opens the run where the previous step began and pauses there again, exactly',
    async (id) => {
      const lesson = lessonById(id)!;
      const clock = new ManualClock();
      const store = await opened(lessonSetupSpec(lesson), 'max', clock);
      const lessons = createLessonStore({ lesson });
      const pauses = [];
      for (const k of lesson.steps.keys()) pauses.push(await step(store, lessons, lesson, k));
      for (let k = lesson.steps.length - 2; k >= 0; k--) {
        const previous = lessons.getState().starts[k]!;
        const spec = scenarioAt(lesson, store.getState().coordinator()!.inputLog(), previous);
        const back = await opened(spec, 'max', clock);
        expect(back.getState().now).toBe(previous.atMs);
        // Back begins the step where the lesson's script stood as it first began.
        expect(await step(back, lessons, lesson, k, previous)).toEqual(pauses[k]);
        expect(lessons.getState().starts.at(-1)).toEqual(previous);
      }
    },
  );

  it('says when a step’s moment did not come: the student changed the run', async () => {
    const lesson = lessonById('election')!;
    const store = await opened(lessonSetupSpec(lesson), 'max', new ManualClock());
    const lessons = createLessonStore({ lesson });
    // Every server down: no candidate can ever appear.
    for (const id of [1, 2, 3, 4, 5]) await store.getState().crash(id);
    await beginStep(store, lessons, lesson, 0);
    await paused(store);
    const { until, playing } = store.getState();
    expect(until?.reached).toBe(false);
    expect(lessonPhase(lesson.steps[0], FIRST, until, playing)).toBe('missed');
    expect(store.getState().now).toBe(lesson.steps[0]!.until!.withinMs);
  });

  it('an opened run that already broke safety does not pause on what it broke', async () => {
    const lesson = lessonById('figure8Bug')!;
    const run = new HeadlessLesson(lesson);
    while (!run.done) run.next();
    expect(run.view.violations().length).toBeGreaterThan(0);
    const clock = new ManualClock();
    const store = await opened(run.scenario(), 'max', clock);
    await store.getState().play();
    await clock.tick(16);
    await store.getState().pause();
    expect(store.getState().now).toBeGreaterThan(run.view.now);
    expect(store.getState().problem).toBeNull();
  });
});

function headlessInputs(lesson: Lesson) {
  const run = new HeadlessLesson(lesson);
  while (!run.done) run.next();
  return run.view.inputLog();
}
