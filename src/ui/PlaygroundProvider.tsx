import { useEffect, useState, type ReactNode } from 'react';
import { PlaygroundContext } from './context.ts';
import { createPlaygroundStore, type PlaygroundOptions } from './store.ts';
import { installTestHook } from './testHook.ts';

interface Props extends PlaygroundOptions {
  /** Expose window.__raft for the end-to-end tests (`?test=1`). */
  testHook?: boolean;
  children: ReactNode;
}

/**
 * Makes one store for its subtree, once, and runs its cluster while mounted:
 * the workers start on mount and are terminated, with their disks deleted,
 * on unmount. A new seed needs a new provider (key).
 */
export function PlaygroundProvider({ children, testHook = false, ...options }: Props) {
  const [store] = useState(() => createPlaygroundStore(options));
  useEffect(() => {
    void store.getState().start();
    const uninstall = testHook ? installTestHook(store) : null;
    return () => {
      uninstall?.();
      void store.getState().stop();
    };
  }, [store, testHook]);
  return <PlaygroundContext value={store}>{children}</PlaygroundContext>;
}
