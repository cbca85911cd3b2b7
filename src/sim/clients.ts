import {
  COMMAND_VERSION,
  clientIdProblem,
  ProblemError,
  stateTextProblem,
  userNameProblem,
  type ClientCommand,
  type Problem,
  type ServiceResponse,
} from '../app';
import type { NodeId } from '../raft';
import type { ClientReply, ClientRequest } from './client-protocol';
import { Heap } from './heap';

/** How long a client waits for an answer before it tries another server, in virtual ms. */
export const CLIENT_ATTEMPT_TIMEOUT_MS = 250;
/** How long a client keeps trying one operation before it gives up, in virtual ms. */
export const CLIENT_OP_DEADLINE_MS = 5_000;
/** Bound on operations waiting behind the current one, per client. */
export const CLIENT_QUEUE_MAX = 100;
/** Bound on the history kept for the checker and the page. */
export const HISTORY_OPS_MAX = 20_000;

/** A client operation as the user asked for it; what the input log records (no password). */
export type ClientOpInput = (
  | { readonly kind: 'login'; readonly passwordHash: string }
  | { readonly kind: 'setState'; readonly state: string }
  | { readonly kind: 'getState'; readonly user: string; readonly stale: boolean }
) & {
  /** Ask this server first (by default: the last leader the client heard of). */
  readonly via?: NodeId;
};

/** The headless API's view of one operation (issue "Per-user state", §3). */
export interface Op {
  readonly done: boolean;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
  /** Why it failed, for a program or a translation: the service's ErrorCode, or read-timeout, write-timeout. */
  readonly code?: string;
  /** Where it stands: for the clients panel. */
  readonly progress: 'queued' | 'sent' | 'redirected' | 'retried' | 'done' | 'failed' | 'unknown';
}

/**
 * One operation in the history, in the manner of Jepsen: invoked at
 * `invokeMs`; completed `ok`, `fail` (definitely had no effect) or `info`
 * (outcome unknown: it may take effect at any time after invocation, or never).
 */
export interface HistoryOp {
  readonly id: number;
  readonly client: string;
  readonly kind: ClientOpInput['kind'];
  /** user (the client's own for writes), and state or stale. */
  readonly input: { readonly user: string; readonly state?: string; readonly stale?: boolean };
  readonly status: 'pending' | 'ok' | 'fail' | 'info';
  /** The service's answer value, or the error text. */
  readonly output?: unknown;
  readonly error?: string;
  /** The service's error code when it refused the operation, or read-timeout, write-timeout. */
  readonly code?: string;
  readonly invokeMs: number;
  /** null while pending, or when the outcome is unknown. */
  readonly completeMs: number | null;
  readonly attempts: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface OpState {
  readonly input: ClientOpInput;
  /** Updated in place: the caller's Op and the history see each change. */
  readonly history: Mutable<HistoryOp>;
  readonly op: Mutable<Op>;
  /** Numbered when the operation starts, so request numbers follow the order sent. */
  command: ClientCommand | null;
  stale: boolean;
  startedMs: number;
  /** requestIds of every attempt: a late answer to any of them still answers the op. */
  attempts: Set<number>;
  lastTarget: NodeId;
}

interface ClientState {
  readonly name: string;
  seq: number;
  leaderGuess: NodeId | null;
  current: OpState | null;
  queue: OpState[];
}

type Timer =
  | { at: number; seq: number; kind: 'timeout'; client: string; requestId: number }
  | { at: number; seq: number; kind: 'reply'; client: string; reply: ClientReply };

/** Sends a request to a server at the given virtual time. */
export type SendRequest = (to: NodeId, request: ClientRequest, atMs: number) => void;

/**
 * The clients of a run: each finds the leader (redirect hints, then each
 * server in turn), retries with the same request number after a time-out,
 * and gives up after a bound. Deterministic: it reacts to an answer one
 * minimum latency after the server sent it (the way back to the client), so
 * the headless cluster and the Worker runtime see the same requests at the
 * same times.
 */
export class ClientDriver {
  private readonly clients = new Map<string, ClientState>();
  private readonly timers = new Heap<Timer>(
    (a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq),
  );
  private readonly ops: HistoryOp[] = [];
  private readonly byRequest = new Map<number, OpState>();
  private nextRequestId = 1;
  private nextTimerSeq = 0;
  private nextOpId = 1;

  constructor(
    private readonly ids: readonly NodeId[],
    private readonly replyDelayMs: number,
    private readonly send: SendRequest,
  ) {}

