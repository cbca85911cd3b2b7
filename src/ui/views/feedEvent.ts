import type { ServiceValue } from '../../app/index.ts';
import type { Message } from '../../raft/index.ts';
import type { DropReason, NodeId, Role } from '../../sim/index.ts';

/**
 * One thing that happened, normalized from either source of events: the
 * headless trace ring (src/sim/trace.ts) or the Worker runtime's telemetry
 * (src/runtime/protocol.ts), plus the input log for crashes and cuts.
 * describeEvent.ts turns it into a sentence.
 */
export type FeedEvent = FeedHappening & {
  /** Order of arrival, unique within a feed: a stable key for a list. */
  readonly seq: number;
  /** Virtual time, ms. */
  readonly at: number;
};

export type FeedHappening =
  /**
   * A server that became a candidate (§5.2): its election timer ran out, or
   * (afterPreVote) it won a pre-vote first.
   */
  | {
      readonly type: 'timeout';
      readonly node: NodeId;
      readonly term: number;
      readonly afterPreVote: boolean;
    }
  /** A follower whose timer ran out asks first whether it could win term `term` (PreVote, §9.6). */
  | { readonly type: 'preVote'; readonly node: NodeId; readonly term: number }
  /** votes: counted from the replies seen (with its own), null when not all were seen. */
  | {
      readonly type: 'elected';
      readonly node: NodeId;
      readonly term: number;
      readonly votes: number | null;
    }
  | {
      readonly type: 'stepDown';
      readonly node: NodeId;
      readonly term: number;
      readonly was: Role;
      /** A leader that steps down without a higher term: it lost its majority, or left the configuration. */
      readonly why?: 'lostQuorum' | 'leftConfig';
    }
  /** A snapshot taken of the server's own state machine, or installed from the leader's (Raft §7). */
  | {
      readonly type: 'snapshot';
      readonly node: NodeId;
      readonly index: number;
      readonly term: number;
      readonly installed: boolean;
    }
  /** The user asked for a membership change (dissertation §4.1). */
  | { readonly type: 'addServer' | 'removeServer'; readonly node: NodeId }
  /** A leader appended a configuration entry: it takes effect at once (§4.1). */
  | {
      readonly type: 'config';
      readonly node: NodeId;
      readonly voters: readonly NodeId[];
      readonly learners: readonly NodeId[];
    }
  /** A follower that learned of a newer term from a message (§5.1). */
  | { readonly type: 'newTerm'; readonly node: NodeId; readonly term: number }
  | {
      readonly type: 'vote';
      readonly node: NodeId;
      readonly candidate: NodeId;
      readonly term: number;
    }
  /** Entries written to the log from index `from`; replaced: it overwrote entries it had. */
  | {
      readonly type: 'append';
      readonly node: NodeId;
      readonly from: number;
      readonly count: number;
      readonly firstTerm: number | null;
      readonly lastTerm: number;
      readonly replaced: boolean;
    }
  | { readonly type: 'commit'; readonly node: NodeId; readonly commitIndex: number }
  | { readonly type: 'apply'; readonly node: NodeId; readonly index: number; readonly term: number }
  | { readonly type: 'send'; readonly message: Message }
  | { readonly type: 'deliver'; readonly message: Message }
  /** atSender: lost on the way out (true), on arrival (false), or not known (null). */
  | {
      readonly type: 'drop';
      readonly from: NodeId;
      readonly to: NodeId;
      readonly messageType: Message['type'];
      readonly reason: DropReason | 'crash';
      readonly atSender: boolean | null;
    }
  | { readonly type: 'crash' | 'restart' | 'timeoutNow' | 'propose'; readonly node: NodeId }
  /** The user asked leader `node` to hand leadership to `target` (§3.10). */
  | { readonly type: 'transfer'; readonly node: NodeId; readonly target: NodeId }
  | { readonly type: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  | { readonly type: 'heal' }
  | { readonly type: 'link'; readonly from: NodeId; readonly to: NodeId; readonly up: boolean }
  | { readonly type: 'rate'; readonly which: 'drop' | 'duplicate'; readonly rate: number }
  /** A client asks for an operation (the input log). */
  | {
      readonly type: 'clientOp';
      readonly client: string;
      readonly op: 'login' | 'setState' | 'getState';
      readonly user?: string;
      readonly state?: string;
      readonly stale?: boolean;
    }
  /** A server receives a client's request. */
  | {
      readonly type: 'request';
      readonly node: NodeId;
      readonly requestId: number;
      readonly op: 'login' | 'setState' | 'getState';
      readonly client: string | null;
      readonly user: string;
    }
  | {
      readonly type: 'reply';
      readonly node: NodeId;
      readonly requestId: number;
      readonly client: string | null;
      readonly outcome: 'ok' | 'error' | 'redirect' | 'unknown';
      readonly detail: ReplyDetail;
    };

/** What a reply says, as data, so the feed says it in the page's language. */
export type ReplyDetail =
  /** Not the leader: try `leader`, or another server when null. */
  | { readonly kind: 'redirect'; readonly leader: NodeId | null }
  | { readonly kind: 'value'; readonly value: ServiceValue; readonly lease?: true }
  /** The service refused: its ErrorCode and English sentence, and the user the request named. */
  | { readonly kind: 'error'; readonly code: string; readonly text: string; readonly user: string }
  /** Why the outcome is unknown, in the server's words. */
  | { readonly kind: 'reason'; readonly text: string };

/** The groups the feed can be filtered by. */
export type FeedKind = 'elections' | 'replication' | 'messages' | 'faults' | 'clients';

export const FEED_KINDS: readonly FeedKind[] = [
  'elections',
  'replication',
  'messages',
  'faults',
  'clients',
];

const KIND: Readonly<Record<FeedHappening['type'], FeedKind>> = {
  timeout: 'elections',
  preVote: 'elections',
  elected: 'elections',
  stepDown: 'elections',
  newTerm: 'elections',
  vote: 'elections',
  timeoutNow: 'elections',
  transfer: 'elections',
  snapshot: 'replication',
  config: 'replication',
  addServer: 'faults',
  removeServer: 'faults',
  append: 'replication',
  commit: 'replication',
  apply: 'replication',
  propose: 'replication',
  send: 'messages',
  deliver: 'messages',
  drop: 'messages',
  crash: 'faults',
  restart: 'faults',
  partition: 'faults',
  heal: 'faults',
  link: 'faults',
  rate: 'faults',
  clientOp: 'clients',
  request: 'clients',
  reply: 'clients',
};

export function kindOf(e: FeedHappening): FeedKind {
  return KIND[e.type];
}

/** The servers an event involves, for the filter by server. */
export function nodesOf(e: FeedHappening): NodeId[] {
  switch (e.type) {
    case 'send':
    case 'deliver':
      return [e.message.from, e.message.to];
    case 'drop':
    case 'link':
      return [e.from, e.to];
    case 'vote':
      return [e.node, e.candidate];
    case 'transfer':
      return [e.node, e.target];
    case 'partition':
      return e.groups.flat();
    case 'heal':
    case 'rate':
    case 'clientOp':
      return [];
    default:
      return [e.node];
  }
}

export interface FeedFilter {
  readonly kinds: ReadonlySet<FeedKind>;
  /** Only events involving this server; null for all. */
  readonly node: NodeId | null;
}

/** The newest `limit` events that pass the filter, newest first. */
export function filterFeed(
  events: readonly FeedEvent[],
  filter: FeedFilter,
  limit: number,
): FeedEvent[] {
  const out: FeedEvent[] = [];
  for (let k = events.length - 1; k >= 0 && out.length < limit; k--) {
    const e = events[k];
    if (!e || !filter.kinds.has(kindOf(e))) continue;
    if (filter.node !== null && !nodesOf(e).includes(filter.node)) continue;
    out.push(e);
  }
  return out;
}

/** Appends to a bounded list, dropping the oldest: a new array, the old one untouched. */
export function appendBounded<T>(list: readonly T[], added: readonly T[], max: number): T[] {
  const next = list.concat(added);
  return next.length > max ? next.slice(next.length - max) : next;
}
