/**
 * A playground store fed by a live cluster instead of a simulated one: the
 * same state shape (store.ts's PlaygroundState), so the ring, logs, state,
 * clients and inspector read it unchanged. The servers' frames come in
 * over WebSockets (source.ts) and are read into that shape (translate.ts);
 * the page's crash, restart, cut, heal and client operations go to the
 * servers and their launcher over HTTP (actions.ts). What belongs to a
 * simulation (time, replay, seeds, lessons) says why it does not apply.
 */
import { createStore } from 'zustand/vanilla';
import { ClientOps } from '../clientOps.ts';
import { nodeName } from '../labels.ts';
import type { Text } from '../i18n/index.ts';
import {
  initialData,
  type PlaygroundData,
  type PlaygroundState,
  type PlaygroundStore,
} from '../store.ts';
import { LiveActions } from './actions.ts';
import type { Fetch } from './http.ts';
import { LiveSource, type SocketLike } from './source.ts';
import { liveData } from './translate.ts';

/** How often the page redraws while messages are on the wire, in ms (flights move in wall time). */
export const LIVE_REDRAW_MS = 50;

export interface LiveStoreOptions {
  /** One server's address (address.ts). */
  readonly url: string;
  readonly open?: (wsUrl: string) => SocketLike;
  readonly fetch?: Fetch;
  /** The page's wall clock, ms. */
  readonly clock?: () => number;
}

export function createLiveStore(options: LiveStoreOptions): PlaygroundStore {
  const clock = options.clock ?? (() => Date.now());
  const open = options.open ?? ((url: string) => new WebSocket(url) as SocketLike);
  const fetchImpl: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
  const clientOps = new ClientOps();
  let source: LiveSource | null = null;
  let redraw: ReturnType<typeof setInterval> | null = null;
  let epochMs = 0;
  /** What the page last said of the connection (`say`), replaced as servers come and go. */
  let connectionNotice: Text | null = (m) => m.live.connecting(options.url);
  /** What connectionNotice says, as a key: 'connecting', 'trouble', 'down:1,3', or '' for nothing. */
  let connectionKey = 'connecting';

  return createStore<PlaygroundState>()((set, get) => {
    /** Says what the connection did (connecting, unreachable, servers down) unless the user's own problem shows. */
    const say = (notice: Text | null): Partial<PlaygroundData> => {
      const shown = get().problem;
      const mine = shown === null || shown === connectionNotice;
      connectionNotice = notice;
      return mine ? { problem: notice } : {};
    };

    const refresh = (extra: Partial<PlaygroundData> = {}): void => {
      const s = source;
      if (!s) return set(extra);
      const { ids } = s.map();
      const data = liveData(ids, s.watched, clock(), epochMs, get().isolated);
      const down = data.nodes.filter((n) => !n.alive).map((n) => nodeName(n.id));
      const heard = data.nodes.length > 0;
      const notice: Text | null =
        down.length > 0 ? (m) => m.live.serverDown(down.join(', ')) : null;
      const key = down.length > 0 ? `down:${down.join(',')}` : '';
      const news = heard && key !== connectionKey;
      if (news) connectionKey = key;
      set((old) => ({
        ...data,
        ...(heard && { status: 'running' as const }),
        ...(news && say(notice)),
        clientOps: clientOps.snapshot(),
        version: old.version + 1,
        ...extra,
      }));
    };

    const actions = new LiveActions({
      fetch: fetchImpl,
      map: () => source?.map() ?? { ids: [], urls: new Map(), launcher: null },
      alive: (id) => source?.watched.get(id)?.alive ?? false,
      leader: () => get().leader,
      clientOps,
      now: () => get().now,
      done: (problem) => refresh({ problem: problem ?? connectionNotice }),
    });

    const notHere = (): Promise<void> => {
      set({ problem: (m) => m.live.notApplicable });
      return Promise.resolve();
    };

    const initial: PlaygroundData = {
      ...initialData({ seed: 0 }),
      playing: true,
      speed: 1,
      version: 0,
      problem: connectionNotice,
      live: { url: options.url },
    };

    return {
      ...initial,
      start: () => {
        source?.stop();
        epochMs = clock();
        source = new LiveSource({
          url: options.url,
          open,
          clock,
          onChange: () => refresh(),
          onTrouble: (trouble) => {
            connectionKey = 'trouble';
            set({
              status: 'failed',
              ...say(
                trouble === 'unreachable'
                  ? (m) => m.live.unreachable(options.url)
                  : (m) => m.live.notAServer(options.url),
              ),
            });
          },
        });
        source.start();
        redraw = setInterval(() => {
          if (get().inFlight > 0 || get().view.drops.length > 0) refresh();
        }, LIVE_REDRAW_MS);
        return Promise.resolve();
      },
      stop: () => {
        source?.stop();
        source = null;
        if (redraw) clearInterval(redraw);
        redraw = null;
        set({ status: 'stopped' });
        return Promise.resolve();
      },
      reset: notHere,
      play: notHere,
      pause: notHere,
      step: notHere,
      setSpeed: () => void notHere(),
      propose: notHere,
      crash: (id) => actions.crash(id),
      restart: (id) => actions.restart(id),
      isolate: (id) => actions.isolate(id),
      heal: () => actions.heal(),
      setDropRate: notHere,
      setDuplicateRate: notHere,
      clientOp: (client, kind, argument, opOptions = {}) =>
        actions.clientOp(client, kind, argument, opOptions.stale ?? false),
      select: (selection) => set({ selection }),
      hover: (hovered) => set({ hovered }),
      setViewShown: () => undefined,
      coordinator: () => null,
      act: (work) => actions.act(work),
      travel: notHere,
      toPresent: notHere,
      dismissForkNotice: () => set({ forkNotice: null }),
      playUntil: notHere,
    };
  });
}
