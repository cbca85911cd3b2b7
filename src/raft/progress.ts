/**
 * What a leader knows of one follower (Raft Figure 2, "Volatile state on
 * leaders"), with the flow control of etcd's tracker/progress.go:
 *
 * - probe: we do not know where the follower's log matches ours; send one
 *   AppendEntries per heartbeat or reply, and back nextIndex up on refusal;
 * - replicate: the follower is known to match up to matchIndex; stream
 *   entries optimistically, advancing nextIndex as we send.
 */
export type ProgressState = 'probe' | 'replicate';

interface Inflight {
  /** The last index the AppendEntries carried. */
  readonly lastIndex: number;
  readonly sentAtMs: number;
}

export class Progress {
  state: ProgressState = 'probe';
  /** Index of the next log entry to send to that server. */
  nextIndex: number;
  /** Index of the highest log entry known to be replicated on that server. */
  matchIndex = 0;
  /** The latest sentAtMs this follower acknowledged: when it last confirmed our leadership. */
  ackSentAtMs = -Infinity;
  /** CheckQuorum: heard from this follower since the last check. */
  recentActive = false;
  /** The highest readSeq this follower has echoed in the current term. */
  readAcked = 0;
  /** When this follower is next owed an AppendEntries, if none goes out before, in virtual ms. */
  heartbeatDueAtMs = 0;
  /** In probe: an AppendEntries is out and we wait for its reply or the next heartbeat. */
  paused = false;
  /** In replicate: AppendEntries sent and not yet acknowledged, oldest first. */
  private readonly inflight: Inflight[] = [];

  constructor(nextIndex: number) {
    this.nextIndex = nextIndex;
  }

  /** A success reply: returns whether matchIndex moved. */
  acknowledge(matchIndex: number): boolean {
    while (this.inflight.length > 0 && (this.inflight[0]?.lastIndex ?? 0) <= matchIndex)
      this.inflight.shift();
    this.paused = false;
    if (matchIndex <= this.matchIndex) return false;
    this.matchIndex = matchIndex;
    this.nextIndex = Math.max(this.nextIndex, matchIndex + 1);
    this.state = 'replicate';
    return true;
  }

  /** A refusal: start probing again from `nextIndex` (never below matchIndex + 1). */
  backUp(nextIndex: number): void {
    this.state = 'probe';
    this.paused = false;
    this.inflight.length = 0;
    this.nextIndex = Math.max(this.matchIndex + 1, nextIndex);
  }

  canSend(maxInflight: number): boolean {
    return this.state === 'probe' ? !this.paused : this.inflight.length < maxInflight;
  }

  /** Records an AppendEntries sent at `nowMs` whose last entry is `lastIndex`. */
  sent(lastIndex: number, carriedEntries: boolean, nowMs: number): void {
    if (this.state === 'probe') {
      this.paused = true;
    } else if (carriedEntries) {
      this.inflight.push({ lastIndex, sentAtMs: nowMs });
      this.nextIndex = lastIndex + 1;
    }
  }

  /**
   * In replicate, appends may be lost without a refusal ever coming back.
   * If the oldest has gone unacknowledged for `timeoutMs`, probe again from
   * matchIndex + 1 so the entries are sent anew.
   */
  recoverLostAppends(nowMs: number, timeoutMs: number): void {
    const oldest = this.inflight[0];
    if (this.state === 'replicate' && oldest && nowMs - oldest.sentAtMs >= timeoutMs) {
      this.backUp(this.matchIndex + 1);
    }
  }
}