  /** Checks an operation before it is logged; returns a message a student understands, or null. */
  static problem(client: string, input: ClientOpInput): string | null {
    return ClientDriver.check(client, input)?.text ?? null;
  }

  /** The same check, with a code and values a translation can say in its own words. */
  static check(client: string, input: ClientOpInput): Problem | null {
    const clientProblem = userNameProblem(client) ?? clientIdProblem(client);
    if (clientProblem)
      return {
        code: `client:${clientProblem.code}`,
        params: { ...clientProblem.params, client },
        text: `Client "${client}": ${clientProblem.text}`,
      };
    if (input.kind === 'setState') return stateTextProblem(input.state);
    if (input.kind === 'getState') return userNameProblem(input.user);
    return /^[0-9a-f]{64}$/.test(input.passwordHash)
      ? null
      : {
          code: 'not-hashed',
          params: {},
          text: 'A login carries the SHA-256 of the password, never the password.',
        };
  }

  /** Starts (or queues) an operation for `client` at `nowMs`. */
  invoke(client: string, input: ClientOpInput, nowMs: number): Op {
    const problem = ClientDriver.check(client, input);
    if (problem) throw new ProblemError(problem);
    const c = this.clientState(client);
    if (c.queue.length >= CLIENT_QUEUE_MAX)
      throw new ProblemError({
        code: 'queue-full',
        params: { client, max: CLIENT_QUEUE_MAX },
        text: `Client ${client} already has ${CLIENT_QUEUE_MAX} operations waiting.`,
      });
    const state = this.newOp(c, input, nowMs);
    if (c.current) c.queue.push(state);
    else this.start(c, state, nowMs);
    return state.op;
  }

  /** A server answered at `atMs`; the client hears it one reply delay later. */
  onReply(reply: ClientReply, atMs: number): void {
    const op = this.byRequest.get(reply.requestId);
    if (!op) return;
    this.timers.push({
      at: atMs + this.replyDelayMs,
      seq: this.nextTimerSeq++,
      kind: 'reply',
      client: op.history.client,
      reply,
    });
  }

  /** The next virtual time at which a client acts, or Infinity. */
  nextDueAt(): number {
    return this.timers.peek()?.at ?? Infinity;
  }

  /** Runs every client action due by `nowMs`, in (time, order of scheduling). */
  fire(nowMs: number): void {
    for (let t = this.timers.peek(); t && t.at <= nowMs; t = this.timers.peek()) {
      this.timers.pop();
      const c = this.clients.get(t.client);
      const op = c?.current;
      if (!c || !op) continue;
      if (t.kind === 'timeout') {
        if (op.attempts.has(t.requestId) && t.requestId === this.latestRequest(op))
          this.retry(c, op, nowMs, 'timeout');
        continue;
      }
      if (!op.attempts.has(t.reply.requestId)) continue; // an answer for an op already finished
      this.react(c, op, t.reply, nowMs);
    }
  }

  history(): readonly HistoryOp[] {
    return this.ops;
  }

  // ---- internals

  private react(c: ClientState, op: OpState, reply: ClientReply, nowMs: number): void {
    switch (reply.kind) {
      case 'response':
        c.leaderGuess = reply.from;
        this.finish(c, op, nowMs, reply.response);
        return;
      case 'redirect':
        c.leaderGuess = reply.leaderHint;
        this.retry(c, op, nowMs, 'redirected');
        return;
      case 'unknown':
        c.leaderGuess = null;
        this.retry(c, op, nowMs, 'retried');
        return;
    }
  }

  private start(c: ClientState, op: OpState, nowMs: number): void {
    c.current = op;
    op.startedMs = nowMs;
    op.command = this.command(c, op.input);
    op.history.invokeMs = nowMs;
    const via = op.input.via;
    this.attempt(
      c,
      op,
      via ?? c.leaderGuess ?? this.ids[(op.history.id - 1) % this.ids.length] ?? 1,
      nowMs,
      'sent',
    );
  }

  private retry(
    c: ClientState,
    op: OpState,
    nowMs: number,
    why: 'timeout' | 'redirected' | 'retried',
  ): void {
    if (nowMs - op.startedMs >= CLIENT_OP_DEADLINE_MS) {
      this.giveUp(c, op, nowMs);
      return;
    }
    const next =
      why !== 'timeout' && c.leaderGuess !== null ? c.leaderGuess : this.after(op.lastTarget);
    this.attempt(c, op, next, nowMs, why === 'redirected' ? 'redirected' : 'retried');
  }

