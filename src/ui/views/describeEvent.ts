import type { Message } from '../../raft/index.ts';
import { messages, type Messages } from '../i18n/index.ts';
import { nodeName as s } from '../labels.ts';
import { opErrorText, unknownReasonText } from '../errorText.ts';
import type { FeedHappening, ReplyDetail } from './feedEvent.ts';
import { isPreVote } from './roles.ts';

/** "entries 5–7 (term 4)", or "entry 5 (term 4)", or with two terms "(terms 3–4)". */
function entries(
  m: Messages,
  from: number,
  count: number,
  firstTerm: number | null,
  lastTerm: number,
): string {
  const f = m.feed;
  const last = from + count - 1;
  const range = count === 1 ? f.entry(from) : f.entries(from, last);
  const terms =
    count === 1 || firstTerm === lastTerm
      ? f.term(lastTerm)
      : firstTerm === null
        ? f.lastTerm(lastTerm)
        : f.terms(firstTerm, lastTerm);
  return f.withTerms(range, terms);
}

/** What a message says, in a few words, e.g. "a heartbeat (term 4)". */
export function describeMessage(msg: Message): string {
  return messageWords(messages(), msg);
}

function messageWords(m: Messages, msg: Message): string {
  const f = m.feed;
  switch (msg.type) {
    case 'RequestVote':
      return f.voteRequest(isPreVote(msg), msg.term);
    case 'RequestVoteResponse':
      return f.voteReply(isPreVote(msg), msg.voteGranted, msg.term);
    case 'AppendEntries': {
      const n = msg.entries.length;
      if (n === 0) return f.heartbeat(msg.term);
      const first = msg.entries[0]?.term ?? null;
      const last = msg.entries[n - 1]?.term ?? msg.term;
      return entries(m, msg.prevLogIndex + 1, n, first, last);
    }
    case 'AppendEntriesResponse':
      return msg.success ? f.success(msg.matchIndex) : f.rejection(msg.rejectedIndex);
    case 'InstallSnapshot':
      return m.beyond.snapshotMessage(msg.lastIncludedIndex, msg.lastIncludedTerm);
    default:
      return otherMessage(m, msg);
  }
}

/** Messages this view has no words for yet (TimeoutNow of leadership transfer, §3.10, and later ones). */
function otherMessage(m: Messages, msg: { readonly type: string; readonly term: number }): string {
  return msg.type === 'TimeoutNow'
    ? m.feed.timeoutNowMessage(msg.term)
    : m.feed.otherMessage(msg.type, msg.term);
}

function sent(m: Messages, msg: Message): string {
  const f = m.feed;
  const from = s(msg.from);
  const to = s(msg.to);
  switch (msg.type) {
    case 'RequestVote':
      return isPreVote(msg)
        ? f.asksPreVote(from, to, msg.term, msg.lastLogIndex, msg.lastLogTerm)
        : f.asksVote(from, to, msg.term, msg.lastLogIndex, msg.lastLogTerm);
    case 'RequestVoteResponse':
      return msg.voteGranted
        ? f.grants(from, to, isPreVote(msg), msg.term)
        : f.refuses(from, to, isPreVote(msg), msg.term);
    case 'AppendEntries':
      return msg.entries.length === 0
        ? f.sendsHeartbeat(from, to, msg.term, msg.leaderCommit)
        : f.sendsEntries(from, to, messageWords(m, msg), msg.prevLogIndex);
    case 'AppendEntriesResponse':
      return msg.success
        ? f.matches(from, to, msg.matchIndex)
        : f.mismatch(from, to, msg.rejectedIndex, msg.conflictTerm, msg.conflictIndex);
    case 'InstallSnapshot':
      return m.beyond.sendsSnapshot(from, to, msg.lastIncludedIndex, msg.lastIncludedTerm);
    default:
      return f.sends(from, to, otherMessage(m, msg));
  }
}

