import type { Text } from '../i18n/index.ts';
import { createContext, useContext } from 'react';
import type { RunBase, RunSpec } from './runSpec.ts';

/** What the page gives the share tools: the run shown, and the one way to open another. */
export interface ShareApi {
  /** Seed, options and initial state of the run shown (its inputs are in the store). */
  readonly base: RunBase;
  /**
   * Replaces the run shown by `spec`: the cluster restarts with its options
   * and initial state, re-does its inputs up to `spec.atMs` and shows that
   * instant, paused. `notice` is said once it is open (a default says where).
   * The spec must be checked already (validateRunSpec) if it came from outside.
   */
  readonly open: (spec: RunSpec, notice?: Text) => void;
}

/** Set by <App>, around the playground. */
export const ShareContext = createContext<ShareApi | null>(null);

function useShare(): ShareApi {
  const share = useContext(ShareContext);
  if (!share) throw new Error('The share tools must be used inside <App> (ShareContext).');
  return share;
}

/**
 * The way to open a run: a link, a file, the saved session, or a lesson's
 * scenario (the paper's Figures 7 and 8 through `initial`). Usage:
 *
 *   const openRun = useOpenRun();
 *   openRun(makeRunSpec({ seed, options, initial }, inputs, atMs), 'Figure 8, before (d)');
 */
export function useOpenRun(): ShareApi['open'] {
  return useShare().open;
}

/** The seed, options and initial state of the run shown. */
export function useRunBase(): RunBase {
  return useShare().base;
}