  private attempt(
    c: ClientState,
    op: OpState,
    to: NodeId,
    nowMs: number,
    progress: Op['progress'],
  ): void {
    const requestId = this.nextRequestId++;
    op.attempts.add(requestId);
    op.lastTarget = to;
    this.byRequest.set(requestId, op);
    op.op.progress = progress;
    op.history.attempts = op.attempts.size;
    this.timers.push({
      at: nowMs + CLIENT_ATTEMPT_TIMEOUT_MS,
      seq: this.nextTimerSeq++,
      kind: 'timeout',
      client: c.name,
      requestId,
    });
    const command = op.command ?? this.command(c, op.input);
    const request: ClientRequest = op.stale
      ? { requestId, command, stale: true }
      : { requestId, command };
    this.send(to, request, nowMs);
  }

  private finish(c: ClientState, op: OpState, nowMs: number, response: ServiceResponse): void {
    if (response.ok) {
      Object.assign(op.op, { done: true, ok: true, value: response.value, progress: 'done' });
      Object.assign(op.history, { status: 'ok', output: response.value, completeMs: nowMs });
    } else {
      // The state machine refused it on every server alike: it had no effect.
      Object.assign(op.op, {
        done: true,
        ok: false,
        error: response.error,
        code: response.code,
        progress: 'failed',
      });
      Object.assign(op.history, {
        status: 'fail',
        error: response.error,
        code: response.code,
        completeMs: nowMs,
      });
    }
    this.next(c, op, nowMs);
  }

  private giveUp(c: ClientState, op: OpState, nowMs: number): void {
    const seconds = CLIENT_OP_DEADLINE_MS / 1000;
    if (op.input.kind === 'getState') {
      const error = `No server answered the read within ${seconds} s (${op.attempts.size} tries).`;
      const code = 'read-timeout';
      Object.assign(op.op, { done: true, ok: false, error, code, progress: 'failed' });
      Object.assign(op.history, { status: 'fail', error, code, completeMs: nowMs });
    } else {
      const error = `No answer within ${seconds} s (${op.attempts.size} tries): the write may or may not have taken effect.`;
      const code = 'write-timeout';
      Object.assign(op.op, { done: true, ok: false, error, code, progress: 'unknown' });
      Object.assign(op.history, { status: 'info', error, code, completeMs: null });
    }
    this.next(c, op, nowMs);
  }

  private next(c: ClientState, op: OpState, nowMs: number): void {
    for (const id of op.attempts) this.byRequest.delete(id);
    c.current = null;
    const queued = c.queue.shift();
    if (queued) this.start(c, queued, nowMs);
  }

  private newOp(c: ClientState, input: ClientOpInput, nowMs: number): OpState {
    const user = input.kind === 'getState' ? input.user : c.name;
    const history: Mutable<HistoryOp> = {
      id: this.nextOpId++,
      client: c.name,
      kind: input.kind,
      input:
        input.kind === 'setState'
          ? { user, state: input.state }
          : input.kind === 'getState'
            ? { user, stale: input.stale }
            : { user },
      status: 'pending',
      invokeMs: nowMs,
      completeMs: null,
      attempts: 0,
    };
    if (this.ops.length >= HISTORY_OPS_MAX) this.ops.shift();
    this.ops.push(history);
    return {
      input,
      history,
      op: { done: false, ok: false, progress: 'queued' },
      command: null,
      stale: input.kind === 'getState' && input.stale,
      startedMs: nowMs,
      attempts: new Set(),
      lastTarget: 0,
    };
  }

  private command(c: ClientState, input: ClientOpInput): ClientCommand {
    switch (input.kind) {
      case 'login':
        return {
          v: COMMAND_VERSION,
          kind: 'login',
          clientId: c.name,
          seq: ++c.seq,
          user: c.name,
          passwordHash: input.passwordHash,
        };
      case 'setState':
        return {
          v: COMMAND_VERSION,
          kind: 'setState',
          clientId: c.name,
          seq: ++c.seq,
          user: c.name,
          state: input.state,
        };
      case 'getState':
        return { v: COMMAND_VERSION, kind: 'getState', user: input.user };
    }
  }

  private latestRequest(op: OpState): number {
    let latest = 0;
    for (const id of op.attempts) latest = Math.max(latest, id);
    return latest;
  }

  private after(id: NodeId): NodeId {
    const k = this.ids.indexOf(id);
    return this.ids[(k + 1) % this.ids.length] ?? 1;
  }

  private clientState(name: string): ClientState {
    let c = this.clients.get(name);
    if (!c) {
      c = { name, seq: 0, leaderGuess: null, current: null, queue: [] };
      this.clients.set(name, c);
    }
    return c;
  }
}
