/** A read confirmed at `index`: serve `ctx` once lastApplied >= index (dissertation §6.4). */
export interface ReadState {
  readonly ctx: number;
  readonly index: number;
  /** Confirmed by the leader's lease alone, without a round of heartbeats (§6.4.1). */
  readonly lease?: true;
}

interface PendingRead {
  readonly ctx: number;
  /** The readIndex, null until an entry of the leader's term commits (step 1). */
  index: number | null;
  /** The heartbeat round that confirms it (step 2). */
  seq: number;
}

const NO_READS: readonly never[] = Object.freeze([]);

/**
 * Linearizable reads at a leader (dissertation §6.4, etcd's read_only.go):
 * each read waits for a round of heartbeats that started after it, and a
 * majority's answer to that round proves no newer leader existed when the
 * read arrived. The leader's node decides when rounds start and who
 * answered; this keeps the reads and their rounds.
 */
export class ReadOnly {
  private seq = 0;
  private pending: PendingRead[] = [];
  private confirmed: ReadState[] = [];
  private failed: number[] = [];

  /** The latest round: every AppendEntries carries it, every reply echoes it. */
  get readSeq(): number {
    return this.seq;
  }

  add(ctx: number): void {
    this.pending.push({ ctx, index: null, seq: 0 });
  }

  /** Some read still waits for its readIndex. */
  waiting(): boolean {
    return this.pending.some((r) => r.index === null);
  }

  /**
   * Step 1, once the leader knows the latest commitIndex (an entry of its
   * term committed): each waiting read takes `commitIndex` as its readIndex.
   * Within a lease (§6.4.1) no other leader can exist, so they are confirmed
   * at once; otherwise step 2: returns true, and the leader sends a round
   * of heartbeats.
   */
  start(commitIndex: number, inLease: boolean): boolean {
    if (inLease) {
      for (const r of this.pending)
        if (r.index === null) this.confirmed.push({ ctx: r.ctx, index: commitIndex, lease: true });
      this.pending = this.pending.filter((r) => r.index !== null);
      return false;
    }
    this.seq += 1;
    for (const r of this.pending) {
      if (r.index !== null) continue;
      r.index = commitIndex;
      r.seq = this.seq;
    }
    return true;
  }

  /** Step 3: a majority (counting the leader) has answered every round up to `ackedSeq`. */
  confirm(ackedSeq: number): void {
    while (this.pending.length > 0) {
      const r = this.pending[0];
      if (!r || r.index === null || r.seq > ackedSeq) return;
      this.pending.shift();
      this.confirmed.push({ ctx: r.ctx, index: r.index });
    }
  }

  /** Leadership is lost: no waiting read can be confirmed any more. */
  failAll(): void {
    for (const r of this.pending) this.failed.push(r.ctx);
    this.pending = [];
  }

  /** Drains the reads confirmed and failed since the last call; what it returns never changes after. */
  take(): { readonly readStates: readonly ReadState[]; readonly failedReads: readonly number[] } {
    const readStates = this.confirmed.length > 0 ? this.confirmed : NO_READS;
    const failedReads = this.failed.length > 0 ? this.failed : NO_READS;
    if (this.confirmed.length > 0) this.confirmed = [];
    if (this.failed.length > 0) this.failed = [];
    return { readStates, failedReads };
  }
}

/**
 * How long a lease lasts after a majority acknowledged the leader, by the
 * leader's clock (§6.4.1). Clocks may run at 1 ± `clockDriftBound`: the lease
 * must end before the fastest follower's minimum election timeout, by its
 * clock, can.
 */
export function leaseDurationMs(electionTimeoutMinMs: number, clockDriftBound: number): number {
  return (electionTimeoutMinMs * (1 - clockDriftBound)) / (1 + clockDriftBound);
}
