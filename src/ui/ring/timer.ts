import type { NodeEvent, NodeId, Role } from '../../sim/index.ts';

/**
 * What the page can honestly say about a server's election timer. The
 * deadline itself lives inside the Raft core and is not reported; what is
 * reported is when the timer was last reset: a server resets it when it
 * hears an AppendEntries or InstallSnapshot (Raft §5.2), when it grants a
 * vote, and when it changes role or term. The timeout is drawn at random
 * from [min, max] (§5.2), so the timer fires somewhere in that window after
 * the reset; the page draws exactly that.
 */
export class ElectionTimers {
  private readonly resetAtMs = new Map<NodeId, number>();

  /** Folds one node event in. */
  observe(t: NodeEvent): void {
    if (t.kind === 'state' || t.kind === 'start') this.reset(t.node, t.at);
    else if (t.kind === 'deliver') {
      const type = t.envelope.message.type;
      if (type === 'AppendEntries' || type === 'InstallSnapshot') this.reset(t.node, t.at);
    } else if (t.kind === 'send') {
      const m = t.envelope.message;
      if (m.type === 'RequestVoteResponse' && m.voteGranted && !m.preVote) this.reset(t.node, t.at);
    }
  }

  /** A restart or crash: the server's timer starts again from `atMs`. */
  reset(id: NodeId, atMs: number): void {
    const last = this.resetAtMs.get(id);
    if (last === undefined || atMs >= last) this.resetAtMs.set(id, atMs);
  }

  clear(): void {
    this.resetAtMs.clear();
  }

  /** Plain data for the store: server → when its timer was last reset. */
  snapshot(): ReadonlyMap<NodeId, number> {
    return new Map(this.resetAtMs);
  }
}

export interface TimerArc {
  /** Fraction of the earliest timeout still to run, 1 (just reset) to 0. */
  readonly beforeMin: number;
  /** Fraction of the [min, max] window still to run: the timer fires somewhere in it. */
  readonly beforeMax: number;
}

/** The arc for a server, or null when it has no election timer running (leaders, crashed servers, nothing reported yet). */
export function timerArc(
  role: Role,
  alive: boolean,
  resetAtMs: number | undefined,
  nowMs: number,
  [minMs, maxMs]: readonly [number, number],
): TimerArc | null {
  if (!alive || role === 'leader' || resetAtMs === undefined) return null;
  const elapsed = Math.max(0, nowMs - resetAtMs);
  return {
    beforeMin: Math.max(0, 1 - elapsed / minMs),
    beforeMax: Math.max(0, 1 - elapsed / maxMs),
  };
}
