import type { Op } from '../sim/index.ts';
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
