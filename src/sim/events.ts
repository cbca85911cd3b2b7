import type { ClusterConfig, LogEntry, MessageType, NodeId, Role, Snapshot } from '../raft';
import type { ServiceResponse } from '../app';
import { Hash64 } from '../check/hash';
import type { ClientReply, ClientRequest } from './client-protocol';
import type { DropReason, Envelope } from './network';

/** A node's volatile state (Raft Figure 2), reported when it starts and whenever it changes. */
export interface SoftState {
  readonly role: Role;
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly commitIndex: number;
  readonly leaderId: NodeId | null;
}

/**
 * Everything a node does that the outside may watch, as a node host emits
 * it, once. The one stream every reader takes: the trace hash, the trace
 * ring, the safety checker, the cluster's mirror of each node, the Worker
 * runtime's reports and the page. `node` is the node that did it; `at` is
 * the virtual time, in ms.
 */
export type NodeEvent =
  /**
   * An incarnation started from its disk, in this state; `config` is what its
   * log and snapshot put in effect. Its commitIndex (its snapshot's) is no
   * commit it made now.
   */
  | ({
      readonly kind: 'start';
      readonly node: NodeId;
      readonly at: number;
      readonly incarnation: number;
      readonly config: ClusterConfig;
    } & SoftState)
  | {
      readonly kind: 'send';
      readonly node: NodeId;
      readonly at: number;
      readonly envelope: Envelope;
    }
  | {
      readonly kind: 'deliver';
      readonly node: NodeId;
      readonly at: number;
      readonly envelope: Envelope;
    }
  /** A message lost at the sender's end of its link (`atSender`) or at the receiver's. */
  | {
      readonly kind: 'drop';
      readonly node: NodeId;
      readonly at: number;
      readonly from: NodeId;
      readonly to: NodeId;
      readonly type: MessageType;
      readonly reason: DropReason | 'crash';
      readonly atSender: boolean;
    }
  /** The node's state after a step that changed it; `config`: what its log puts in effect (§4.1). */
  | ({
      readonly kind: 'state';
      readonly node: NodeId;
      readonly at: number;
      readonly config: ClusterConfig;
    } & SoftState)
  /**
   * The node's log on disk now: entries from `from` on replaced by
   * `entries`. `role` is its role once the step is done (a leader that
   * stepped down is a follower); `lastTerm` the term of its log's last entry;
   * `config`, present when these entries changed the configuration in effect
   * (a server uses one as soon as it is in its log, dissertation §4.1).
   */
  | {
      readonly kind: 'persist';
      readonly node: NodeId;
      readonly at: number;
      readonly from: number;
      readonly entries: readonly LogEntry[];
      readonly role: Role;
      readonly lastTerm: number;
      readonly config?: ClusterConfig;
    }
  /** A snapshot stored (Raft §7): taken by the node, or installed from the leader. */
  | {
      readonly kind: 'snapshot';
      readonly node: NodeId;
      readonly at: number;
      readonly snapshot: Snapshot;
      readonly install: boolean;
    }
  | {
      readonly kind: 'apply';
      readonly node: NodeId;
      readonly at: number;
      readonly entry: LogEntry;
      readonly result: ServiceResponse | null;
    }
  | {
      readonly kind: 'request';
      readonly node: NodeId;
      readonly at: number;
      readonly request: ClientRequest;
    }
  | {
      readonly kind: 'reply';
      readonly node: NodeId;
      readonly at: number;
      readonly reply: ClientReply;
    };

const MESSAGE_CODE: Record<MessageType, number> = {
  RequestVote: 1,
  RequestVoteResponse: 2,
  AppendEntries: 3,
  AppendEntriesResponse: 4,
  TimeoutNow: 5,
  InstallSnapshot: 6,
};
const DROP_CODE: Record<DropReason, number> = { cut: 1, loss: 2, down: 3 };
const ROLE_CODE: Record<Role, number> = { follower: 1, candidate: 2, leader: 3, precandidate: 4 };
const REPLY_CODE: Record<ClientReply['kind'], number> = { response: 1, redirect: 2, unknown: 3 };
const enum Ev {
  Send = 1,
  Drop = 2,
  Deliver = 3,
  State = 4,
  Persist = 5,
  Apply = 6,
  Start = 7,
  Request = 8,
  Reply = 9,
  Snapshot = 10,
}

/**
 * Feeds one event into its node incarnation's trace hash: numbers, not
 * formatted lines, to keep the hot path cheap. Messages lost in a crash are
 * left out: in the browser the thread is gone before it could report them.
 */
export function hashEvent(h: Hash64, e: NodeEvent): void {
  switch (e.kind) {
    case 'start':
      h.add(Ev.Start).add(e.at).add(e.incarnation);
      return;
    case 'send': {
      const v = e.envelope;
      h.add(Ev.Send).add(e.at).add(v.to).add(MESSAGE_CODE[v.message.type]);
      h.add(v.message.term).add(v.deliverAt);
      return;
    }
    case 'deliver': {
      const v = e.envelope;
      h.add(Ev.Deliver).add(e.at).add(v.from).add(v.incarnation).add(v.seq);
      return;
    }
    case 'drop':
      if (e.reason === 'crash') return;
      h.add(Ev.Drop)
        .add(e.at)
        .add(e.atSender ? e.to : e.from);
      h.add(MESSAGE_CODE[e.type]).add(DROP_CODE[e.reason]);
      return;
    case 'state':
      h.add(Ev.State).add(e.at).add(ROLE_CODE[e.role]).add(e.term);
      h.add(e.votedFor ?? 0).add(e.commitIndex);
      return;
    case 'persist':
      h.add(Ev.Persist).add(e.at).add(e.from).add(e.entries.length).add(e.lastTerm);
      return;
    case 'snapshot':
      h.add(Ev.Snapshot).add(e.at).add(e.snapshot.index).add(e.snapshot.term);
      h.add(e.install ? 1 : 0);
      return;
    case 'apply':
      h.add(Ev.Apply).add(e.at).add(e.entry.index).add(e.entry.term);
      return;
    case 'request':
      h.add(Ev.Request).add(e.at).add(e.request.requestId);
      return;
    case 'reply':
      h.add(Ev.Reply).add(e.at).add(e.reply.requestId).add(REPLY_CODE[e.reply.kind]);
      return;
  }
}
