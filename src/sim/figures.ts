import type { ClusterOptions } from './options';

/** The persisted state the paper's figures start from: each node's term and log (terms only). */
export type FigureStart = NonNullable<ClusterOptions['initial']>;

const entries = (terms: readonly number[]) => terms.map((term) => ({ term }));

/**
 * Raft Figure 7: S1 is about to lead term 8 with the log at the top of the
 * figure; S2..S7 hold the follower logs (a)..(f) exactly as drawn.
 */
export const FIGURE_7_LEADER_LOG: readonly number[] = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
export const FIGURE_7_FOLLOWER_LOGS: Readonly<
  Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', readonly number[]>
> = {
  a: [1, 1, 1, 4, 4, 5, 5, 6, 6],
  b: [1, 1, 1, 4],
  c: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
  d: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
  e: [1, 1, 1, 4, 4, 4, 4],
  f: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
};

export const FIGURE_7: FigureStart = Object.fromEntries([
  [1, { term: 7, log: entries(FIGURE_7_LEADER_LOG) }],
  ...Object.values(FIGURE_7_FOLLOWER_LOGS).map((log, k) => [k + 2, { term: 7, log: entries(log) }]),
]) as FigureStart;

/**
 * Raft Figure 8 (a)-(b), before the run: S1 led term 2 and put index 2 on
 * S2; S5 led term 3 and put its own index 2 on itself alone. S1 has since
 * seen term 3.
 */
export const FIGURE_8: FigureStart = {
  1: { term: 3, log: entries([1, 2]) },
  2: { term: 2, log: entries([1, 2]) },
  3: { term: 2, log: entries([1]) },
  4: { term: 2, log: entries([1]) },
  5: { term: 3, log: entries([1, 3]) },
};
