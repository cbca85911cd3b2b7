import { isConfigCommand, type ClusterConfig, type Message } from '../../raft/index.ts';
import type {
  ClientReply,
  ClientRequest,
  Input,
  LogEntry,
  NodeEvent,
  NodeId,
  Role,
  TraceEvent,
} from '../../sim/index.ts';
import type { FeedEvent, FeedHappening } from './feedEvent.ts';
import { isPreVote } from './roles.ts';

/** Requests remembered to name the client in a reply; older ones are forgotten. */
export const FEED_REQUESTS_TRACKED_MAX = 1_000;

/** A server's soft state (what its events report on each change). */
interface SoftState {
  readonly role: Role;
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly commitIndex: number;
  /** The configuration the server's log puts in effect (§4.1), when reported. */
  readonly config?: ClusterConfig | undefined;
}

interface Known extends SoftState {
  /** The last index of its log, or null when not known. */
  lastIndex: number | null;
  /** Votes it has been seen to receive as a candidate, itself included. */
  votes: { readonly term: number; readonly voters: Set<NodeId> } | null;
}

export interface FeedConverterOptions {
  /**
   * true (the default): events are fed from the start of the run, when every
   * server is a follower in term 0 with an empty log. false: a server's first
   * reported state only sets what it is compared with later.
   */
  readonly fromStart?: boolean;
}

/**
 * Turns node events and inputs into feed events. It remembers
 * each server's last reported state: a change of role or term says what
 * happened (follower to candidate = its election timer ran out, §5.2).
 * Feed it every event in order; one converter per run.
 */
export class FeedConverter {
  private readonly known = new Map<NodeId, Known>();
  /** Per request: its client (null for a read) and the user it names. */
  private readonly clients = new Map<number, { client: string | null; user: string }>();
  private seq = 0;

  constructor(private readonly options: FeedConverterOptions = {}) {}

  /** One event of the headless trace ring (src/sim/trace.ts): a node's, or an input. */
  fromTrace(e: TraceEvent): FeedEvent[] {
    return e.kind === 'input' ? this.fromInput(e.input) : this.fromEvent(e);
  }

  /** One node event (src/sim/events.ts), from the headless trace or a worker's report alike. */
  fromEvent(t: NodeEvent): FeedEvent[] {
    const id = t.node;
    switch (t.kind) {
      case 'send':
        return [this.make(t.at, { type: 'send', message: t.envelope.message })];
      case 'deliver':
        return this.delivered(t.at, t.envelope.message);
      case 'drop':
        return [
          this.make(t.at, {
            type: 'drop',
            from: t.from,
            to: t.to,
            messageType: t.type,
            reason: t.reason,
            atSender: t.atSender,
          }),
        ];
      case 'start':
      case 'state':
        return this.stateChanged(t.at, id, t);
      case 'persist':
        return [
          this.appended(
            t.at,
            id,
            t.from,
            t.entries.length,
            t.entries[0]?.term ?? null,
            t.entries.at(-1)?.term ?? 0,
          ),
          // The leader's configuration entries, said once (every server appends them).
          ...(t.role === 'leader'
            ? t.entries
                .map((e) => e.command)
                .filter(isConfigCommand)
                .map((c) =>
                  this.make(t.at, {
                    type: 'config',
                    node: id,
                    voters: c.voters,
                    learners: c.learners,
                  }),
                )
            : []),
        ];
      case 'apply':
        return [this.applied(t.at, id, t.entry)];
      case 'request':
        return [this.requested(t.at, id, t.request)];
      case 'reply':
        return [this.replied(t.at, id, t.reply)];
      case 'snapshot':
        return [
          this.make(t.at, {
            type: 'snapshot',
            node: id,
            index: t.snapshot.index,
            term: t.snapshot.term,
            installed: t.install,
          }),
        ];
    }
  }

