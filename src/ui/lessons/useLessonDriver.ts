import { useCallback, useContext, useEffect } from 'react';
import { PlaygroundContext } from '../context.ts';
import { useOpenRun } from '../share/ShareContext.ts';
import type { PlaygroundStore } from '../store.ts';
import { withLesson } from './address.ts';
import { scenarioAt, stepInputs, untilDeadlineMs } from './engine.ts';
import type { Lesson } from './lesson.ts';
import { NO_LESSON, useLessonStore, type LessonStore } from './lessonStore.ts';
import { installLessonTestHook } from './testHook.ts';
import { stepStart } from './view.ts';

/**
 * Begins step `k` of `lesson` on the run shown, as the headless engine does
 * (engine.ts): its start is stamped first, its actions enter the input log
 * through the store's queue like clicks, and the run plays to the step's
 * moment and pauses on that very instant (store.playUntil).
 */
export function beginStep(
  playground: PlaygroundStore,
  lessons: LessonStore,
  lesson: Lesson,
  k: number,
): Promise<void> {
  const step = lesson.steps[k];
  if (!step) return Promise.resolve();
  return playground.getState().playUntil((c) => {
    const start = stepStart(c, k);
    lessons.setState((s) => ({ starts: [...s.starts.slice(0, k), start], taskDone: false }));
    const holds = step.until?.holds;
    return {
      inputs: stepInputs(step, c, start),
      holds: () => holds?.(c, start) ?? false,
      deadlineMs: untilDeadlineMs(step, start),
      tag: k,
    };
  });
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
      void beginStep(playground, lessons, current, waiting.step);
    };
    tryBegin();
    const unsubscribe = playground.subscribe((s, old) => {
      if (s.status !== old.status) tryBegin();
      if (s.speed !== old.speed) lessons.setState({ speed: s.speed });
      if (s.version !== old.version) checkTask(playground, lessons);
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
      pending: { step: k - 1, afterGeneration: generation },
      taskDone: false,
    });
    open(spec, (m) => m.lessons.ui.backTo(k));
  }, [playground, lessons, open, generation]);

  return { next, back, close };
}
