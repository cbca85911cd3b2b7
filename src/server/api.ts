/**
 * The seed's service over HTTP, as the leader serves it: log in, set your
 * state, read anyone's. Requests become the same commands the playground's
 * clients send (src/app), so the state machine enforces every rule; this
 * file only checks the shape of a request, finds the session, and turns an
 * answer into a status and a JSON body that says what to do.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  COMMAND_VERSION,
  passwordError,
  readState,
  stateTextError,
  userNameError,
  type ErrorCode,
  type ServiceResponse,
} from '../app';
import { newSalt, saltOf, scryptDigest } from './password';
import type { Outcome, Replica } from './replica';

export interface ApiRequest {
  /** Fields from the query string and the JSON (or form) body, the body winning. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The session token, from whichever place the client put it. */
  readonly token: string | null;
  /** The X-Request-Number header, as sent. */
  readonly requestNumber: string | null;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Bytes of randomness in a session token. */
export const TOKEN_BYTES = 32;
/**
 * The session's own request number for its login (dissertation §6.3 numbers
 * every request of a client). A client numbers its writes from 1, which is
 * request LOGIN_SEQ + 1 of the session.
 */
const LOGIN_SEQ = 1;
/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_S = 1;

const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  'bad-command': 400,
  limit: 400,
  'bad-password': 401,
  'not-logged-in': 401,
  'session-expired': 401,
  'stale-request': 409,
  'no-such-user': 404,
};

export function problem(
  status: number,
  error: string,
  headers?: Record<string, string>,
): ApiResponse {
  return { status, body: { error }, headers };
}

export function retryLater(error: string, headers: Record<string, string> = {}): ApiResponse {
  return problem(503, error, { 'retry-after': String(RETRY_AFTER_S), ...headers });
}

/**
 * A session's client id is a digest of its token: every server can find
 * the session from the token, and the log holds no token (a token is as
 * good as a password while the session lives).
 */
