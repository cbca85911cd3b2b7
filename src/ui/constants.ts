/** Number of servers in the cluster on the first page. */
export const NODE_COUNT = 5;

/** Longest jump of virtual time that one press of "Step" makes, in ms, when
 * nothing is due sooner (a Raft cluster always has a timer pending, so this
 * only bounds the jump). */
export const STEP_LIMIT_MS = 1_000;
