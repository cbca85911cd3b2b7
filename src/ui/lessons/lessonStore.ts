import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Speed } from '../../runtime/speed.ts';
import type { Lesson } from './lesson.ts';
import type { ScriptPlace, StepStart } from './view.ts';

/**
 * The lesson being taken. It lives above the playground, whose store is
 * made afresh for each run opened (a lesson's setup, a Back), so it
 * outlives them: what the page needs to begin the next step on the new run.
 */
export interface LessonState {
  /** Null: no lesson open. */
  readonly lesson: Lesson | null;
  /** The step shown, from 0 (-1: none); it may still be opening or beginning. */
  readonly step: number;
  /** Where each step begun so far began; once the shown step has begun, the last is its. */
  readonly starts: readonly StepStart[];
  /**
   * A step to begin once the run opened for it has started: on the first
   * run whose generation (App's count of opened runs) is above `afterGeneration`.
   */
  readonly pending: {
    readonly step: number;
    readonly afterGeneration: number;
    /** Where the script stands as it begins (a Back); absent: at its start. */
    readonly place?: ScriptPlace;
  } | null;
  /** How many of the script's inputs the shown step has made so far. */
  readonly made: number;
  /** The generation of the run the lesson drives. */
  readonly generation: number;
  /** The shown step's task was seen done (said once, and kept). */
  readonly taskDone: boolean;
  /** The speed last picked, kept for the runs a lesson opens. */
  readonly speed: Speed | null;
  /**
   * The button the panel of the next run focuses as it appears: a lesson
   * opened from the menu (Next), or Back pressed (Back), so a keyboard user
   * keeps their place although the run, and the panel with it, is new.
   */
  readonly focus: 'next' | 'back' | null;
}

export type LessonStore = StoreApi<LessonState>;

export const NO_LESSON: LessonState = {
  lesson: null,
  step: -1,
  starts: [],
  pending: null,
  made: 0,
  generation: 0,
  taskDone: false,
  speed: null,
  focus: null,
};

export function createLessonStore(initial: Partial<LessonState> = {}): LessonStore {
  return createStore<LessonState>()(() => ({ ...NO_LESSON, ...initial }));
}

/** Set by <App> around the header and the playground. */
export const LessonContext = createContext<LessonStore | null>(null);

export function useLessonStore(): LessonStore {
  const store = useContext(LessonContext);
  if (!store) throw new Error('Lessons must be used inside <App> (LessonContext).');
  return store;
}

export function useLesson<T>(selector: (state: LessonState) => T): T {
  return useStore(useLessonStore(), selector);
}
