import type { MembershipChange, NodeId } from '../raft';
import type { NodeEvent } from '../sim/events';
import type { NodeAction } from '../sim/host';
import type { Envelope, NetworkSnapshot } from '../sim/network';
import type { ResolvedOptions } from '../sim/options';

/**
 * Messages between the coordinator (page) and a node's Worker.
 *
 * Virtual time moves in windows. A message sent at t arrives at t + L or
 * later, L being the minimum latency, so within [start, start + L) no node
 * can receive anything another node sends in that window: every worker runs
 * its own instants of the window in parallel, without talking to the
 * coordinator in between. A worker posts what a command sends as one batch
 * per link. Before a window, the coordinator tells each worker how many
 * batches it must have received on each link (per sender incarnation): every
 * one holding a message due in the window, and those before it. The worker
 * waits for them, so the threads may race yet the run is the same as the
 * headless one.
 *
 * A window's report and batches leave as soon as its instants have run and
 * its writes are handed to the disk, which commits them meanwhile (see
 * worker-core.ts for why that keeps persist-before-send); receivers wait
 * for batches by count.
 *
 * Inputs for a node (a proposal, a client's request) ride in its next 'run'
 * command rather than a round trip of their own; that window then ends
 * before anything they send can be due.
 */
export type ToWorker =
  | {
      readonly kind: 'init';
      readonly id: NodeId;
      /**
       * The bootstrap configuration for a first server, whose new disk holds
       * the options' initial log; empty for one added later, whose disk starts empty.
       */
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
  /**
   * Wait until the expected batches have arrived and everything written is
   * on disk, then report.
   */
  | { readonly kind: 'sync'; readonly expect: Expectation }
  /**
   * Could the node, if it leads, make `change` now (dissertation §4.1)? It
   * changes nothing; the answer tells the coordinator whether to take the
   * input at all, as the headless cluster refuses it before logging it.
   */
  | { readonly kind: 'check'; readonly change: MembershipChange }
  /**
   * Wait for the expected batches, apply `inputs` in order, then run every
   * instant t <= untilMs. No `network`: the one the worker last had.
   */
  | {
      readonly kind: 'run';
      readonly untilMs: number;
      readonly expect: Expectation;
      readonly network?: NetworkSnapshot;
      readonly inputs?: readonly NodeInput[];
    };

/**
 * An input for one node, applied at nowMs after that instant's events and
 * before any later instant, with the network as it was then (no `network`:
 * the one the worker last had). The coordinator carries it in the node's
 * next command instead of a round trip of its own.
 */
export interface NodeInput {
  readonly nowMs: number;
  readonly network?: NetworkSnapshot;
  readonly action: NodeAction;
}

/** from -> sender incarnation -> how many batches must have arrived. */
export type Expectation = Readonly<Record<NodeId, Readonly<Record<number, number>>>>;

export type FromWorker =
  /** The node started from its disk: its report holds the 'start' event. */
  | { readonly kind: 'started'; readonly report: WindowReport }
  /** The answer to 'check': why the change cannot be made now, or null. */
  | { readonly kind: 'checked'; readonly report: WindowReport; readonly problem: string | null }
  | {
      readonly kind: 'done';
      readonly report: WindowReport;
      /** What each of the command's inputs returned, in order (a proposal's place in the log). */
      readonly results?: readonly ({ index: number; term: number } | null)[];
      /** Where each input's events end in the report's telemetry; the window's follow. */
      readonly inputEnds?: readonly number[];
    }
  | {
      readonly kind: 'error';
      readonly message: string;
      /**
       * A write could not commit after messages depending on it had left:
       * the disk may lack what the node promised, so it must not restart.
       */
      readonly diskLost?: true;
    };

/** What a worker tells the coordinator after each window or input. */
export interface WindowReport {
  readonly nextDueAt: number;
  /**
   * to -> the earliest deliverAt in the batch this command sends on that
   * link (no entry: no batch), posted before the report.
   */
  readonly batches: Readonly<Record<NodeId, number>>;
  /** What the node did since its last report, in order: the cluster core hashes and checks it. */
  readonly telemetry: readonly NodeEvent[];
}

/** Envelopes posted on a peer port by one incarnation of a node: one batch per command, if any. */
export interface LinkBatch {
  readonly from: NodeId;
  readonly incarnation: number;
  readonly envelopes: readonly Envelope[];
}