/** A plain sentence, in the paper's words and the page's language, for one event of the feed. */
export function describeEvent(e: FeedHappening): string {
  const m = messages();
  const f = m.feed;
  switch (e.type) {
    case 'timeout':
      return e.afterPreVote ? f.wonPreVote(s(e.node), e.term) : f.timedOut(s(e.node), e.term);
    case 'preVote':
      return f.preVote(s(e.node), e.term);
    case 'elected':
      return e.votes === null
        ? f.elected(s(e.node), e.term)
        : f.electedWith(s(e.node), e.term, e.votes);
    case 'stepDown':
      if (e.why) return m.beyond[e.why](s(e.node), e.term);
      return e.was === 'precandidate'
        ? f.lostPreVote(s(e.node), e.term)
        : f.steppedDown(s(e.node), m.roles[e.was], e.term);
    case 'snapshot':
      return (e.installed ? m.beyond.installedSnapshot : m.beyond.tookSnapshot)(
        s(e.node),
        e.index,
        e.term,
      );
    case 'addServer':
      return m.beyond.addServerAsked(s(e.node));
    case 'removeServer':
      return m.beyond.removeServerAsked(s(e.node));
    case 'config':
      return m.beyond.configAppended(
        s(e.node),
        e.voters.map(s).join(' '),
        e.learners.map(s).join(' '),
      );
    case 'newTerm':
      return f.newTerm(s(e.node), e.term);
    case 'vote':
      return f.voted(s(e.node), s(e.candidate), e.term);
    case 'append':
      if (e.count === 0) return f.truncated(s(e.node), e.from);
      return e.replaced
        ? f.overwrote(s(e.node), e.from, entries(m, e.from, e.count, e.firstTerm, e.lastTerm))
        : f.appended(s(e.node), entries(m, e.from, e.count, e.firstTerm, e.lastTerm));
    case 'commit':
      return f.committed(s(e.node), e.commitIndex);
    case 'apply':
      return f.applied(s(e.node), e.index, e.term);
    case 'send':
      return sent(m, e.message);
    case 'deliver':
      return f.received(s(e.message.to), messageWords(m, e.message), s(e.message.from));
    case 'drop': {
      const [type, from, to] = [e.messageType, s(e.from), s(e.to)];
      switch (e.reason) {
        case 'crash':
          return f.lostInCrash(type, from, to);
        case 'down':
          return f.down(type, from, to);
        case 'loss':
          return f.lost(type, from, to);
        default:
          if (e.atSender === true) return f.cutAtSender(type, from, to);
          if (e.atSender === false) return f.cutAtReceiver(type, from, to);
          return f.cut(type, from, to);
      }
    }
    case 'crash':
      return f.crashed(s(e.node));
    case 'restart':
      return f.restarted(s(e.node));
    case 'timeoutNow':
      return f.toldToTimeOut(s(e.node));
    case 'transfer':
      return f.transfer(s(e.node), s(e.target));
    case 'propose':
      return f.proposed(s(e.node));
    case 'partition':
      return f.split(e.groups.map((g) => f.group(g.map(s))));
    case 'heal':
      return f.healed;
    case 'link':
      return e.up ? f.linkHealed(s(e.from), s(e.to)) : f.linkCut(s(e.from), s(e.to));
    case 'rate':
      return f.rate(e.which, Math.round(e.rate * 100));
    case 'clientOp':
      if (e.op === 'setState') return f.asksSet(e.client, e.state ?? '');
      if (e.op === 'getState') return f.asksGet(e.client, e.user ?? null, e.stale === true);
      return f.asksLogin(e.client);
    case 'request':
      return f.request(s(e.node), f.requestOps[e.op], e.client, e.user);
    case 'reply': {
      const to = e.client === null ? f.toRequest(e.requestId) : f.toClient(e.client);
      const node = s(e.node);
      const d = e.detail;
      if (d.kind === 'redirect')
        return d.leader === null ? f.tryAnother(node, to) : f.redirect(node, to, s(d.leader));
      const detail = replyWords(m, d);
      if (d.kind === 'reason') return f.unknown(node, to, detail);
      if (d.kind === 'error') return f.refused(node, to, detail);
      return d.kind === 'value' && d.lease
        ? m.beyond.answeredFromLease(node, to, detail)
        : f.answered(node, to, detail);
    }
  }
}

/** A reply's answer, refusal or reason, in the page's language. */
function replyWords(m: Messages, d: Exclude<ReplyDetail, { kind: 'redirect' }>): string {
  switch (d.kind) {
    case 'value': {
      const v = d.value;
      if (v.kind === 'login') return m.feed.loggedInAs(v.user);
      if (v.kind === 'setState') return m.feed.nowAt(v.user, v.version);
      return m.feed.has(v.user, v.state, v.version);
    }
    case 'error':
      return opErrorText(m, d.code, d.text, d.user);
    case 'reason':
      return unknownReasonText(m, d.text);
  }
}
