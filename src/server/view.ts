/**
 * What a server shows of itself: `GET /status`, and the frames `/events`
 * streams to a page that watches the cluster (src/ui/live reads them into
 * the playground's views). Every list in it is bounded.
 */
import { listUsers } from '../app';
import type { Replica } from './replica';
import type { Transport } from './transport';
import { describeCommand } from './wire';

/** Entries at the end of the log that the view shows. */
export const LOG_VIEW_ENTRIES = 20;
/** Users whose applied state the view shows (the first, by name). */
export const USERS_VIEW_MAX = 50;

export function serverView(
  replica: Replica,
  transport: Transport,
  /** The launcher's control address (crash, restart), or null when no launcher runs this server. */
  launcher: string | null,
): Record<string, unknown> {
  const n = replica.node;
  const progress: Record<number, { nextIndex: number; matchIndex: number }> = {};
  if (n.role === 'leader')
    for (const id of transport.peerIds) {
      const p = id === n.id ? undefined : n.progress(id);
      if (p) progress[id] = { nextIndex: p.nextIndex, matchIndex: p.matchIndex };
    }
  return {
    id: n.id,
    role: n.role,
    term: n.currentTerm,
    votedFor: n.votedFor,
    leader: n.leaderId,
    commitIndex: n.commitIndex,
    lastApplied: n.lastApplied,
    lastIndex: n.log.lastIndex(),
    snapshotIndex: n.log.snapshotIndex,
    snapshotTerm: n.log.snapshotTerm,
    catchingUp: n.catchingUp,
    servers: transport.peerIds,
    cut: transport.cuts(),
    peers: Object.fromEntries(transport.httpUrls),
    launcher,
    // This server's wall clock, so a watcher can place `wire` on its own.
    now: Date.now(),
    log: n.log
      .slice(
        Math.max(n.log.snapshotIndex + 1, n.log.lastIndex() - LOG_VIEW_ENTRIES + 1),
        n.log.lastIndex() + 1,
      )
      .map((e) => ({ index: e.index, term: e.term, ...describeCommand(e.command) })),
    progress,
    users: listUsers(replica.service).slice(0, USERS_VIEW_MAX),
    wire: transport.wire.recent(),
  };
}
