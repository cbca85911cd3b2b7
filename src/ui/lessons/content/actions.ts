import { passwordHash } from '../../../app/index.ts';
import type { InputAction, NodeId } from '../../../sim/index.ts';

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
