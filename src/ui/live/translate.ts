/**
 * A live cluster's frames (src/server/view.ts, streamed by /events) read
 * into the shapes the playground's views read from the store: the same
 * ring, logs, state and progress. Pure: the live source and its tests feed
 * it frames and clocks.
 */
import type { Message } from '../../raft/index.ts';
import type { Envelope, NodeId, Role } from '../../sim/index.ts';
import type { NodeSnapshot, PlaygroundData } from '../store.ts';
import { DROP_SHOW_VIRTUAL_MS, type ClusterViewData, type DropMark } from '../ring/clusterView.ts';
import { cutOffServers, linkStates } from '../ring/links.ts';
import type { FollowerProgress, UserState } from '../views/index.ts';

/**
 * How long a message is drawn on its link, in ms. On one machine a message
 * arrives in well under a millisecond, too fast to see: the ring shows
 * each one for this long after it left, slowed down, in wall time.
 */
export const LIVE_FLIGHT_SHOW_MS = 250;
/** The servers' default election timeout (src/server/config.ts), for the ring's scale. */
const LIVE_ELECTION_TIMEOUT_MS: readonly [number, number] = [300, 600];

export interface WireView {
  readonly seq: number;
  /** The sender's wall clock when it left (or, lost on arrival, arrived), ms. */
  readonly at: number;
  readonly message: Message;
  readonly lost: 'cut' | 'down' | null;
  readonly atSender: boolean;
}

/** One frame of a server's /events (src/server/view.ts). */
export interface ServerView {
  readonly id: NodeId;
  readonly role: Role;
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly leader: NodeId | null;
  readonly commitIndex: number;
  readonly lastApplied: number;
  readonly lastIndex: number;
  readonly snapshotIndex: number;
  readonly snapshotTerm: number;
  readonly servers: readonly NodeId[];
  readonly cut: { readonly out: readonly NodeId[]; readonly in: readonly NodeId[] };
  /** Each server's HTTP address, as far as this one knows. */
  readonly peers: Readonly<Record<string, string>>;
  readonly launcher: string | null;
  readonly now: number;
  readonly log: readonly {
    readonly index: number;
    readonly term: number;
    readonly kind: string;
    readonly user?: string;
  }[];
  readonly progress: Readonly<Record<string, FollowerProgress>>;
  readonly users: readonly UserState[];
  readonly wire: readonly WireView[];
}

const ROLES: readonly string[] = ['follower', 'precandidate', 'candidate', 'leader'];

/** A frame as a ServerView, or null if it is not one (another program on that port). */
export function readServerView(data: unknown): ServerView | null {
  if (typeof data !== 'object' || data === null) return null;
  const v = data as Partial<Record<keyof ServerView, unknown>>;
  const numbers = [v.id, v.term, v.commitIndex, v.lastApplied, v.lastIndex, v.now];
  if (!numbers.every((x) => typeof x === 'number')) return null;
  if (typeof v.role !== 'string' || !ROLES.includes(v.role)) return null;
  if (![v.servers, v.log, v.users, v.wire].every(Array.isArray)) return null;
  if (typeof v.cut !== 'object' || v.cut === null || typeof v.peers !== 'object') return null;
  return data as ServerView;
}

/** What the page knows of one server: its last frame, and whether its stream is open. */
export interface Watched {
  readonly view: ServerView;
  readonly alive: boolean;
  /** The page's clock minus the server's, ms (measured when the frame came, so it includes the trip). */
  readonly offsetMs: number;
}

/** The store's fields a live cluster fills. */
export type LiveData = Pick<
  PlaygroundData,
  | 'now'
  | 'nodes'
  | 'viewNodes'
  | 'viewNow'
  | 'leader'
  | 'users'
  | 'progress'
  | 'view'
  | 'inFlight'
  | 'isolated'
  | 'workers'
>;

