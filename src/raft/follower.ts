import { Elections } from './election';
import * as msg from './messages';
import type { AppendEntries, InstallSnapshot, Message, NodeId } from './types';

/**
 * The third layer of RaftNode: what a follower does with its leader's
 * AppendEntries and InstallSnapshot (Figure 2 and Figure 13, "Receiver
 * implementation"), and its refusals of a stale term.
 */
export abstract class FollowerHandlers extends Elections {
  /** Raft §5.1: a higher term makes any server a follower in that term (node.ts). */
  protected abstract becomeFollower(term: number, leaderId: NodeId | null): void;

  /**
   * A message from the leader of our term (Raft §5.2): a candidate returns
   * to follower; everyone resets the election timer and takes the leader's
   * entries or snapshot.
   */
  protected fromLeader(m: AppendEntries | InstallSnapshot): void {
    if (this.roleValue !== 'follower')
      this.becomeFollower(m.term, m.from); // resets the timer
    else this.resetElectionTimer();
    this.leaderIdValue = m.from;
    this.lastLeaderContactMs = this.now;
    if (m.type === 'AppendEntries') this.handleAppendEntries(m);
    else this.handleInstallSnapshot(m);
  }

  // ---- RPC handlers (Figure 2, "Receiver implementation")

  protected handleAppendEntries(message: AppendEntries): void {
    const m = this.skipCompacted(message);
    // Step 2: refuse unless our log holds an entry at prevLogIndex with prevLogTerm.
    if (!this.log.matchTerm(m.prevLogIndex, m.prevLogTerm)) {
      const ourTerm = this.log.term(m.prevLogIndex);
      const conflictTerm = ourTerm ?? 0;
      const conflictIndex =
        ourTerm === undefined
          ? this.log.lastIndex() + 1
          : this.log.firstIndexOfTerm(ourTerm, m.prevLogIndex);
      this.replyAppend(m.from, {
        success: false,
        rejectedIndex: m.prevLogIndex,
        conflictTerm,
        conflictIndex,
        readSeq: m.readSeq,
        ackSentAtMs: m.sentAtMs,
        catchingUp: this.catchingUpValue,
      });
      return;
    }
    // Steps 3 and 4: delete a conflicting entry and all that follow it; append
    // new entries. An entry we already hold with the same term is kept, so a
    // late or duplicated message never truncates what a newer one brought.
    for (const entry of m.entries) {
      const ourTerm = this.log.term(entry.index);
      if (ourTerm === entry.term) continue;
      if (ourTerm !== undefined) this.truncateFrom(entry.index);
      this.appendReceived(entry);
    }
    // Step 5: commitIndex = min(leaderCommit, index of last new entry).
    const lastNew = m.prevLogIndex + m.entries.length;
    const commit = Math.min(m.leaderCommit, lastNew);
    if (commit > this.commitIndexValue) this.commitIndexValue = commit;
    if (lastNew >= m.leaderCommit) this.catchingUpValue = false;
    this.replyAppend(m.from, {
      success: true,
      matchIndex: lastNew,
      readSeq: m.readSeq,
      ackSentAtMs: m.sentAtMs,
    });
  }

  /**
   * Entries up to our snapshot are committed, so they match the leader's
   * (Leader Completeness): an AppendEntries that starts before the snapshot
   * is read as starting at it.
   */
  protected skipCompacted(m: AppendEntries): AppendEntries {
    const base = this.log.snapshotIndex;
    if (m.prevLogIndex >= base) return m;
    return {
      ...m,
      prevLogIndex: base,
      prevLogTerm: this.log.snapshotTerm,
      entries: m.entries.filter((e) => e.index > base),
    };
  }

  /** Raft Figure 13, InstallSnapshot receiver. */
  protected handleInstallSnapshot(m: InstallSnapshot): void {
    const index = m.lastIncludedIndex;
    if (index > this.commitIndexValue) {
      const kept = this.log.restore(index, m.lastIncludedTerm);
      if (!kept) this.unstableFrom = Math.min(this.unstableFrom, index + 1);
      this.membership.reset(m.config ?? this.membership.at(index), kept ? index : Infinity);
      this.commitIndexValue = index;
      this.lastAppliedValue = index;
      this.snapshotValue = {
        index,
        term: m.lastIncludedTerm,
        data: m.data,
        ...(m.config && { config: m.config }),
      };
      this.unstableSnapshot = { ...this.snapshotValue, install: true };
    }
    // Either way our log now matches the leader's up to `index` at least.
    this.replyAppend(m.from, {
      success: true,
      matchIndex: Math.max(index, this.commitIndexValue),
      readSeq: 0,
      ackSentAtMs: m.sentAtMs,
    });
  }

  protected replyToStaleTerm(m: Message): void {
    // Raft §5.1: reject a request from a stale term, telling the sender ours.
    if (m.type === 'RequestVote') {
      this.send(
        msg.requestVoteResponse(this.envelope(m.from), { voteGranted: false, preVote: m.preVote }),
      );
    } else if (m.type === 'AppendEntries') {
      this.replyAppend(m.from, {
        success: false,
        rejectedIndex: m.prevLogIndex,
        readSeq: m.readSeq,
        ackSentAtMs: m.sentAtMs,
      });
    } else if (m.type === 'InstallSnapshot') {
      this.replyAppend(m.from, {
        success: false,
        rejectedIndex: m.lastIncludedIndex,
        readSeq: 0,
        ackSentAtMs: m.sentAtMs,
      });
    }
  }

  protected replyAppend(to: NodeId, reply: msg.AppendReply): void {
    this.send(msg.appendEntriesResponse(this.envelope(to), reply));
  }
}
