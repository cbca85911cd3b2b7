import { readState, type ServiceResponse, type ServiceState } from '../app';
import type { LogEntry, NodeId } from '../raft';
import type { ClientReply, ClientRequest } from './client-protocol';

/**
 * A server's client requests waiting for their answer: writes it proposed
 * as leader until their entry applies (dissertation §6.3), reads until
 * their ReadIndex round confirms them and the state machine has caught up
 * (§6.4). `answer` sends a reply at a virtual time.
 */
export class PendingRequests {
  /** Writes by log index, with the term they were proposed in. */
  private readonly writes = new Map<number, { request: ClientRequest; term: number }>();
  /** Linearizable reads awaiting their ReadIndex round, by requestId. */
  private readonly reads = new Map<number, ClientRequest>();
  /** Reads confirmed at a readIndex, awaiting lastApplied >= index. */
  private confirmed: { index: number; request: ClientRequest; lease: boolean }[] = [];

  constructor(
    private readonly id: NodeId,
    private readonly answer: (reply: ClientReply, atMs: number) => void,
  ) {}

  wrote(request: ClientRequest, at: { index: number; term: number }): void {
    this.writes.set(at.index, { request, term: at.term });
  }

  reading(request: ClientRequest): void {
    this.reads.set(request.requestId, request);
  }

  /** An entry applied: the write proposed at its index is answered, if it is that write. */
  applied(entry: LogEntry, result: ServiceResponse, atMs: number): void {
    const pending = this.writes.get(entry.index);
    if (!pending) return;
    this.writes.delete(entry.index);
    const requestId = pending.request.requestId;
    if (entry.term === pending.term)
      this.answer({ requestId, from: this.id, kind: 'response', response: result }, atMs);
    else
      this.answer(
        {
          requestId,
          from: this.id,
          kind: 'unknown',
          reason: `another leader's entry replaced it at index ${entry.index}`,
        },
        atMs,
      );
  }

  /** ReadIndex outcomes of a step: a failed read is redirected, a confirmed one waits to be served. */
  readsDone(
    failed: readonly number[],
    confirmed: readonly { ctx: number; index: number; lease?: true }[],
    redirect: (request: ClientRequest) => void,
  ): void {
    for (const ctx of failed) {
      const request = this.reads.get(ctx);
      this.reads.delete(ctx);
      if (request) redirect(request);
    }
    for (const { ctx, index, lease } of confirmed) {
      const request = this.reads.get(ctx);
      this.reads.delete(ctx);
      if (request) this.confirmed.push({ index, request, lease: lease === true });
    }
  }

  /** Serves the confirmed reads the state machine has applied up to. */
  serve(lastApplied: number, service: ServiceState, atMs: number): void {
    if (this.confirmed.length === 0) return;
    const waiting: typeof this.confirmed = [];
    for (const r of this.confirmed) {
      if (r.index > lastApplied) {
        waiting.push(r);
        continue;
      }
      const command = r.request.command;
      if (command.kind !== 'getState') continue;
      this.answer(
        {
          requestId: r.request.requestId,
          from: this.id,
          kind: 'response',
          response: readState(service, command.user),
          ...(r.lease && { lease: true as const }),
        },
        atMs,
      );
    }
    this.confirmed = waiting;
  }

  /** A leader that steps down cannot know whether its pending writes will commit. */
  abandonWrites(atMs: number): void {
    if (this.writes.size === 0) return;
    for (const { request } of this.writes.values()) {
      this.answer(
        {
          requestId: request.requestId,
          from: this.id,
          kind: 'unknown',
          reason: `S${this.id} stopped being the leader before the write committed`,
        },
        atMs,
      );
    }
    this.writes.clear();
  }
}
