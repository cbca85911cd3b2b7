import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Speed } from '../../runtime/speed.ts';
import type { Lesson } from './lesson.ts';
import type { StepStart } from './view.ts';

/**
 * The lesson being taken. It lives above the playground, whose store is
 * made afresh for each run opened (a lesson's setup, a Back), so it
 * outlives them: what the page needs to begin the next step on the new run.
 */
export interface LessonState {
  /** Null: no lesson open. */
  readonly lesson: Lesson | null;
  /** Where each step begun so far began; the last is the step shown. */
  readonly starts: readonly StepStart[];
  /**
   * A step to begin once the run opened for it has started: on the first
   * run whose generation (App's count of opened runs) is above `afterGeneration`.
   */
  readonly pending: { readonly step: number; readonly afterGeneration: number } | null;
  /** The generation of the run the lesson drives. */
  readonly generation: number;
  /** The shown step's task was seen done (said once, and kept). */
  readonly taskDone: boolean;
  /** Large type, for a class. */
  readonly presenter: boolean;
  /** The speed last picked, kept for the runs a lesson opens. */
  readonly speed: Speed | null;
  /** Back was pressed: the panel of the run it opens takes the focus back to it. */
  readonly focusBack: boolean;
}

export type LessonStore = StoreApi<LessonState>;

export const NO_LESSON: LessonState = {
  lesson: null,
  starts: [],
  pending: null,
  generation: 0,
  taskDone: false,
  presenter: false,
  speed: null,
  focusBack: false,
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
