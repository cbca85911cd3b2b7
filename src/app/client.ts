/**
 * The client side of the protocol (dissertation §6.3): a client has an id
 * and numbers its requests 1, 2, 3, ...; to retry, it sends the very same
 * command again (same number), and the cluster answers from the session's
 * saved response instead of applying it twice.
 *
 * The prepare functions check the same rules as the state machine and hash
 * the password, so a student sees a mistake at once and a password never
 * leaves the client. A client is an immutable value: each prepare returns
 * the next one.
 */
import {
  COMMAND_VERSION,
  type ClientCommand,
  type GetStateCommand,
  type LoginCommand,
  type SetStateCommand,
  type Stamped,
} from './commands';
import { passwordHash } from './password';
import { fail, type Failure } from './responses';
import { clientIdError, passwordError, stateTextError, userNameError } from './rules';

export interface Client {
  readonly clientId: string;
  /** The number of the last request prepared; 0 before the first. */
  readonly lastSeq: number;
}

export type Prepared<C extends ClientCommand> =
  { readonly ok: true; readonly client: Client; readonly command: C } | Failure;

/** A new client. Client ids are chosen by the program, not typed by a
 *  student, so a bad one is a bug and throws. Each client needs its own id:
 *  two clients sharing one would take each other's request numbers. */
export function createClient(clientId: string): Client {
  const problem = clientIdError(clientId);
  if (problem !== null) throw new RangeError(problem);
  return { clientId, lastSeq: 0 };
}

export function prepareLogin(
  client: Client,
  user: string,
  password: string,
): Prepared<LoginCommand> {
  const problem = userNameError(user) ?? passwordError(password);
  if (problem !== null) return fail('limit', problem);
  const seq = client.lastSeq + 1;
  return {
    ok: true,
    client: { clientId: client.clientId, lastSeq: seq },
    command: {
      v: COMMAND_VERSION,
      kind: 'login',
      clientId: client.clientId,
      seq,
      user,
      passwordHash: passwordHash(user, password),
    },
  };
}

export function prepareSetState(
  client: Client,
  user: string,
  state: string,
): Prepared<SetStateCommand> {
  const problem = userNameError(user) ?? stateTextError(state);
  if (problem !== null) return fail('limit', problem);
  const seq = client.lastSeq + 1;
  return {
    ok: true,
    client: { clientId: client.clientId, lastSeq: seq },
    command: { v: COMMAND_VERSION, kind: 'setState', clientId: client.clientId, seq, user, state },
  };
}

/** Reads need no session and no request number. */
export function prepareGetState(
  user: string,
): { readonly ok: true; readonly command: GetStateCommand } | Failure {
  const problem = userNameError(user);
  if (problem !== null) return fail('limit', problem);
  return { ok: true, command: { v: COMMAND_VERSION, kind: 'getState', user } };
}

/** What the leader does when it appends a client's command: write its
 *  virtual time, in ms, into the entry (dissertation §6.3). */
export function stampCommand<C extends ClientCommand>(command: C, atMs: number): Stamped<C> {
  return { ...command, at: atMs };
}
