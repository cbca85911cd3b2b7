/**
 * A client of the real cluster that records a Jepsen-style history: each
 * operation with its call and return times, or an unknown outcome when no
 * answer came. Writes are numbered per session and a retry keeps its number
 * (dissertation §6.3), so a retry after a leader change is applied once.
 * Used by the Jepsen-style and crash-recovery tests and the benchmark.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { UserServiceInput, UserServiceOp, UserServiceOutput } from '../check/lin';
import type { Prng } from '../sim/prng';
import { call, type Answer } from './testing';

/** How long a client keeps retrying one operation before it gives up (outcome unknown), in ms. */
export const OPERATION_DEADLINE_MS = 10_000;
/** Pause between retries of one operation, in ms. */
export const RETRY_PAUSE_MS = 100;
/** Bound on one HTTP attempt, in ms: above what a server may spend on one (REQUEST_DEADLINE_MS + REQUEST_TIMEOUT_MS). */
export const ATTEMPT_TIMEOUT_MS = 8_000;

export class HistoryClient {
  private token: string | null = null;
  private nextSeq = 1;

  constructor(
    private readonly urls: readonly string[],
    readonly user: string,
    private readonly clientNo: number,
    private readonly rng: Prng,
    private readonly history: UserServiceOp[],
  ) {}

  get loggedIn(): boolean {
    return this.token !== null;
  }

  /** Logs in; each attempt is its own operation (a new session), as a real client's would be. */
  async login(): Promise<boolean> {
    const answer = await this.attempt(
      { kind: 'login', user: this.user },
      (url) =>
        call(`${url}/login`, {
          body: { username: this.user, password: `pw-${this.user}` },
          timeoutMs: ATTEMPT_TIMEOUT_MS,
        }),
      (a) => (a.status === 200 ? { kind: 'login', ok: true } : { kind: 'login', ok: false }),
    );
    if (answer?.status === 200) {
      this.token = (answer.json as { token: string }).token;
      this.nextSeq = 1;
    }
    return this.token !== null;
  }

  /** Sets this client's user's state; retries keep the request number. */
  async write(state: string): Promise<void> {
    const seq = String(this.nextSeq++);
    await this.attempt(
      { kind: 'setState', user: this.user, state },
      (url) =>
        call(`${url}/state`, {
          body: { state },
          headers: { Authorization: `Bearer ${this.token}`, 'X-Request-Number': seq },
          timeoutMs: ATTEMPT_TIMEOUT_MS,
        }),
      (a) =>
        a.status === 200
          ? { kind: 'setState', ok: true, version: (a.json as { version: number }).version }
          : { kind: 'setState', ok: false, error: a.text },
    );
  }

  /** A linearizable read of any user. A read with no answer is left out: it changed nothing. */
  async read(user: string): Promise<void> {
    const call0 = performance.now();
    const answer = await this.tryServers((url) =>
      call(`${url}/state?username=${user}`, { timeoutMs: ATTEMPT_TIMEOUT_MS }),
    );
    if (answer === null) return;
    const output: UserServiceOutput =
      answer.status === 200
        ? {
            kind: 'getState',
            found: true,
            state: (answer.json as { state: string }).state,
            version: Number(answer.headers.get('x-state-version')),
          }
        : { kind: 'getState', found: false };
    this.history.push({
      clientId: this.clientNo,
      input: { kind: 'getState', user },
      call: call0,
      output,
      return: performance.now(),
    });
  }

  /**
   * Runs one operation to its answer and records it; with no answer before
   * the deadline it is recorded with an unknown outcome. A 4xx answer is a
   * refusal (it changed nothing); 503 and lost connections are retried.
   */
  private async attempt(
    input: UserServiceInput,
    send: (url: string) => Promise<Answer>,
    outputOf: (a: Answer) => UserServiceOutput,
  ): Promise<Answer | null> {
    const callMs = performance.now();
    const answer = await this.tryServers(send);
    const done = answer !== null;
    this.history.push({
      clientId: this.clientNo,
      input,
      call: callMs,
      output: done ? outputOf(answer) : undefined,
      return: done ? performance.now() : undefined,
    });
    return answer;
  }

  /** Tries servers at random until one gives a definite answer (not 503), or the deadline. */
  private async tryServers(send: (url: string) => Promise<Answer>): Promise<Answer | null> {
    const deadline = performance.now() + OPERATION_DEADLINE_MS;
    while (performance.now() < deadline) {
      const url = this.urls[this.rng.int(0, this.urls.length - 1)]!;
      const answer = await send(url).catch(() => null);
      if (answer !== null && answer.status !== 503) return answer;
      await sleep(RETRY_PAUSE_MS);
    }
    return null;
  }
}
