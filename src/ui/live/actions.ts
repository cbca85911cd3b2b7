/**
 * What the page's controls do to a live cluster: crash and restart through
 * the launcher (src/server/control.ts), cut and heal through each server's
 * end of its links (POST /control/cut, /control/heal), and the clients
 * panel's operations through the seed's routes. One request at a time, in
 * the order asked, as the simulation's store runs its actions.
 */
import type { Coordinator } from '../../runtime/coordinator.ts';
import type { NodeId } from '../../sim/index.ts';
import type { ClientOpKind, ClientOps } from '../clientOps.ts';
import type { Text } from '../i18n/index.ts';
import { requestJson, type Fetch } from './http.ts';
import type { clusterMap } from './translate.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type LiveOp = Mutable<Parameters<ClientOps['track']>[1]>;

export interface LiveActionsOptions {
  readonly fetch: Fetch;
  readonly map: () => ReturnType<typeof clusterMap>;
  readonly alive: (id: NodeId) => boolean;
  readonly leader: () => NodeId | null;
  readonly clientOps: ClientOps;
  /** The page's time, ms since it attached: when an operation started. */
  readonly now: () => number;
  /** An action ended: with what went wrong, in words, or null. */
  readonly done: (problem: Text | null) => void;
}

/** The methods of the simulation's coordinator that the ring's menus and drags call, done live. */
export interface LiveControl {
  crash(id: NodeId): Promise<void>;
  restart(id: NodeId): Promise<void>;
  setLink(from: NodeId, to: NodeId, up: boolean): Promise<void>;
  partition(groups: readonly (readonly NodeId[])[]): Promise<void>;
  heal(): Promise<void>;
}

class NotLive extends Error {}

export class LiveActions {
  private queue: Promise<void> = Promise.resolve();
  private readonly tokens = new Map<string, string>();
  readonly control: LiveControl;

  constructor(private readonly o: LiveActionsOptions) {
    this.control = {
      crash: (id) => this.launcher('crash', id),
      restart: (id) => this.launcher('restart', id),
      setLink: async (from, to, up) => {
        // The sender's end carries the direction from -> to; healing clears the receiver's too.
        await this.link(from, up ? 'heal' : 'cut', { peer: to, direction: 'out' });
        if (up) await this.link(to, 'heal', { peer: from, direction: 'in' });
      },
      partition: async (groups) => {
        await this.healAll();
        for (const group of groups)
          for (const id of group)
            for (const other of this.o.map().ids)
              if (!group.includes(other))
                await this.link(id, 'cut', { peer: other, direction: 'both' });
      },
      heal: () => this.healAll(),
    };
  }

  crash(id: NodeId): Promise<void> {
    return this.serial(() => this.control.crash(id));
  }

  restart(id: NodeId): Promise<void> {
    return this.serial(() => this.control.restart(id));
  }

  /** Cuts `id` off from every other server, both ways, at its own end. */
  isolate(id: NodeId): Promise<void> {
    return this.serial(async () => {
      for (const other of this.o.map().ids)
        if (other !== id) await this.link(id, 'cut', { peer: other, direction: 'both' });
    });
  }

  heal(): Promise<void> {
    return this.serial(() => this.healAll());
  }

  /**
   * The ring's menus and drags hand the simulation's coordinator a piece of
   * work; here it gets the live cluster's controls instead, and whatever
   * else it asks for is refused in words (it belongs to the simulation).
   */
  act(work: (c: Coordinator) => Promise<void>): Promise<void> {
    const control = this.control as unknown as Record<string, unknown>;
    const live = new Proxy(control, {
      get: (target, name) =>
        typeof name === 'string' && name in target
          ? target[name]
          : () => Promise.reject(new NotLive(String(name))),
    });
    return this.serial(() => work(live as unknown as Coordinator));
  }

  clientOp(client: string, kind: ClientOpKind, argument: string, stale: boolean): Promise<void> {
    const ops = this.o.clientOps;
    const tracked = ops.start(client, kind, argument, stale, this.o.now());
    const token = this.tokens.get(client);
    if (kind === 'setState' && token === undefined) {
      ops.refuse(tracked, (m) => m.live.logInFirst(client));
      this.o.done(null);
      return Promise.resolve();
    }
    const op: LiveOp = { done: false, ok: false, progress: 'sent' };
    ops.track(tracked, op);
    this.o.done(null);
    return this.serial(async () => {
      try {
        const url = this.serverUrl();
        if (kind === 'login') {
          const answer = await requestJson(this.o.fetch, `${url}/login`, {
            body: { username: client, password: argument },
          });
          this.tokens.set(client, (answer.body as { token: string }).token);
          Object.assign(op, { done: true, ok: true, progress: 'done', value: null });
        } else if (kind === 'setState') {
          const answer = await requestJson(this.o.fetch, `${url}/state`, {
            body: { state: argument },
            ...(token !== undefined && { token }),
          });
          Object.assign(op, { done: true, ok: true, progress: 'done', value: answer.body });
        } else {
          const query = `username=${encodeURIComponent(argument)}${stale ? '&stale=1' : ''}`;
          const answer = await requestJson(this.o.fetch, `${url}/state?${query}`);
          const version = Number(answer.headers.get('x-state-version') ?? NaN);
          const { state } = answer.body as { state: string };
          Object.assign(op, { done: true, ok: true, progress: 'done', value: { state, version } });
        }
      } catch (error) {
        // 503 and no answer at all: it may still take effect (the servers retry).
        const status = (error as { status?: number | null }).status ?? null;
        Object.assign(op, {
          done: true,
          ok: false,
          progress: status === null || status === 503 ? 'unknown' : 'failed',
          error: (error as Error).message,
        });
      }
    });
  }

  /** A server to ask: the leader if one is known and up, else any that answers. */
  private serverUrl(): string {
    const { ids, urls } = this.o.map();
    const leader = this.o.leader();
    const pick =
      leader !== null && this.o.alive(leader)
        ? leader
        : (ids.find((id) => this.o.alive(id)) ?? null);
    const url = pick === null ? undefined : urls.get(pick);
    if (url === undefined) throw new NotLive('no server');
    return url;
  }

  private async launcher(route: 'crash' | 'restart', id: NodeId): Promise<void> {
    const { launcher } = this.o.map();
    if (launcher === null) throw new Error('no launcher');
    await requestJson(this.o.fetch, `${launcher}/${route}`, { body: { server: id } });
  }

  private async link(
    id: NodeId,
    route: 'cut' | 'heal',
    body: { peer: NodeId; direction: 'in' | 'out' | 'both' },
  ): Promise<void> {
    const url = this.o.map().urls.get(id);
    // A server that is down drops everything anyway; its links start whole when it is restarted.
    if (url === undefined || !this.o.alive(id)) return;
    await requestJson(this.o.fetch, `${url}/control/${route}`, { body });
  }

  private async healAll(): Promise<void> {
    const { ids, urls } = this.o.map();
    for (const id of ids) {
      const url = urls.get(id);
      if (url !== undefined && this.o.alive(id))
        await requestJson(this.o.fetch, `${url}/control/heal`, { body: {} });
    }
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      try {
        await work();
        this.o.done(null);
      } catch (error) {
        this.o.done(problemOf(error));
      }
    });
    this.queue = run;
    return run;
  }
}

function problemOf(error: unknown): Text {
  if (error instanceof NotLive)
    return error.message === 'no server' ? (m) => m.live.noServer : (m) => m.live.simulationOnly;
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'no launcher') return (m) => m.live.noLauncher;
  return (m) => m.live.failed(message);
}
