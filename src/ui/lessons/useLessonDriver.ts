import { useCallback, useContext, useEffect } from 'react';
import { PlaygroundContext } from '../context.ts';
import { useOpenRun } from '../share/ShareContext.ts';
import type { Coordinator } from '../../runtime/coordinator.ts';
import type { PlaygroundStore, UntilPlan } from '../store.ts';
import { withLesson } from './address.ts';
import { dueInputs, nextDueMs, placeAfter, scenarioAt, untilDeadlineMs } from './engine.ts';
import type { Lesson } from './lesson.ts';
import { NO_LESSON, useLessonStore, type LessonStore } from './lessonStore.ts';
import { installLessonTestHook } from './testHook.ts';
import { SCRIPT_START, stepStart, type ScriptPlace, type StepStart } from './view.ts';

/**
 * The next part of step `k`'s run: the script's inputs due now, then time
 * up to the step's moment, or to the next input of the script if that
 * falls due first (a pause short of the step's bound, after which it runs on).
 */
function segment(
  lessons: LessonStore,
  lesson: Lesson,
  k: number,
  start: StepStart,
  c: Coordinator,
): UntilPlan {
  const step = lesson.steps[k]!;
  const made = lessons.getState().made;
  const inputs = dueInputs(lesson, start.scriptCount + made, start.shiftMs, c.now);
  lessons.setState({ made: made + inputs.length });
  const deadlineMs = untilDeadlineMs(step, start);
  const dueMs = nextDueMs(lesson, start.scriptCount + made + inputs.length, start.shiftMs);
  const holds = step.until?.holds;
  return {
    inputs,
    holds: () => holds?.(c, start) ?? false,
    deadlineMs: Math.min(deadlineMs, dueMs),
    tag: k,
  };
}

/**
 * Begins step `k` of `lesson` on the run shown, as the headless engine does
 * (engine.ts): its start is stamped first, the script's inputs enter the
 * input log through the store's queue like clicks as they fall due, and the
 * run plays to the step's moment and pauses on that very instant
 * (store.playUntil).
 */
export function beginStep(
  playground: PlaygroundStore,
  lessons: LessonStore,
  lesson: Lesson,
  k: number,
  place?: ScriptPlace,
): Promise<void> {
  if (!lesson.steps[k]) return Promise.resolve();
  return playground.getState().playUntil((c) => {
    const start = stepStart(c, k, place ?? placeNow(playground, lessons, k, c));
    lessons.setState((s) => ({
      starts: [...s.starts.slice(0, k), start],
      taskDone: false,
      made: 0,
    }));
    return segment(lessons, lesson, k, start, c);
  });
}

/**
 * Where the script stands as step `k` begins now, after the step before:
 * the time spent past that step's pause (a task, a look around) delays the
 * rest of the script.
 */
function placeNow(
  playground: PlaygroundStore,
  lessons: LessonStore,
  k: number,
  c: Coordinator,
): ScriptPlace {
  const { starts, made } = lessons.getState();
  const before = starts[k - 1];
  if (!before) return SCRIPT_START;
  return placeAfter(before, made, playground.getState().until?.pausedAtMs ?? c.now, c.now);
}

/** A part of the shown step's run has ended: the step has reached its moment, or runs on. */
function continueStep(playground: PlaygroundStore, lessons: LessonStore): void {
  const { lesson, step: k, starts, pending } = lessons.getState();
  const until = playground.getState().until;
  const start = starts[k];
  const step = lesson?.steps[k];
  if (!lesson || !step || pending || !start || until?.tag !== k) return;
  const { pausedAtMs, reached } = until;
  if (pausedAtMs === null || reached || pausedAtMs >= untilDeadlineMs(step, start)) return;
  void playground.getState().playUntil((c) => segment(lessons, lesson, k, start, c));
}

/** Whether the shown step's "now you try" holds now; said once (the lesson store keeps it). */
function checkTask(playground: PlaygroundStore, lessons: LessonStore): void {
  const { lesson, step: k, starts, pending, taskDone } = lessons.getState();
  if (!lesson || pending || taskDone) return;
  const task = lesson.steps[k]?.task;
  const start = starts[k];
  const c = playground.getState().coordinator();
  if (task && start && c && task.check(c, start)) lessons.setState({ taskDone: true });
}

export interface LessonDriver {
  next: () => void;
  back: () => void;
  close: () => void;
}

/**
 * Drives the open lesson on the run of this playground (`generation`: App's
 * count of runs opened). A step waiting for its run begins once that run
 * has started; another run opened meanwhile (a link, a file) ends the lesson.
 */
export function useLessonDriver(generation: number, testHook: boolean): LessonDriver {
  const playground = useContext(PlaygroundContext);
  if (!playground) throw new Error('useLessonDriver must be used inside <PlaygroundProvider>.');
  const lessons = useLessonStore();
  const open = useOpenRun();

  const close = useCallback(() => {
    lessons.setState(({ speed }) => ({ ...NO_LESSON, speed }));
    window.history.replaceState(null, '', withLesson(window.location.search, null));
  }, [lessons]);

  useEffect(() => {
    const { lesson, pending, generation: owned } = lessons.getState();
    if (lesson && !pending && owned !== generation) close();
    const tryBegin = () => {
      const { lesson: current, pending: waiting, speed } = lessons.getState();
      const s = playground.getState();
      if (!current || !waiting || generation <= waiting.afterGeneration) return;
      if (s.status !== 'running') return;
      lessons.setState({ pending: null, generation });
      if (speed !== null && speed !== s.speed) s.setSpeed(speed);
      void beginStep(playground, lessons, current, waiting.step, waiting.place);
    };
    tryBegin();
    const unsubscribe = playground.subscribe((s, old) => {
      if (s.status !== old.status) tryBegin();
      if (s.speed !== old.speed) lessons.setState({ speed: s.speed });
      if (s.version !== old.version) checkTask(playground, lessons);
      if (s.until !== old.until) continueStep(playground, lessons);
    });
    const uninstall = testHook ? installLessonTestHook(playground, lessons) : null;
    return () => {
      unsubscribe();
      uninstall?.();
    };
  }, [playground, lessons, generation, close, testHook]);

  const next = useCallback(() => {
    const { lesson, step, starts, pending } = lessons.getState();
    // Not while a step is still being begun, nor past the last.
    if (!lesson || pending || step !== starts.length - 1 || step + 1 >= lesson.steps.length) return;
    lessons.setState({ step: step + 1 });
    void beginStep(playground, lessons, lesson, step + 1);
  }, [playground, lessons]);

  const back = useCallback(() => {
    const { lesson, step: k, starts, pending } = lessons.getState();
    const previous = starts[k - 1];
    const c = playground.getState().coordinator();
    if (!lesson || pending || k !== starts.length - 1 || !previous || !c) return;
    // Time travel by the determinism contract: the inputs made before that
    // step began, re-run to its instant, then the step begun again.
    const spec = scenarioAt(lesson, c.inputLog(), previous);
    lessons.setState({
      step: k - 1,
      starts: starts.slice(0, k - 1),
      pending: { step: k - 1, afterGeneration: generation, place: previous },
      taskDone: false,
    });
    open(spec, (m) => m.lessons.ui.backTo(k));
  }, [playground, lessons, open, generation]);

  return { next, back, close };
}
