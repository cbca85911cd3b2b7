import type { HistoryOp, Op } from '../sim/index.ts';
import type { Text } from './i18n/index.ts';

/** Operations listed in the clients panel; older ones stay in the history view. */
export const CLIENT_OPS_SHOWN = 30;

export type ClientOpKind = 'login' | 'setState' | 'getState';

/** Where an operation stands: the service's progress, or refused before it was sent. */
export type ClientOpProgress = Op['progress'] | 'refused';

/** One operation as the clients panel lists it. A login's password is never kept. */
export interface ClientOpView {
  /** Unique within the page's run: a stable key. */
  readonly key: number;
  readonly client: string;
  readonly kind: ClientOpKind;
  /** The state written, or the user read; null for a login. */
  readonly argument: string | null;
  readonly stale: boolean;
  /** Virtual time it was started, ms. */
  readonly at: number;
  readonly progress: ClientOpProgress;
  readonly done: boolean;
  readonly ok: boolean;
  readonly value?: unknown;
  /** The service's or the client's error, in English, with its code when it has one. */
  readonly error?: string;
  readonly code?: string;
  /** Why it was refused before it was sent, in the page's language. */
  readonly refusal?: Text;
}

interface Tracked {
  view: ClientOpView;
  op: Op | null;
}

/**
 * The page's client operations, bounded. Ops are live objects the
 * coordinator updates in place; snapshot() copies each only when it
 * changed, so unchanged rows keep their identity.
 */
export class ClientOps {
  private list: Tracked[] = [];
  private nextKey = 1;
  private last: readonly ClientOpView[] = [];
  private changed = false;

  start(client: string, kind: ClientOpKind, argument: string, stale: boolean, at: number): Tracked {
    const t: Tracked = {
      view: {
        key: this.nextKey++,
        client,
        kind,
        argument: kind === 'login' ? null : argument,
        stale: kind === 'getState' && stale,
        at,
        progress: 'queued',
        done: false,
        ok: false,
      },
      op: null,
    };
    this.list.push(t);
    if (this.list.length > CLIENT_OPS_SHOWN) this.list.shift();
    this.changed = true;
    return t;
  }

  /** Follows the live Op the client API returned. */
  track(t: Tracked, op: Op): void {
    t.op = op;
    this.changed = true;
  }

  /** The operation was refused before it was sent (a name or password against the rules). */
  refuse(t: Tracked, refusal: Text): void {
    t.view = { ...t.view, progress: 'refused', done: true, ok: false, refusal };
    this.changed = true;
  }

  snapshot(): readonly ClientOpView[] {
    for (const t of this.list) {
      const op = t.op;
      if (!op) continue;
      const v = t.view;
      if (v.progress === op.progress && v.done === op.done && v.ok === op.ok) continue;
      t.view = {
        ...v,
        progress: op.progress,
        done: op.done,
        ok: op.ok,
        ...(op.value !== undefined && { value: op.value }),
        ...(op.error !== undefined && { error: op.error }),
        ...(op.code !== undefined && { code: op.code }),
      };
      this.changed = true;
    }
    if (this.changed) {
      this.last = this.list.map((t) => t.view);
      this.changed = false;
    }
    return this.last;
  }

  clear(): void {
    this.list = [];
    this.last = [];
    this.changed = false;
  }
}

/** Where an operation of the history stands, as the clients panel says it. */
function progressOf(h: HistoryOp): Pick<ClientOpView, 'progress' | 'done' | 'ok'> {
  switch (h.status) {
    case 'pending':
      return { progress: h.attempts === 0 ? 'queued' : 'sent', done: false, ok: false };
    case 'ok':
      return { progress: 'done', done: true, ok: true };
    case 'fail':
      return { progress: 'failed', done: true, ok: false };
    case 'info':
      return { progress: 'unknown', done: true, ok: false };
  }
}

/**
 * The clients panel at an earlier instant: the operations begun by then,
 * each as the run's history (re-run to that instant) says it stood. An
 * operation is its history entry begun at the same instant by the same
 * client (one client's operations are begun one at a time, in order); one
 * refused before it was sent has none and stays as it was.
 */
export function clientOpsAt(
  views: readonly ClientOpView[],
  history: readonly HistoryOp[],
  atMs: number,
): ClientOpView[] {
  const unmatched = [...history];
  const out: ClientOpView[] = [];
  for (const view of views) {
    if (view.at > atMs) continue;
    if (view.progress === 'refused') {
      out.push(view);
      continue;
    }
    const k = unmatched.findIndex(
      (h) => h.invokeMs === view.at && h.client === view.client && h.kind === view.kind,
    );
    if (k < 0) continue;
    const [h] = unmatched.splice(k, 1);
    const { value: _value, error: _error, code: _code, ...rest } = view;
    out.push({
      ...rest,
      ...progressOf(h!),
      ...(h!.status === 'ok' && { value: h!.output }),
      ...(h!.error !== undefined && { error: h!.error }),
      ...(h!.code !== undefined && { code: h!.code }),
    });
  }
  return out;
}