export function clientIdOf(token: string): string {
  return `c${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
}

export class Api {
  /** Request numbers this leader handed out, per client id, in `assignedTerm`. */
  private assigned = new Map<string, number>();
  private assignedTerm = -1;

  constructor(private readonly replica: Replica) {}

  async login(req: ApiRequest): Promise<ApiResponse> {
    const user = req.fields.username ?? req.fields.user;
    const password = req.fields.password;
    if (typeof user !== 'string' || typeof password !== 'string')
      return problem(400, 'Send {"username": "...", "password": "..."}, both strings.');
    const bad = userNameError(user) ?? passwordError(password);
    if (bad !== null) return problem(400, bad);
    const token = randomBytes(TOKEN_BYTES).toString('hex');
    const clientId = clientIdOf(token);
    // Two tries: a first login of the same name may commit, with its own salt,
    // between our read of the salt and our entry.
    for (let attempt = 0; attempt < 2; attempt++) {
      const caughtUp = await this.replica.readIndex();
      if (caughtUp.kind !== 'done') return notServed(caughtUp);
      const stored = this.replica.service.users.get(user)?.passwordHash;
      const salt = saltOf(stored) ?? newSalt();
      const digest = await scryptDigest(password, salt);
      // A wrong password is refused here, so that it leaves nothing in the log;
      // the state machine would refuse it all the same.
      if (stored !== undefined && !sameDigest(stored, digest))
        return problem(
          401,
          `Wrong password for "${user}". (The first login of a name registers it, and this name is taken.)`,
        );
      const outcome = await this.replica.propose({
        v: COMMAND_VERSION,
        kind: 'login',
        clientId,
        seq: LOGIN_SEQ,
        user,
        passwordHash: digest,
      });
      if (outcome.kind !== 'done') return notServed(outcome);
      const response = outcome.value;
      const storedSalt = saltOf(this.replica.service.users.get(user)?.passwordHash);
      if (!response.ok && response.code === 'bad-password' && storedSalt !== salt) continue;
      if (!response.ok) return failure(response);
      const registered = response.value.kind === 'login' && response.value.registered;
      return {
        status: 200,
        body: { token, username: user, registered },
        headers: { 'set-cookie': `session=${token}; Path=/; HttpOnly; SameSite=Strict` },
      };
    }
    return problem(401, 'Wrong password for this user name.');
  }

  async setState(req: ApiRequest): Promise<ApiResponse> {
    if (req.token === null)
      return problem(
        401,
        'No session token: log in with POST /login, then send the token as "Authorization: Bearer <token>".',
      );
    const state = req.fields.state;
    if (typeof state !== 'string') return problem(400, 'Send {"state": "..."}, a string.');
    const badState = stateTextError(state);
    if (badState !== null) return problem(400, badState);
    let seq: number | null = null;
    if (req.requestNumber !== null) {
      seq = Number(req.requestNumber) + LOGIN_SEQ;
      if (!/^[1-9][0-9]*$/.test(req.requestNumber) || !Number.isSafeInteger(seq))
        return problem(400, 'X-Request-Number must be a whole number from 1, one per new write.');
    }
    const clientId = clientIdOf(req.token);
    let session = this.replica.service.sessions.get(clientId);
    if (session === undefined || seq === null) {
      // A new leader may not have applied the login yet (dissertation §6.4: a
      // ReadIndex round brings its state up to every acknowledged write).
      const caughtUp = await this.replica.readIndex();
      if (caughtUp.kind !== 'done') return notServed(caughtUp);
      session = this.replica.service.sessions.get(clientId);
    }
    if (session === undefined)
      return problem(401, 'This session token is unknown here; log in again with POST /login.');
    const named = req.fields.username ?? req.fields.user;
    if (named !== undefined && named !== session.user)
      return problem(
        403,
        `This session is logged in as "${session.user}" and may change only that user's state; log in as the other user to change theirs.`,
      );
    // lastSeq only grows, so a number below it here is below it in the log too.
    if (seq !== null && seq < session.lastSeq)
      return problem(
        409,
        `Request number ${seq - LOGIN_SEQ} is older than this session's last applied write (${session.lastSeq - LOGIN_SEQ}), so it was not applied; number each new write above the last.`,
      );
    seq ??= this.assignNumber(clientId, session.lastSeq);
    const numbered = { 'x-request-number': String(seq - LOGIN_SEQ) };
    const outcome = await this.replica.propose({
      v: COMMAND_VERSION,
      kind: 'setState',
      clientId,
      seq,
      user: session.user,
      state,
    });
    if (outcome.kind !== 'done') return notServed(outcome, numbered);
    const response = outcome.value;
    if (!response.ok) return failure(response, numbered);
    const version = response.value.kind === 'setState' ? response.value.version : 0;
    return { status: 200, body: { ok: true, version }, headers: numbered };
  }

  /** A linearizable read (ReadIndex, dissertation §6.4), answering exactly {"state": ...}. */
  async getState(user: string): Promise<ApiResponse> {
    const bad = userNameError(user);
    if (bad !== null) return problem(400, bad);
    const caughtUp = await this.replica.readIndex();
    if (caughtUp.kind !== 'done') return notServed(caughtUp);
    const response = readState(this.replica.service, user);
    if (!response.ok) return failure(response);
    return {
      status: 200,
      body: { state: response.value.state },
      headers: { 'x-raft-read': 'read-index', 'x-state-version': String(response.value.version) },
    };
  }

  /** A stale read: this server's applied state, whoever leads, labelled as such. */
  staleState(user: string): ApiResponse {
    const response = readState(this.replica.service, user);
    if (!response.ok) return failure(response);
    return {
      status: 200,
      body: { state: response.value.state, stale: true },
      headers: { 'x-raft-read': 'stale', 'x-state-version': String(response.value.version) },
    };
  }

  /** The user a token's session is logged in as, for a read that names nobody. */
  sessionUser(token: string): string | null {
    return this.replica.service.sessions.get(clientIdOf(token))?.user ?? null;
  }

  /**
   * A number for a write sent without one: above both the session's last
   * applied request and any this leader handed out in its term, so two writes
   * in flight never share a number (dissertation §6.3).
   */
  private assignNumber(clientId: string, lastApplied: number): number {
    if (this.assignedTerm !== this.replica.node.currentTerm) {
      this.assigned.clear();
      this.assignedTerm = this.replica.node.currentTerm;
    }
    const seq = Math.max(this.assigned.get(clientId) ?? 0, lastApplied) + 1;
    this.assigned.set(clientId, seq);
    return seq;
  }
}

function sameDigest(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function failure(
  response: ServiceResponse & { ok: false },
  headers?: Record<string, string>,
): ApiResponse {
  return problem(STATUS_BY_CODE[response.code], response.error, headers);
}

function notServed(outcome: Outcome<unknown>, headers: Record<string, string> = {}): ApiResponse {
  if (outcome.kind === 'not-leader')
    return retryLater('Leadership changed while serving this request; retry in a second.', headers);
  const again =
    headers['x-request-number'] !== undefined
      ? ` Retry with the header X-Request-Number: ${headers['x-request-number']} so that it is applied at most once.`
      : ' Retry in a second.';
  return retryLater(
    `The outcome is unknown: ${outcome.kind === 'unknown' ? outcome.reason : ''}.${again}`,
    headers,
  );
}
