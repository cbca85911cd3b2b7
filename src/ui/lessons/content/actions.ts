import { passwordHash } from '../../../app/index.ts';
import type { InputAction, NodeId } from '../../../sim/index.ts';
import type { LessonView } from '../view.ts';

// Client operations as a lesson's inputs: what the clients panel records
// when a student makes them (a login carries the password's hash only).

const viaServer = (via?: NodeId) => (via === undefined ? {} : { via });

export function login(client: string, password: string, via?: NodeId): InputAction {
  return {
    kind: 'client',
    client,
    op: { kind: 'login', passwordHash: passwordHash(client, password), ...viaServer(via) },
  };
}

export function write(client: string, state: string, via?: NodeId): InputAction {
  return { kind: 'client', client, op: { kind: 'setState', state, ...viaServer(via) } };
}

/** A read of `user`'s state: `stale` answers from whatever the server reached has applied. */
export function read(client: string, user: string, stale: boolean, via?: NodeId): InputAction {
  return { kind: 'client', client, op: { kind: 'getState', user, stale, ...viaServer(via) } };
}

/** Inputs aimed at whoever leads as the step begins; none while nobody does. */
export function atLeader(
  make: (leader: NodeId, v: LessonView) => InputAction[],
): (v: LessonView) => InputAction[] {
  return (v) => {
    const leader = v.leader();
    return leader === null ? [] : make(leader, v);
  };
}

/** The leader alone on one side of a partition, the rest on the other. */
export const isolateLeader = atLeader((leader, v) => [
  { kind: 'partition', groups: [[leader], v.ids.filter((id) => id !== leader)] },
]);
