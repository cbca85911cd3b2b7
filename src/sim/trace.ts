import { Hash64, stableStringify } from '../check/hash';
import type { NodeId } from '../raft';
import type { NodeEvent } from './events';
import type { Input } from './inputs';

/** One event of a run, as kept in the recent-trace ring: a node's, or an input. */
export type TraceEvent = NodeEvent | { readonly kind: 'input'; readonly input: Input };

/** Bound on the events kept for display and debugging. */
export const TRACE_RING_EVENTS = 10_000;

/** A bounded ring of recent events; formatting is done only when asked. */
export class TraceRing {
  private readonly events: TraceEvent[] = [];
  private start = 0;

  constructor(private readonly capacity = TRACE_RING_EVENTS) {}

  push(e: TraceEvent): void {
    if (this.events.length < this.capacity) this.events.push(e);
    else {
      this.events[this.start] = e;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  recent(): TraceEvent[] {
    return [...this.events.slice(this.start), ...this.events.slice(0, this.start)];
  }
}

/** The fixed one-line format of a trace event: time first, then who, then what. */
export function formatTraceEvent(e: TraceEvent): string {
  switch (e.kind) {
    case 'start':
      return `${e.at} S${e.node} start incarnation ${e.incarnation} ${e.role} term ${e.term} vote ${vote(e.votedFor)} commit ${e.commitIndex}`;
    case 'send': {
      const v = e.envelope;
      return `${v.sentAt} S${v.from} send ${v.message.type} to S${v.to} term ${v.message.term} seq ${v.incarnation}.${v.seq} due ${v.deliverAt}${v.duplicate ? ' dup' : ''}`;
    }
    case 'deliver': {
      const v = e.envelope;
      return `${e.at} S${v.to} recv ${v.message.type} from S${v.from} term ${v.message.term} seq ${v.incarnation}.${v.seq}`;
    }
    case 'drop':
      return `${e.at} S${e.from} drop ${e.type} to S${e.to} (${e.reason})`;
    case 'state':
      return `${e.at} S${e.node} state ${e.role} term ${e.term} vote ${vote(e.votedFor)} commit ${e.commitIndex}`;
    case 'persist':
      return `${e.at} S${e.node} persist from ${e.from} count ${e.entries.length} lastTerm ${e.lastTerm}`;
    case 'snapshot':
      return `${e.at} S${e.node} snapshot ${e.install ? 'install' : 'take'} ${e.snapshot.index} term ${e.snapshot.term}`;
    case 'apply':
      return `${e.at} S${e.node} apply ${e.entry.index} term ${e.entry.term}`;
    case 'request':
      return `${e.at} S${e.node} request ${e.request.requestId} ${e.request.command.kind}`;
    case 'reply':
      return `${e.at} S${e.node} reply ${e.reply.requestId} ${e.reply.kind}`;
    case 'input': {
      const { at, kind, ...rest } = e.input;
      return `${at} input ${kind} ${JSON.stringify(rest)}`;
    }
  }
}

function vote(votedFor: NodeId | null): string {
  return votedFor === null ? '-' : `S${votedFor}`;
}

/**
 * The hash of a whole run: its inputs, then each node's incarnations' own
 * trace hashes in node order. Nodes hash their events themselves, so the
 * order in which parallel nodes ran an instant does not matter.
 */
export function combineTraceHash(
  inputs: readonly Input[],
  nodeHashes: readonly (readonly string[])[],
): string {
  const h = new Hash64(0);
  for (const input of inputs) h.addString(stableStringify(input));
  for (const hashes of nodeHashes) {
    h.add(hashes.length);
    for (const x of hashes) h.addString(x);
  }
  return h.hex();
}
