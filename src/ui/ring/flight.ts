import type { Envelope } from '../../sim/index.ts';
import type { Point } from '../geometry.ts';
import { messages } from '../i18n/index.ts';

/** How a message kind is drawn: a word and a shape, so colour is never the only cue. */
export type FlightShape = 'circle' | 'diamond' | 'square' | 'triangle' | 'star' | 'ring';

export interface FlightKind {
  /** CSS modifier and legend key. */
  readonly kind: string;
  /** Short label drawn beside the marker. */
  readonly label: string;
  readonly shape: FlightShape;
}

/**
 * The kind of a message as the page draws it. An AppendEntries with no
 * entries is a heartbeat (Raft §5.2); a vote reply says whether it grants.
 */
export function flightKind(message: Envelope['message']): FlightKind {
  const r = messages().ring;
  switch (message.type) {
    case 'RequestVote':
      return message.preVote
        ? { kind: 'prevote', label: 'PreVote', shape: 'diamond' }
        : { kind: 'vote-request', label: 'RequestVote', shape: 'diamond' };
    case 'RequestVoteResponse':
      return message.voteGranted
        ? { kind: 'vote-yes', label: r.flightVoteYes, shape: 'triangle' }
        : { kind: 'vote-no', label: r.flightVoteNo, shape: 'triangle' };
    case 'AppendEntries':
      return message.entries.length === 0
        ? { kind: 'heartbeat', label: r.flightHeartbeat, shape: 'ring' }
        : { kind: 'append', label: r.flightAppend(message.entries.length), shape: 'square' };
    case 'AppendEntriesResponse':
      return {
        kind: 'append-reply',
        label: message.success ? r.flightOk : r.flightReject,
        shape: 'circle',
      };
    case 'InstallSnapshot':
      return { kind: 'snapshot', label: r.flightSnapshot, shape: 'square' };
    case 'TimeoutNow':
      return { kind: 'timeout-now', label: 'TimeoutNow', shape: 'star' };
  }
}

/**
 * How far along its link a message is at virtual time `nowMs`, from 0 (just
 * sent) to 1 (due): its real progress, (now - sentAt) / (deliverAt - sentAt),
 * as RaftScope draws it.
 */
export function flightProgress(sentAtMs: number, deliverAtMs: number, nowMs: number): number {
  const span = deliverAtMs - sentAtMs;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (nowMs - sentAtMs) / span));
}

/** The point a fraction `t` of the way from `a` to `b`, stopping `insetPx` short of each centre (the node's rim). */
export function pointAlong(a: Point, b: Point, t: number, insetPx = 0): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return a;
  const inset = Math.min(insetPx, length / 2);
  const usable = length - 2 * inset;
  const d = inset + usable * t;
  return { x: a.x + (dx * d) / length, y: a.y + (dy * d) / length };
}

/** Duplicates and messages on the same link would sit on top of each other; this nudges a message off the line by its lane. */
export function laneOffset(a: Point, b: Point, lanePx: number): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: (-dy / length) * lanePx, y: (dx / length) * lanePx };
}
