import type { ServiceResponse } from '../app';
import type { LogEntry, NodeId, Role } from '../raft';
import type { ClientReply, ClientRequest } from '../sim/client-protocol';
import type { Envelope, DropReason, NetworkSnapshot } from '../sim/network';
import type { ResolvedOptions } from '../sim/options';

/**
 * Messages between the coordinator (page) and a node's Worker.
 *
 * Virtual time moves in windows. A message sent at t arrives at t + L or
 * later, L being the minimum latency, so within [start, start + L) no node
 * can receive anything another node sends in that window: every worker runs
 * its own instants of the window in parallel, without talking to the
 * coordinator in between. Before a window, the coordinator tells each worker
 * how many messages it must have received on each link (per sender
 * incarnation); the worker waits for them, so the threads may race yet the
 * run is the same as the headless one.
 */
export type ToWorker =
  | {
      readonly kind: 'init';
      readonly id: NodeId;
      readonly peers: readonly NodeId[];
      readonly incarnation: number;
      readonly options: ResolvedOptions;
      readonly network: NetworkSnapshot;
      /** Where the node's disk lives (an IndexedDB database name in the browser). */
      readonly diskName: string;
      readonly nowMs: number;
    }
  /** A port to send to and receive from `peer` (its incarnation `peerIncarnation`). */
  | { readonly kind: 'connect'; readonly peer: NodeId; readonly port: MessagePort }
  /** Wait until the expected envelopes have arrived, then report. */
  | { readonly kind: 'sync'; readonly expect: Expectation }
  /** Run every instant t <= untilMs. */
  | {
      readonly kind: 'run';
      readonly untilMs: number;
      readonly expect: Expectation;
      readonly network: NetworkSnapshot;
    }
  /** Apply a client input at nowMs, after that instant's events. */
  | {
      readonly kind: 'input';
      readonly nowMs: number;
      readonly action:
        | { readonly kind: 'propose'; readonly command: unknown }
        | { readonly kind: 'timeoutNow' }
        | { readonly kind: 'transferLeadership'; readonly target: NodeId }
        | { readonly kind: 'client'; readonly request: ClientRequest };
      readonly expect: Expectation;
      readonly network: NetworkSnapshot;
    };

/** from -> sender incarnation -> how many envelopes must have arrived. */
export type Expectation = Readonly<Record<NodeId, Readonly<Record<number, number>>>>;

export type FromWorker =
  | { readonly kind: 'started'; readonly report: WindowReport }
  | {
      readonly kind: 'done';
      readonly report: WindowReport;
      readonly result?: { index: number; term: number } | null;
    }
  | { readonly kind: 'error'; readonly message: string };

/** What a worker tells the coordinator after each window or input. */
export interface WindowReport {
  readonly nextDueAt: number;
  /** to -> envelopes posted on that link by this incarnation so far. */
  readonly sentTotal: Readonly<Record<NodeId, number>>;
  /** to -> earliest deliverAt among envelopes posted in this window. */
  readonly earliestSent: Readonly<Record<NodeId, number>>;
  /** This incarnation's trace hash so far. */
  readonly traceHash: string;
  readonly telemetry: readonly Telemetry[];
}

/** Compact events for the page and the coordinator's safety checker. */
export type Telemetry =
  | { readonly k: 'send'; readonly e: Envelope }
  | { readonly k: 'deliver'; readonly e: Envelope; readonly at: number }
  | {
      readonly k: 'drop';
      readonly from: NodeId;
      readonly to: NodeId;
      readonly type: string;
      readonly reason: DropReason | 'crash';
      readonly atSender: boolean;
      readonly at: number;
    }
  | {
      readonly k: 'state';
      readonly at: number;
      readonly role: Role;
      readonly term: number;
      readonly votedFor: NodeId | null;
      readonly commitIndex: number;
      readonly leaderId: NodeId | null;
    }
  | {
      readonly k: 'persist';
      readonly at: number;
      readonly from: number;
      readonly entries: readonly LogEntry[];
      readonly role: Role;
    }
  | {
      readonly k: 'apply';
      readonly at: number;
      readonly entry: LogEntry;
      readonly result: ServiceResponse | null;
    }
  | { readonly k: 'request'; readonly at: number; readonly request: ClientRequest }
  | { readonly k: 'reply'; readonly at: number; readonly reply: ClientReply };

/** Envelopes posted on a peer port: one batch per window. */
export type LinkBatch = readonly Envelope[];
