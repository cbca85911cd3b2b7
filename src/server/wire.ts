/**
 * The messages a server sent lately, for a page that watches the cluster
 * (events.ts): each with when it left (this server's wall clock) and
 * whether this end of the link dropped it. Bounded in count and in age. A
 * message for a watcher is a summary: an entry's command is its kind and
 * user (never a password digest), a snapshot's data is left out.
 */
import type { Message } from '../raft';

/** Most messages kept. */
export const WIRE_RECORDS_MAX = 64;
/** A message older than this is not shown, in ms. */
export const WIRE_VIEW_MS = 1_000;

/** cut: this end of the link drops it; down: no connection to the peer (it is down or unreachable). */
export type WireLoss = 'cut' | 'down';

export interface WireRecord {
  /** Per server, from 1: with the sender's id, a key for the watcher. */
  readonly seq: number;
  /** Date.now() when it was sent or, for a message dropped on arrival, received. */
  readonly at: number;
  readonly message: Message;
  readonly lost: WireLoss | null;
  /** Lost at the sender's end (a cut out, no connection) or at the receiver's (a cut in). */
  readonly atSender: boolean;
}

export class WireLog {
  private records: WireRecord[] = [];
  private seq = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  sent(m: Message, lost: WireLoss | null): void {
    this.add(m, lost, true);
  }

  /** A message this end dropped on arrival (a link cut in). */
  droppedOnArrival(m: Message): void {
    this.add(m, 'cut', false);
  }

  /** The records of the last WIRE_VIEW_MS, oldest first. */
  recent(): readonly WireRecord[] {
    const since = this.clock() - WIRE_VIEW_MS;
    return this.records.filter((r) => r.at >= since);
  }

  private add(m: Message, lost: WireLoss | null, atSender: boolean): void {
    this.records.push({ seq: ++this.seq, at: this.clock(), message: summary(m), lost, atSender });
    if (this.records.length > WIRE_RECORDS_MAX) this.records.shift();
  }
}

function summary(m: Message): Message {
  if (m.type === 'AppendEntries')
    return {
      ...m,
      entries: m.entries.map((e) => ({
        index: e.index,
        term: e.term,
        command: describeCommand(e.command),
      })),
    };
  if (m.type === 'InstallSnapshot') return { ...m, data: null };
  return m;
}

/** What a log entry holds, for a person: its kind and user, never a password digest. */
export function describeCommand(command: unknown): { kind: string; user?: string } {
  const c = (typeof command === 'object' && command !== null ? command : {}) as {
    kind?: unknown;
    user?: unknown;
  };
  const kind = typeof c.kind === 'string' ? c.kind : 'unknown';
  return typeof c.user === 'string' ? { kind, user: c.user } : { kind };
}
