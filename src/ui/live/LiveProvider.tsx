import { useEffect, useState, type ReactNode } from 'react';
import { PlaygroundContext } from '../context.ts';
import { createLiveStore } from './liveStore.ts';

/** The playground's store for a live cluster at `url`: watched while mounted, let go on unmount. */
export function LiveProvider({ url, children }: { url: string; children: ReactNode }) {
  const [store] = useState(() => createLiveStore({ url }));
  useEffect(() => {
    void store.getState().start();
    return () => void store.getState().stop();
  }, [store]);
  return <PlaygroundContext value={store}>{children}</PlaygroundContext>;
}
