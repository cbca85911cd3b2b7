import type { Telemetry } from '../runtime/protocol.ts';
import type { NodeId } from '../sim/index.ts';
import type { FollowerProgress } from './views/index.ts';

/**
 * The leader's nextIndex and matchIndex for each follower (Raft Figure 2,
 * "Volatile state on leaders"), as far as the messages show them: the
 * Coordinator mirrors no leader state, so this reads the telemetry instead.
 * An AppendEntries the leader sends names the entries it is sending from
 * (nextIndex = prevLogIndex + 1, §5.3); a successful reply it receives names
 * the follower's matchIndex (and nextIndex = matchIndex + 1). A new leader
 * starts afresh (nextIndex = its last index + 1, matchIndex = 0, §5.3),
 * which the next round of AppendEntries shows.
 */
export class LeaderProgress {
  private leader: { id: NodeId; term: number } | null = null;
  private readonly byFollower = new Map<NodeId, FollowerProgress>();
  private snapshotValue: Readonly<Record<NodeId, FollowerProgress>> = {};
  private changed = false;

  /** Feeds one node's batch of telemetry, in order. */
  add(id: NodeId, batch: readonly Telemetry[]): void {
    for (const t of batch) {
      if (t.k === 'state') {
        if (t.role === 'leader' && (this.leader?.id !== id || this.leader.term !== t.term)) {
          this.leader = { id, term: t.term };
          this.byFollower.clear();
          this.changed = true;
        } else if (t.role !== 'leader' && this.leader?.id === id) {
          this.leader = null;
          this.byFollower.clear();
          this.changed = true;
        }
        continue;
      }
      const leader = this.leader;
      if (!leader || leader.id !== id) continue;
      if (t.k === 'send') {
        const m = t.e.message;
        if (m.type !== 'AppendEntries' || m.term !== leader.term) continue;
        const old = this.byFollower.get(t.e.to);
        const nextIndex = m.prevLogIndex + 1;
        if (old && old.nextIndex === nextIndex) continue;
        this.set(t.e.to, { nextIndex, matchIndex: old?.matchIndex ?? 0 });
      } else if (t.k === 'deliver') {
        const m = t.e.message;
        if (m.type !== 'AppendEntriesResponse' || m.term !== leader.term || !m.success) continue;
        const old = this.byFollower.get(t.e.from);
        // A late reply can name an older match; matchIndex never goes back within a term.
        const matchIndex = Math.max(old?.matchIndex ?? 0, m.matchIndex);
        const nextIndex = Math.max(old?.nextIndex ?? 0, matchIndex + 1);
        if (old && old.matchIndex === matchIndex && old.nextIndex === nextIndex) continue;
        this.set(t.e.from, { nextIndex, matchIndex });
      }
    }
  }

  /** The leader the progress belongs to, or null. */
  get leaderId(): NodeId | null {
    return this.leader?.id ?? null;
  }

  /** Follower -> progress; the same object until something changes. */
  snapshot(): Readonly<Record<NodeId, FollowerProgress>> {
    if (this.changed) {
      this.snapshotValue = Object.fromEntries(this.byFollower);
      this.changed = false;
    }
    return this.snapshotValue;
  }

  clear(): void {
    this.leader = null;
    this.byFollower.clear();
    this.changed = true;
  }

  private set(follower: NodeId, p: FollowerProgress): void {
    this.byFollower.set(follower, p);
    this.changed = true;
  }
}
