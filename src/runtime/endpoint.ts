import type { NodeId } from '../raft';
import type { FromWorker, ToWorker } from './protocol';

/** The coordinator's handle on one node's thread: a Web Worker in the page. */
export interface Endpoint {
  post(message: ToWorker, transfer?: Transferable[]): void;
  /** Ends the thread at once, with all its memory: a crash. */
  terminate(): void;
}

export interface EndpointEvents {
  message(message: FromWorker): void;
  /** The thread failed outside any command (e.g. a Worker `error` event). */
  error(message: string): void;
}

/** Starts a node's thread; `incarnation` counts restarts from 0. */
export type Spawn = (id: NodeId, incarnation: number, events: EndpointEvents) => Endpoint;

/** Makes a pair of entangled ports for a link between two nodes. */
export type MakeChannel = () => { port1: MessagePort; port2: MessagePort };
