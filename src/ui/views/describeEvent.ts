import type { Message } from '../../raft/index.ts';
import { nodeName as s } from '../labels.ts';
import type { FeedHappening } from './feedEvent.ts';
import { isPreVote } from './roles.ts';

const OP = { login: 'log in', setState: 'set its state', getState: 'read a state' } as const;

/** "entries 5–7 (term 4)", or "entry 5 (term 4)", or with two terms "(terms 3–4)". */
function entries(from: number, count: number, firstTerm: number | null, lastTerm: number): string {
  const last = from + count - 1;
  const range = count === 1 ? `entry ${from}` : `entries ${from}–${last}`;
  const terms =
    count === 1 || firstTerm === lastTerm
      ? `term ${lastTerm}`
      : firstTerm === null
        ? `last term ${lastTerm}`
        : `terms ${firstTerm}–${lastTerm}`;
  return `${range} (${terms})`;
}

/** What a message says, in a few words, e.g. "a heartbeat (term 4)". */
export function describeMessage(m: Message): string {
  switch (m.type) {
    case 'RequestVote':
      return `a ${isPreVote(m) ? 'pre-vote' : 'vote'} request for term ${m.term}`;
    case 'RequestVoteResponse': {
      const what = isPreVote(m) ? 'pre-vote' : 'vote';
      return m.voteGranted
        ? `a ${what} for term ${m.term}`
        : `a refused ${what} for term ${m.term}`;
    }
    case 'AppendEntries': {
      const n = m.entries.length;
      if (n === 0) return `a heartbeat (term ${m.term})`;
      const first = m.entries[0]?.term ?? null;
      const last = m.entries[n - 1]?.term ?? m.term;
      return `${entries(m.prevLogIndex + 1, n, first, last)}`;
    }
    case 'AppendEntriesResponse':
      return m.success
        ? `a success reply (matches up to ${m.matchIndex})`
        : `a rejection at index ${m.rejectedIndex}`;
    default:
      return otherMessage(m);
  }
}

/** Messages this view has no words for yet (TimeoutNow of leadership transfer, §3.10, and later ones). */
function otherMessage(m: { readonly type: string; readonly term: number }): string {
  return m.type === 'TimeoutNow'
    ? `a request to start an election now (term ${m.term})`
    : `${m.type} (term ${m.term})`;
}

function sent(m: Message): string {
  const from = s(m.from);
  const to = s(m.to);
  switch (m.type) {
    case 'RequestVote':
      return isPreVote(m)
        ? `${from} asks ${to} whether it would vote for it in term ${m.term} (a pre-vote; last log entry ${m.lastLogIndex}, term ${m.lastLogTerm})`
        : `${from} asks ${to} for a vote in term ${m.term} (last log entry ${m.lastLogIndex}, term ${m.lastLogTerm})`;
    case 'RequestVoteResponse': {
      const what = isPreVote(m) ? 'a pre-vote' : 'its vote';
      return m.voteGranted
        ? `${from} grants ${to} ${what} in term ${m.term}`
        : `${from} refuses ${to} ${what} in term ${m.term}`;
    }
    case 'AppendEntries':
      return m.entries.length === 0
        ? `${from} sends ${to} a heartbeat (term ${m.term}, leaderCommit ${m.leaderCommit})`
        : `${from} sends ${to} ${describeMessage(m)} after index ${m.prevLogIndex}`;
    case 'AppendEntriesResponse':
      return m.success
        ? `${from} tells ${to} its log matches up to ${m.matchIndex}`
        : `${from} tells ${to} its log does not match at index ${m.rejectedIndex}` +
            (m.conflictTerm > 0
              ? ` (it has term ${m.conflictTerm} from index ${m.conflictIndex})`
              : ` (its log ends before it)`);
    default:
      return `${from} sends ${to} ${otherMessage(m)}`;
  }
}

