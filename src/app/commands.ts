/**
 * The commands of the per-user state service, as they travel in Raft log
 * entries: plain JSON-serialisable objects with a version `v`, so a later
 * shape can be told apart from this one.
 *
 * A client builds a command without `at`; the leader stamps `at`, its
 * virtual time in ms, when it appends the entry (dissertation §6.3: session
 * expiry must be decided from the log, identically on every server, so time
 * has to be written into the log).
 */

export const COMMAND_VERSION = 1;

/** Log in as `user`; the first login of a name registers it. Opens (or
 *  reopens) the session of client `clientId`. */
export interface LoginCommand {
  readonly v: typeof COMMAND_VERSION;
  readonly kind: 'login';
  readonly clientId: string;
  /** The client's request number, counted per client id from 1. */
  readonly seq: number;
  readonly user: string;
  /** passwordHash(user, password), never the password (password.ts). */
  readonly passwordHash: string;
}

/** Replace `user`'s state, through the session of client `clientId`, which
 *  must be logged in as `user`. */
export interface SetStateCommand {
  readonly v: typeof COMMAND_VERSION;
  readonly kind: 'setState';
  readonly clientId: string;
  readonly seq: number;
  readonly user: string;
  readonly state: string;
}

/** Read any user's state and version. Reads are public and need no session;
 *  usually they are served from applied state, not the log. */
export interface GetStateCommand {
  readonly v: typeof COMMAND_VERSION;
  readonly kind: 'getState';
  readonly user: string;
}

export type ClientCommand = LoginCommand | SetStateCommand | GetStateCommand;
export type CommandKind = ClientCommand['kind'];

/** A command as the leader writes it into the log: with the log time. */
export type Stamped<C extends ClientCommand> = C & { readonly at: number };
export type ServiceCommand = Stamped<ClientCommand>;