  /** A batch of node events, as the coordinator's onTelemetry listener receives it. */
  fromEvents(batch: readonly NodeEvent[]): FeedEvent[] {
    return batch.flatMap((t) => this.fromEvent(t));
  }

  /** One entry of the input log: the user's crashes, cuts and client operations. */
  fromInput(input: Input): FeedEvent[] {
    const at = input.at;
    switch (input.kind) {
      case 'crash':
      case 'timeoutNow':
      case 'propose':
        return [this.make(at, { type: input.kind, node: input.id })];
      case 'restart': {
        // A restarted server reads its term, vote and log from disk (Figure 2,
        // "Persistent state"); its volatile state starts over.
        const k = this.known.get(input.id);
        if (k) Object.assign(k, { role: 'follower', commitIndex: 0, votes: null });
        return [this.make(at, { type: 'restart', node: input.id })];
      }
      case 'partition':
        return [this.make(at, { type: 'partition', groups: input.groups })];
      case 'heal':
        return [this.make(at, { type: 'heal' })];
      case 'setLink':
        return [this.make(at, { type: 'link', from: input.from, to: input.to, up: input.up })];
      case 'setDropRate':
      case 'setDuplicateRate':
        return [
          this.make(at, {
            type: 'rate',
            which: input.kind === 'setDropRate' ? 'drop' : 'duplicate',
            rate: input.rate,
          }),
        ];
      case 'client': {
        const op = input.op;
        return [
          this.make(at, {
            type: 'clientOp',
            client: input.client,
            op: op.kind,
            ...(op.kind === 'setState' && { state: op.state }),
            ...(op.kind === 'getState' && { user: op.user, stale: op.stale }),
          }),
        ];
      }
      default:
        return this.otherInput(input);
    }
  }

  /** Inputs newer than this view's switch: leadership transfer (§3.10), or none at all. */
  private otherInput(input: { readonly at: number; readonly kind: string }): FeedEvent[] {
    const x = input as { at: number; kind: string; id?: unknown; target?: unknown };
    if (x.kind === 'transferLeadership' && typeof x.id === 'number' && typeof x.target === 'number')
      return [this.make(x.at, { type: 'transfer', node: x.id, target: x.target })];
    if ((x.kind === 'addServer' || x.kind === 'removeServer') && typeof x.id === 'number')
      return [this.make(x.at, { type: x.kind, node: x.id })];
    return [];
  }

  private make(at: number, happening: FeedHappening): FeedEvent {
    return { ...happening, at, seq: this.seq++ };
  }

  private node(id: NodeId): Known | undefined {
    let k = this.known.get(id);
    if (!k && this.options.fromStart !== false) {
      k = { role: 'follower', term: 0, votedFor: null, commitIndex: 0, lastIndex: 0, votes: null };
      this.known.set(id, k);
    }
    return k;
  }

  private delivered(at: number, message: Message): FeedEvent[] {
    // Count the votes a candidate receives, to say how many won it the election.
    const votes = this.node(message.to)?.votes;
    if (
      message.type === 'RequestVoteResponse' &&
      message.voteGranted &&
      !isPreVote(message) &&
      votes?.term === message.term
    )
      votes.voters.add(message.from);
    return [this.make(at, { type: 'deliver', message })];
  }