/** A plain English sentence, in the paper's words, for one event of the feed. */
export function describeEvent(e: FeedHappening): string {
  switch (e.type) {
    case 'timeout':
      return e.afterPreVote
        ? `${s(e.node)} won the pre-vote and asks for votes in term ${e.term}`
        : `${s(e.node)} timed out and asks for votes in term ${e.term}`;
    case 'preVote':
      return `${s(e.node)} timed out and asks whether it could win term ${e.term} (pre-vote)`;
    case 'elected':
      return e.votes === null
        ? `${s(e.node)} won the election for term ${e.term}`
        : `${s(e.node)} won the election for term ${e.term} with ${e.votes} ${e.votes === 1 ? 'vote' : 'votes'}`;
    case 'stepDown':
      return e.was === 'precandidate'
        ? `${s(e.node)} did not win the pre-vote and stays a follower in term ${e.term}`
        : `${s(e.node)} stepped down from ${e.was} to follower in term ${e.term}`;
    case 'newTerm':
      return `${s(e.node)} learned of term ${e.term}`;
    case 'vote':
      return `${s(e.node)} voted for ${s(e.candidate)} in term ${e.term}`;
    case 'append':
      if (e.count === 0) return `${s(e.node)} removed the entries of its log from index ${e.from}`;
      return e.replaced
        ? `${s(e.node)} overwrote its log from index ${e.from} with ${entries(e.from, e.count, e.firstTerm, e.lastTerm)}`
        : `${s(e.node)} appended ${entries(e.from, e.count, e.firstTerm, e.lastTerm)}`;
    case 'commit':
      return `${s(e.node)} committed up to ${e.commitIndex}`;
    case 'apply':
      return `${s(e.node)} applied entry ${e.index} (term ${e.term}) to its state machine`;
    case 'send':
      return sent(e.message);
    case 'deliver':
      return `${s(e.message.to)} received ${describeMessage(e.message)} from ${s(e.message.from)}`;
    case 'drop': {
      const what = `${e.messageType} from ${s(e.from)} to ${s(e.to)}`;
      switch (e.reason) {
        case 'crash':
          return `${what} was lost when ${s(e.to)} crashed`;
        case 'down':
          return `${s(e.from)} could not send ${e.messageType} to ${s(e.to)}: ${s(e.to)} is down`;
        case 'loss':
          return `The network lost ${what}`;
        default:
          if (e.atSender === true)
            return `${s(e.from)} could not send ${e.messageType} to ${s(e.to)} (link cut)`;
          if (e.atSender === false)
            return `${s(e.to)} dropped ${e.messageType} from ${s(e.from)} (link cut)`;
          return `${what} was dropped (link cut)`;
      }
    }
    case 'crash':
      return `${s(e.node)} crashed`;
    case 'restart':
      return `${s(e.node)} restarted and read its term, vote and log from disk`;
    case 'timeoutNow':
      return `${s(e.node)} was told to time out now`;
    case 'transfer':
      return `${s(e.node)} was asked to hand leadership to ${s(e.target)}`;
    case 'propose':
      return `A command was proposed to ${s(e.node)}`;
    case 'partition':
      return `The network split into ${e.groups.map((g) => `{${g.map(s).join(', ')}}`).join(' and ')}`;
    case 'heal':
      return 'Every link was healed';
    case 'link':
      return e.up
        ? `The link from ${s(e.from)} to ${s(e.to)} was healed`
        : `The link from ${s(e.from)} to ${s(e.to)} was cut`;
    case 'rate':
      return `The ${e.which} rate was set to ${Math.round(e.rate * 100)}%`;
    case 'clientOp':
      if (e.op === 'setState')
        return `Client ${e.client} asks to set its state to "${e.state ?? ''}"`;
      if (e.op === 'getState')
        return `Client ${e.client} asks to read ${e.user ?? 'a user'}'s state${e.stale ? ' (a stale read)' : ''}`;
      return `Client ${e.client} asks to ${OP[e.op]}`;
    case 'request':
      return `${s(e.node)} received a ${e.op} request${e.client === null ? '' : ` from client ${e.client}`} for ${e.user}`;
    case 'reply': {
      const to = e.client === null ? `request ${e.requestId}` : `client ${e.client}`;
      switch (e.outcome) {
        case 'ok':
          return `${s(e.node)} answered ${to}: ${e.detail}`;
        case 'error':
          return `${s(e.node)} refused ${to}: ${e.detail}`;
        case 'redirect':
          return e.detail === ''
            ? `${s(e.node)} is not the leader and told ${to} to try another server`
            : `${s(e.node)} is not the leader and sent ${to} to ${e.detail}`;
        case 'unknown':
          return `${s(e.node)} cannot tell ${to} whether its write took effect: ${e.detail}`;
      }
    }
  }
}
