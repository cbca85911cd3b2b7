import type { ClientCommand, ServiceResponse } from '../app';
import type { NodeId } from '../raft';

/** A request from a client to one server. */
export interface ClientRequest {
  /** Unique within a run: names the attempt, so a late answer can be told apart. */
  readonly requestId: number;
  /** Unstamped: the leader writes its time into a write when it appends it. */
  readonly command: ClientCommand;
  /** getState only: answer from this server's applied state at once (§6.4's stale read). */
  readonly stale?: boolean;
}

/** What a server answers. */
export type ClientReply =
  | {
      readonly requestId: number;
      readonly from: NodeId;
      readonly kind: 'response';
      readonly response: ServiceResponse;
      /** A read the leader served within its lease, without a round of heartbeats (§6.4.1). */
      readonly lease?: true;
    }
  /** Not the leader: ask `leaderHint` (or another server, if null). */
  | {
      readonly requestId: number;
      readonly from: NodeId;
      readonly kind: 'redirect';
      readonly leaderHint: NodeId | null;
    }
  /** This server lost leadership before the write committed: it may or may not take effect. */
  | {
      readonly requestId: number;
      readonly from: NodeId;
      readonly kind: 'unknown';
      readonly reason: string;
    };
