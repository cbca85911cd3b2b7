import type { NodeId } from '../raft';

/**
 * Every call that changes a run, stamped with the virtual time at which it
 * applied. A run is a pure function of (options, seed, input log): replaying
 * the log reproduces the trace hash exactly (DESIGN.md, determinism contract).
 */
export type Input =
  | { readonly at: number; readonly kind: 'crash' | 'restart' | 'timeoutNow'; readonly id: NodeId }
  | { readonly at: number; readonly kind: 'propose'; readonly id: NodeId; readonly command: unknown }
  | { readonly at: number; readonly kind: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  | { readonly at: number; readonly kind: 'heal' }
  | { readonly at: number; readonly kind: 'setLink'; readonly from: NodeId; readonly to: NodeId; readonly up: boolean }
  | { readonly at: number; readonly kind: 'setDropRate' | 'setDuplicateRate'; readonly rate: number };

/** Distributes Omit over the union, so each kind keeps its own fields. */
export type InputAction = Input extends infer I ? (I extends Input ? Omit<I, 'at'> : never) : never;
