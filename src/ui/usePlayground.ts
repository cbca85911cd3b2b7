import { useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { PlaygroundContext } from './context.ts';
import type { PlaygroundState } from './store.ts';

/** Reads the playground store through a selector; re-renders when its result changes (shallowly). */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  const store = useContext(PlaygroundContext);
  if (!store) throw new Error('usePlayground must be used inside <PlaygroundProvider>.');
  return useStore(store, useShallow(selector));
}
