import type { NodeEvent, NodeId } from '../sim/index.ts';
import type { FollowerProgress } from './views/index.ts';

/**
 * The leader's nextIndex and matchIndex for each follower (Raft Figure 2,
 * "Volatile state on leaders"), as far as the messages show them: the
 * Coordinator mirrors no leader state, so this reads the node events instead.
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

  /** Feeds a batch of node events, in order. */
  add(batch: readonly NodeEvent[]): void {
    for (const t of batch) {
      const id = t.node;
      if (t.kind === 'state' || t.kind === 'start') {
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
      if (t.kind === 'send') {
        const m = t.envelope.message;
        if (m.type !== 'AppendEntries' || m.term !== leader.term) continue;
        const old = this.byFollower.get(t.envelope.to);
        const nextIndex = m.prevLogIndex + 1;
        if (old && old.nextIndex === nextIndex) continue;
        this.set(t.envelope.to, { nextIndex, matchIndex: old?.matchIndex ?? 0 });
      } else if (t.kind === 'deliver') {
        const m = t.envelope.message;
        if (m.type !== 'AppendEntriesResponse' || m.term !== leader.term || !m.success) continue;
        const old = this.byFollower.get(t.envelope.from);
        // A late reply can name an older match; matchIndex never goes back within a term.
        const matchIndex = Math.max(old?.matchIndex ?? 0, m.matchIndex);
        const nextIndex = Math.max(old?.nextIndex ?? 0, matchIndex + 1);
        if (old && old.matchIndex === matchIndex && old.nextIndex === nextIndex) continue;
        this.set(t.envelope.from, { nextIndex, matchIndex });
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
