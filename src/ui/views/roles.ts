import type { Message, Role } from '../../raft/index.ts';

/** A server as the views name it: its role, or crashed. */
export type ServerStatus = Role | 'crashed';

export function serverStatus(node: { readonly alive: boolean; readonly role: Role }): ServerStatus {
  return node.alive ? node.role : 'crashed';
}

/** A pre-vote request or answer (PreVote, dissertation §9.6), whatever the Raft core's version. */
export function isPreVote(m: Message): boolean {
  return 'preVote' in m && m.preVote === true;
}
