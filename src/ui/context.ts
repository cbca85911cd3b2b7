import { createContext } from 'react';
import type { PlaygroundStore } from './store.ts';

/** The store of the playground being rendered; set by <PlaygroundProvider>. */
export const PlaygroundContext = createContext<PlaygroundStore | null>(null);