/** One server as the views show it; a server whose stream is closed is down, with its last log. */
export function nodeSnapshot(id: NodeId, w: Watched | undefined): NodeSnapshot {
  const v = w?.view;
  const log = (v?.log ?? []).map((e) => ({
    index: e.index,
    term: e.term,
    command: e.user === undefined ? { kind: e.kind } : { kind: e.kind, user: e.user },
  }));
  // The frame shows the end of the log only: what comes before it is drawn as
  // a snapshot would be (the server holds it, in its log or its snapshot).
  const before = (log[0]?.index ?? (v?.lastIndex ?? 0) + 1) - 1;
  const alive = w?.alive ?? false;
  return {
    id,
    alive,
    role: alive && v ? v.role : 'follower',
    term: v?.term ?? 0,
    votedFor: v?.votedFor ?? null,
    log,
    commitIndex: alive ? (v?.commitIndex ?? 0) : 0,
    lastApplied: alive ? (v?.lastApplied ?? 0) : 0,
    snapshotIndex: before,
    snapshotTerm: before === v?.snapshotIndex ? v.snapshotTerm : 0,
    error: null,
  };
}

/**
 * The whole page's data from the servers' latest frames, at page time
 * `nowMs` (the page's wall clock); times on the page count from `epochMs`.
 */
export function liveData(
  ids: readonly NodeId[],
  watched: ReadonlyMap<NodeId, Watched>,
  nowMs: number,
  epochMs: number,
  shownIsolated: readonly NodeId[] = [],
): LiveData {
  const alive = ids.flatMap((id) => {
    const w = watched.get(id);
    return w?.alive ? [w] : [];
  });
  const nodes = ids.map((id) => nodeSnapshot(id, watched.get(id)));
  const leaderView = alive
    .map((w) => w.view)
    .filter((v) => v.role === 'leader')
    .sort((a, b) => b.term - a.term)[0];
  const isUp = (from: NodeId, to: NodeId): boolean => {
    const f = watched.get(from);
    const t = watched.get(to);
    const outCut = f?.alive === true && f.view.cut.out.includes(to);
    const inCut = t?.alive === true && t.view.cut.in.includes(from);
    return !outCut && !inCut;
  };
  const links = linkStates(ids, isUp);
  const flights: Envelope[] = [];
  const drops: DropMark[] = [];
  const now = nowMs - epochMs;
  for (const w of alive)
    for (const r of w.view.wire) {
      const at = r.at + w.offsetMs - epochMs;
      const { message } = r;
      if (r.lost === null) {
        if (now >= at + LIVE_FLIGHT_SHOW_MS || !ids.includes(message.to)) continue;
        flights.push({
          message,
          from: message.from,
          to: message.to,
          sentAt: at,
          deliverAt: at + LIVE_FLIGHT_SHOW_MS,
          incarnation: 0,
          seq: r.seq,
          duplicate: false,
        });
      } else if (now - at < DROP_SHOW_VIRTUAL_MS) {
        drops.push({
          // Unique per sender and record: a stable key, so each fade plays once.
          key: w.view.id * 2 ** 32 + r.seq,
          from: message.from,
          to: message.to,
          type: message.type,
          atSender: r.atSender,
          at,
        });
      }
    }
  const view: ClusterViewData = {
    flights,
    links,
    timerResets: new Map(),
    electionTimeoutMs: LIVE_ELECTION_TIMEOUT_MS,
    drops,
  };
  const users: Record<NodeId, readonly UserState[] | undefined> = {};
  for (const id of ids) {
    const w = watched.get(id);
    users[id] = w?.alive ? w.view.users : undefined;
  }
  const progress: Record<NodeId, FollowerProgress> = {};
  for (const [id, p] of Object.entries(leaderView?.progress ?? {}))
    progress[Number(id)] = { nextIndex: p.nextIndex, matchIndex: p.matchIndex };
  return {
    now,
    viewNow: now,
    nodes,
    viewNodes: nodes,
    leader: leaderView?.id ?? null,
    users: users,
    progress,
    view,
    inFlight: flights.length,
    isolated: cutOffServers(shownIsolated, [], ids, links),
    workers: alive.length,
  };
}

/** The servers of the cluster and their HTTP addresses, from every frame seen. */
export function clusterMap(watched: ReadonlyMap<NodeId, Watched>): {
  ids: NodeId[];
  urls: Map<NodeId, string>;
  launcher: string | null;
} {
  const ids = new Set<NodeId>();
  const urls = new Map<NodeId, string>();
  let launcher: string | null = null;
  for (const w of watched.values()) {
    for (const id of w.view.servers) ids.add(id);
    for (const [id, url] of Object.entries(w.view.peers)) urls.set(Number(id), url);
    launcher ??= w.view.launcher;
  }
  return { ids: [...ids].sort((a, b) => a - b), urls, launcher };
}