  private stateChanged(at: number, id: NodeId, s: SoftState): FeedEvent[] {
    const p = this.node(id);
    const now = { role: s.role, term: s.term, votedFor: s.votedFor, commitIndex: s.commitIndex };
    if (!p) {
      this.known.set(id, { ...now, lastIndex: null, votes: null });
      return [];
    }
    const out: FeedEvent[] = [];
    const voted =
      s.votedFor !== null && s.votedFor !== id && (s.votedFor !== p.votedFor || s.term !== p.term);
    if (s.role === 'candidate' && (p.role !== 'candidate' || s.term > p.term)) {
      p.votes = { term: s.term, voters: new Set([id]) };
      const afterPreVote = p.role === 'precandidate';
      out.push(this.make(at, { type: 'timeout', node: id, term: s.term, afterPreVote }));
    } else if (s.role === 'precandidate' && p.role !== 'precandidate') {
      out.push(this.make(at, { type: 'preVote', node: id, term: s.term + 1 }));
    } else if (s.term > p.term && !voted && s.role === 'follower' && p.role === 'follower') {
      out.push(this.make(at, { type: 'newTerm', node: id, term: s.term }));
    }
    if (voted && s.votedFor !== null)
      out.push(this.make(at, { type: 'vote', node: id, candidate: s.votedFor, term: s.term }));
    if (s.role === 'follower' && p.role !== 'follower') {
      // A leader that steps down in its own term saw no higher term: CheckQuorum,
      // or it is out of the configuration it leads (§4.2.2).
      const why =
        p.role !== 'leader' || s.term !== p.term
          ? undefined
          : s.config && !s.config.voters.includes(id)
            ? ('leftConfig' as const)
            : ('lostQuorum' as const);
      out.push(
        this.make(at, {
          type: 'stepDown',
          node: id,
          term: s.term,
          was: p.role,
          ...(why && { why }),
        }),
      );
    }
    if (s.role === 'leader' && p.role !== 'leader') {
      const votes = p.votes?.term === s.term ? p.votes.voters.size : null;
      out.push(this.make(at, { type: 'elected', node: id, term: s.term, votes }));
    }
    if (s.commitIndex > p.commitIndex)
      out.push(this.make(at, { type: 'commit', node: id, commitIndex: s.commitIndex }));
    Object.assign(p, now);
    return out;
  }

  private appended(
    at: number,
    id: NodeId,
    from: number,
    count: number,
    firstTerm: number | null,
    lastTerm: number,
  ): FeedEvent {
    const k = this.node(id);
    const replaced = k?.lastIndex != null && from <= k.lastIndex;
    if (k) k.lastIndex = from + count - 1;
    return this.make(at, { type: 'append', node: id, from, count, firstTerm, lastTerm, replaced });
  }

  private applied(at: number, id: NodeId, entry: LogEntry): FeedEvent {
    return this.make(at, { type: 'apply', node: id, index: entry.index, term: entry.term });
  }

  private requested(at: number, id: NodeId, request: ClientRequest): FeedEvent {
    const c = request.command;
    const client = c.kind === 'getState' ? null : c.clientId;
    this.clients.set(request.requestId, { client, user: c.user });
    if (this.clients.size > FEED_REQUESTS_TRACKED_MAX) {
      const oldest = this.clients.keys().next().value;
      if (oldest !== undefined) this.clients.delete(oldest);
    }
    return this.make(at, {
      type: 'request',
      node: id,
      requestId: request.requestId,
      op: c.kind,
      client,
      user: c.user,
    });
  }

  private replied(at: number, id: NodeId, reply: ClientReply): FeedEvent {
    const known = this.clients.get(reply.requestId);
    const client = known?.client ?? null;
    const base = { type: 'reply', node: id, requestId: reply.requestId, client } as const;
    switch (reply.kind) {
      case 'redirect':
        return this.make(at, {
          ...base,
          outcome: 'redirect',
          detail: { kind: 'redirect', leader: reply.leaderHint },
        });
      case 'unknown':
        return this.make(at, {
          ...base,
          outcome: 'unknown',
          detail: { kind: 'reason', text: reply.reason },
        });
      case 'response': {
        const r = reply.response;
        if (!r.ok)
          return this.make(at, {
            ...base,
            outcome: 'error',
            detail: { kind: 'error', code: r.code, text: r.error, user: known?.user ?? '' },
          });
        return this.make(at, {
          ...base,
          outcome: 'ok',
          detail: { kind: 'value', value: r.value, ...(reply.lease && { lease: true as const }) },
        });
      }
    }
  }
}
