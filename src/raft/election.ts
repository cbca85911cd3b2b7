import * as msg from './messages';
import { NodeState } from './ready';
import type { RequestVote } from './types';

/** The second layer of RaftNode: votes, PreVote and who may stand (Raft §5.2, §5.4.1, §9.6). */
export abstract class Elections extends NodeState {
  protected requestVotes(term: number, preVote: boolean, transfer: boolean): void {
    for (const peer of this.membership.current().voters) {
      if (peer === this.id) continue;
      this.send(
        msg.requestVote(
          { from: this.id, to: peer, term },
          {
            lastLogIndex: this.log.lastIndex(),
            lastLogTerm: this.log.lastTerm(),
            preVote,
            transfer,
          },
        ),
      );
    }
  }

  /**
   * Dissertation §4.2.2: "A server that is not part of its own latest
   * configuration should still start new elections, as it might still be
   * needed until the C_new entry is committed" (tally() leaves its own vote
   * out). So a voter stands, and so does a voter that the latest change
   * removes, until it knows that change committed. A learner, or a server
   * that only joins, is never needed to elect anyone: it never stands.
   */
  protected mayStand(): boolean {
    if (this.membership.isVoter(this.id)) return true;
    const change = this.membership.lastChangeIndex();
    return (
      change > this.commitIndexValue && this.membership.at(change - 1).voters.includes(this.id)
    );
  }

  /** The election so far, counting only the votes of voters in the configuration in effect. */
  protected tally(): 'won' | 'lost' | 'pending' {
    return this.tracker.tallyVotes(this.membership.current().voters);
  }

  // ---- RPC handler (Figure 2, "Receiver implementation")

  protected handleRequestVote(m: RequestVote): void {
    const upToDate =
      this.config.bugs.voteWithoutLogCheck || this.log.isUpToDate(m.lastLogIndex, m.lastLogTerm);
    if (m.preVote) {
      // §9.6: grant "if the candidate's log is sufficiently up-to-date, and the
      // voters have not received heartbeats from a valid leader for at least a
      // baseline election timeout"; remember nothing.
      const granted =
        m.term > this.currentTermValue &&
        upToDate &&
        !this.heardFromLeader() &&
        !this.catchingUpValue;
      this.send(
        msg.requestVoteResponse(
          { from: this.id, to: m.from, term: granted ? m.term : this.currentTermValue },
          { voteGranted: granted, preVote: true },
        ),
      );
      return;
    }
    const canVote = this.votedForValue === null || this.votedForValue === m.from;
    const voteGranted = canVote && upToDate && !this.catchingUpValue;
    if (voteGranted) {
      this.votedForValue = m.from;
      this.hardStateDirty = true;
      // Figure 2, Followers: granting a vote resets the election timer.
      this.resetElectionTimer();
    }
    this.send(msg.requestVoteResponse(this.envelope(m.from), { voteGranted, preVote: false }));
  }

  /**
   * We heard from a live leader within the minimum election timeout (§9.6's
   * "baseline election timeout"). A leader hears itself; a candidate or
   * pre-candidate knows no leader in its term, and timed out before it stood.
   */
  protected heardFromLeader(): boolean {
    if (this.roleValue === 'leader') return true;
    return (
      this.leaderIdValue !== null &&
      this.now - this.lastLeaderContactMs < this.config.electionTimeoutMs[0]
    );
  }

  /** CheckQuorum's lease (§6.2, §4.2.3): while we heard from a leader, vote requests are ignored. */
  protected inLease(): boolean {
    return (this.config.checkQuorum || this.config.leaseReads) && this.heardFromLeader();
  }
}
