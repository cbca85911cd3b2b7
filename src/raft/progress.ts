/**
 * What a leader knows of one follower (Raft Figure 2, "Volatile state on
 * leaders"), with the flow control of etcd's tracker/progress.go:
 *
 * - probe: we do not know where the follower's log matches ours; send one
 *   AppendEntries per heartbeat or reply, and back nextIndex up on refusal;
 * - replicate: the follower is known to match up to matchIndex; stream
 *   entries optimistically, advancing nextIndex as we send.
 *
 * A record lives for one leadership (Figure 2: "reinitialized after
 * election"). Its fields change only through the methods below, which keep
 * matchIndex < nextIndex and never lower matchIndex (it is what the follower
 * has acknowledged storing, and a follower of this term never drops an
 * entry of it, §5.3).
 */
export type ProgressState = 'probe' | 'replicate';

interface Inflight {
  /** The last index the AppendEntries carried. */
  readonly lastIndex: number;
  readonly sentAtMs: number;
}

export class Progress {
  private stateValue: ProgressState = 'probe';
  private nextIndexValue: number;
  private matchIndexValue = 0;
  private ackSentAtMsValue = -Infinity;
  private recentActiveValue = false;
  private readAckedValue = 0;
  private heartbeatDueAtMsValue = 0;
  /** In probe: an AppendEntries is out and we wait for its reply or the next heartbeat. */
  private paused = false;
  /** In replicate: AppendEntries sent and not yet acknowledged, oldest first. */
  private readonly inflight: Inflight[] = [];

  constructor(nextIndex: number, heartbeatDueAtMs = 0) {
    this.nextIndexValue = nextIndex;
    this.heartbeatDueAtMsValue = heartbeatDueAtMs;
    this.check();
  }

  get state(): ProgressState {
    return this.stateValue;
  }
  /** Index of the next log entry to send to that server. */
  get nextIndex(): number {
    return this.nextIndexValue;
  }
  /** Index of the highest log entry known to be replicated on that server. */
  get matchIndex(): number {
    return this.matchIndexValue;
  }
  /** The latest sentAtMs this follower acknowledged: when it last confirmed our leadership. */
  get ackSentAtMs(): number {
    return this.ackSentAtMsValue;
  }
  /** CheckQuorum: heard from this follower since the last check. */
  get recentActive(): boolean {
    return this.recentActiveValue;
  }
  /** The highest readSeq this follower has echoed in the current term. */
  get readAcked(): number {
    return this.readAckedValue;
  }
  /** When this follower is next owed an AppendEntries, if none goes out before, in virtual ms. */
  get heartbeatDueAtMs(): number {
    return this.heartbeatDueAtMsValue;
  }

  /**
   * Any AppendEntriesResponse of our term: the follower is alive (CheckQuorum)
   * and confirmed our leadership when we sent at `ackSentAtMs` and in ReadIndex
   * round `readSeq` (§6.4). Returns whether readAcked moved.
   */
  heard(readSeq: number, ackSentAtMs: number): boolean {
    this.recentActiveValue = true;
    this.ackSentAtMsValue = Math.max(this.ackSentAtMsValue, ackSentAtMs);
    if (readSeq <= this.readAckedValue) return false;
    this.readAckedValue = readSeq;
    return true;
  }

  /** CheckQuorum starts a new period of listening. */
  clearRecentActive(): void {
    this.recentActiveValue = false;
  }

  /** A success reply: returns whether matchIndex moved. */
  acknowledge(matchIndex: number): boolean {
    while (this.inflight.length > 0 && (this.inflight[0]?.lastIndex ?? 0) <= matchIndex)
      this.inflight.shift();
    this.paused = false;
    if (matchIndex <= this.matchIndexValue) return false;
    this.matchIndexValue = matchIndex;
    this.nextIndexValue = Math.max(this.nextIndexValue, matchIndex + 1);
    this.stateValue = 'replicate';
    this.check();
    return true;
  }

  /** A refusal: start probing again from `nextIndex` (never below matchIndex + 1). */
  backUp(nextIndex: number): void {
    this.stateValue = 'probe';
    this.paused = false;
    this.inflight.length = 0;
    this.nextIndexValue = Math.max(this.matchIndexValue + 1, nextIndex);
  }

  /**
   * The follower's disk lost entries it had acknowledged (node.ts,
   * `catchingUp`): its log now ends at `lastIndex`, below matchIndex. The
   * one place matchIndex goes down; commitIndex never does.
   */
  lost(lastIndex: number): void {
    this.matchIndexValue = Math.max(0, Math.min(this.matchIndexValue, lastIndex));
    this.backUp(this.matchIndexValue + 1);
  }

  canSend(maxInflight: number): boolean {
    return this.stateValue === 'probe' ? !this.paused : this.inflight.length < maxInflight;
  }

  /**
   * The heartbeat is due: a probe may send again, and in replicate, appends
   * may have been lost without a refusal ever coming back. If the oldest
   * has gone unacknowledged for `lostAfterMs`, probe again from
   * matchIndex + 1 so the entries are sent anew.
   */
  heartbeatDue(nowMs: number, lostAfterMs: number): void {
    const oldest = this.inflight[0];
    if (this.stateValue === 'replicate' && oldest && nowMs - oldest.sentAtMs >= lostAfterMs)
      this.backUp(this.matchIndexValue + 1);
    if (this.stateValue === 'probe') this.paused = false;
  }

  /** Records an AppendEntries sent at `nowMs` whose last entry is `lastIndex`. */
  sent(lastIndex: number, carriedEntries: boolean, nowMs: number): void {
    if (this.stateValue === 'probe') {
      this.paused = true;
    } else if (carriedEntries) {
      this.inflight.push({ lastIndex, sentAtMs: nowMs });
      this.nextIndexValue = lastIndex + 1;
      this.check();
    }
  }

  /** Raft §7: a snapshot is out; wait in probe for its answer, or the next heartbeat. */
  snapshotSent(): void {
    this.backUp(this.nextIndexValue);
    this.paused = true;
  }

  /** Any AppendEntries resets the follower's timer: the next heartbeat is due at `dueAtMs`. */
  scheduleHeartbeat(dueAtMs: number): void {
    this.heartbeatDueAtMsValue = dueAtMs;
  }

  private check(): void {
    if (this.matchIndexValue >= this.nextIndexValue)
      throw new Error(
        `progress: matchIndex ${this.matchIndexValue} >= nextIndex ${this.nextIndexValue}`,
      );
  }
}
