import type { MembershipChange, NodeId } from '../raft';
import type { NetworkState } from './network';
import { ProblemError } from '../app';
import { MAX_NODES, checkRate } from './options';
import { ClientDriver, type ClientOpInput } from './clients';

/**
 * Every call that changes a run, stamped with the virtual time at which it
 * applied. A run is a pure function of (options, seed, input log): replaying
 * the log reproduces the trace hash exactly (DESIGN.md, determinism contract).
 */
export type Input =
  | { readonly at: number; readonly kind: 'crash' | 'restart' | 'timeoutNow'; readonly id: NodeId }
  | {
      readonly at: number;
      readonly kind: 'propose';
      readonly id: NodeId;
      readonly command: unknown;
    }
  | {
      readonly at: number;
      readonly kind: 'partition';
      readonly groups: readonly (readonly NodeId[])[];
    }
  | { readonly at: number; readonly kind: 'heal' }
  /** Membership (dissertation §4.1): start server `id` and have the leader add it (as a learner, then a voter). */
  | { readonly at: number; readonly kind: 'addServer'; readonly id: NodeId }
  /** Membership: have the leader remove server `id` (it may be the leader itself). */
  | { readonly at: number; readonly kind: 'removeServer'; readonly id: NodeId }
  /** Leadership transfer (§3.10): the leader `id` hands over to `target`. */
  | {
      readonly at: number;
      readonly kind: 'transferLeadership';
      readonly id: NodeId;
      readonly target: NodeId;
    }
  | {
      readonly at: number;
      readonly kind: 'setLink';
      readonly from: NodeId;
      readonly to: NodeId;
      readonly up: boolean;
    }
  | {
      readonly at: number;
      readonly kind: 'setDropRate' | 'setDuplicateRate';
      readonly rate: number;
    }
  /** A client operation as the user asked for it (a login carries the password's hash only). */
  | {
      readonly at: number;
      readonly kind: 'client';
      readonly client: string;
      readonly op: ClientOpInput;
    };

/** Distributes Omit over the union, so each kind keeps its own fields. */
export type InputAction = Input extends infer I ? (I extends Input ? Omit<I, 'at'> : never) : never;

/** Throws a message a student understands if the input cannot apply to servers `ids`; changes nothing. */
export function validateInput(ids: readonly NodeId[], input: Input): void {
  const known = (id: NodeId): void => {
    if (!ids.includes(id))
      throw new ProblemError({
        code: 'no-server',
        params: { id, count: ids.length },
        text: `There is no server S${id}; this cluster has S1..S${ids.length}.`,
      });
  };
  switch (input.kind) {
    case 'crash':
    case 'restart':
    case 'timeoutNow':
    case 'propose':
      known(input.id);
      return;
    case 'partition':
      for (const group of input.groups) for (const id of group) known(id);
      return;
    case 'addServer':
      if (!Number.isInteger(input.id) || input.id < 1 || input.id > MAX_NODES) {
        throw new ProblemError({
          code: 'cannot-add',
          params: { id: input.id, max: MAX_NODES },
          text: `Servers are S1..S${MAX_NODES}; cannot add S${input.id}.`,
        });
      }
      if (ids.includes(input.id))
        throw new ProblemError({
          code: 'exists',
          params: { id: input.id },
          text: `S${input.id} already exists.`,
        });
      return;
    case 'removeServer':
      known(input.id);
      return;
    case 'transferLeadership':
      known(input.id);
      known(input.target);
      if (input.id === input.target)
        throw new ProblemError({
          code: 'transfer-self',
          params: { id: input.id },
          text: `S${input.id} cannot hand leadership to itself.`,
        });
      return;
    case 'setLink':
      known(input.from);
      known(input.to);
      if (input.from === input.to)
        throw new ProblemError({
          code: 'link-self',
          params: { id: input.from },
          text: `A link joins two different servers; got S${input.from} to itself.`,
        });
      return;
    case 'setDropRate':
      checkRate('drop', input.rate);
      return;
    case 'setDuplicateRate':
      checkRate('duplicate', input.rate);
      return;
    case 'heal':
      return;
    case 'client': {
      const problem = ClientDriver.check(input.client, input.op);
      if (problem) throw new ProblemError(problem);
      if (input.op.via !== undefined) known(input.op.via);
      return;
    }
  }
}

/** Applies an input that changes only the network's fault state; returns false for any other. */
export function applyNetworkInput(
  network: NetworkState,
  ids: readonly NodeId[],
  input: Input,
): boolean {
  switch (input.kind) {
    case 'partition': {
      const group = new Map<NodeId, number>();
      input.groups.forEach((g, k) => g.forEach((id) => group.set(id, k)));
      for (const a of ids) {
        for (const b of ids) {
          if (a === b) continue;
          const ga = group.get(a);
          network.setUp(a, b, ga !== undefined && ga === group.get(b));
        }
      }
      return true;
    }
    case 'heal':
      network.healAll();
      return true;
    case 'setLink':
      network.setUp(input.from, input.to, input.up);
      return true;
    case 'setDropRate':
      network.dropRate = input.rate;
      return true;
    case 'setDuplicateRate':
      network.duplicateRate = input.rate;
      return true;
    default:
      return false;
  }
}

/**
 * Membership (dissertation §4.1): the change an addServer or removeServer
 * input asks the leader for, once there is a leader to ask; null for any
 * other input. Throws, changing nothing, when there is no leader.
 */
export function membershipChange(input: Input, leader: NodeId | null): MembershipChange | null {
  if (input.kind !== 'addServer' && input.kind !== 'removeServer') return null;
  if (leader === null) {
    throw new RangeError(
      'There is no leader to ask for a membership change right now; wait for one.',
    );
  }
  return input.kind === 'addServer'
    ? { kind: 'addLearner', id: input.id }
    : { kind: 'remove', id: input.id };
}
