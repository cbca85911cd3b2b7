import type { Telemetry } from '../runtime/protocol.ts';
import type { NodeId, Role } from '../sim/index.ts';
import { nodeName } from './labels.ts';

/** Events kept for the views: the newest RECENT_EVENTS_MAX, older ones are dropped. */
export const RECENT_EVENTS_MAX = 200;

/** One line of the event feed, in plain language. */
export interface FeedEvent {
  /** Virtual time, ms. */
  readonly at: number;
  readonly text: string;
}

const DROP_REASON = {
  cut: 'the link is cut',
  loss: 'the network lost it',
  down: 'the server is down',
  crash: 'the server crashed',
} as const;

/**
 * Turns a node's telemetry into feed lines: changes of role or term and lost
 * messages (sends and deliveries are too many to read one by one). `last`
 * holds each node's role and term so far, and is updated.
 */
export function feedEvents(
  id: NodeId,
  telemetry: readonly Telemetry[],
  last: Map<NodeId, { role: Role; term: number }>,
): FeedEvent[] {
  const out: FeedEvent[] = [];
  for (const t of telemetry) {
    if (t.k === 'state') {
      const before = last.get(id);
      if (before && before.role === t.role && before.term === t.term) continue;
      last.set(id, { role: t.role, term: t.term });
      const role = t.role === 'precandidate' ? 'pre-candidate' : t.role;
      out.push({ at: t.at, text: `${nodeName(id)} is ${role} in term ${t.term}` });
    } else if (t.k === 'drop') {
      out.push({
        at: t.at,
        text: `${t.type} from ${nodeName(t.from)} to ${nodeName(t.to)} was lost: ${DROP_REASON[t.reason]}`,
      });
    }
  }
  return out;
}
