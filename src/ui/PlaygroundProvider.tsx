import { useState, type ReactNode } from 'react';
import { PlaygroundContext } from './context.ts';
import { createPlaygroundStore, type PlaygroundOptions } from './store.ts';

interface Props extends PlaygroundOptions {
  children: ReactNode;
}

/** Makes one store for its subtree, once; a new seed needs a new provider (key). */
export function PlaygroundProvider({ children, ...options }: Props) {
  const [store] = useState(() => createPlaygroundStore(options));
  return <PlaygroundContext value={store}>{children}</PlaygroundContext>;
}
