import type { PlaygroundStore } from '../store.ts';
import { stampActions } from './engine.ts';
import type { LessonStore } from './lessonStore.ts';

/**
 * TEST CONTRACT, with `?test=1` only (as window.__raft, src/ui/testHook.ts):
 * `solve` makes the shown step's task solution as a student would, through
 * the store's queue into the input log: each group after its wait of
 * virtual time. It does not check the task: the page must see it done by
 * itself. Resolves once the inputs are made; false when the step has no task.
 */
export interface RaftLessonTestHook {
  solve(): Promise<boolean>;
}

declare global {
  interface Window {
    __raftLesson?: RaftLessonTestHook;
  }
}

export function installLessonTestHook(
  playground: PlaygroundStore,
  lessons: LessonStore,
): () => void {
  const hook: RaftLessonTestHook = {
    solve: async () => {
      const { lesson, step: k, starts } = lessons.getState();
      const task = lesson?.steps[k]?.task;
      const start = starts[k];
      if (!task || !start) return false;
      for (const group of task.solution) {
        await playground.getState().act(async (c) => {
          if (group.afterMs > 0) await c.advance(group.afterMs);
          for (const input of stampActions(group.actions, c)) await c.apply(input);
        });
      }
      return true;
    },
  };
  window.__raftLesson = hook;
  return () => {
    if (window.__raftLesson === hook) delete window.__raftLesson;
  };
}
