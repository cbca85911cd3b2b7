import type { GetStateValue, SetStateValue, UserView } from '../../app/index.ts';
import { lastIndexOf, termAt } from '../../sim/cluster.ts';
import type { HistoryOp, Input, NodeId, NodeView } from '../../sim/index.ts';
import type { LessonView, StepStart } from './view.ts';

// The facts lessons pause on and check, each over the shared read-only view.

export function nodes(v: LessonView): NodeView[] {
  return v.ids.map((id) => v.node(id));
}

export function majority(v: LessonView): number {
  return Math.floor(v.ids.length / 2) + 1;
}

export function withRole(v: LessonView, role: NodeView['role']): NodeId[] {
  return nodes(v)
    .filter((n) => n.alive && n.role === role)
    .map((n) => n.id);
}

/** Live servers that hold the entry at `index` with term `term`. */
export function holding(v: LessonView, index: number, term: number): NodeId[] {
  return nodes(v)
    .filter((n) => n.alive && termAt(n, index) === term)
    .map((n) => n.id);
}

/** Live servers that know the entry at `index` is committed. */
export function committedOn(v: LessonView, index: number): NodeId[] {
  return nodes(v)
    .filter((n) => n.alive && n.commitIndex >= index)
    .map((n) => n.id);
}

/** A leader elected after the step began: in a higher term than any the step started with. */
export function newLeader(v: LessonView, start: StepStart): NodeId | null {
  const leader = v.leader();
  return leader !== null && v.node(leader).term > start.maxTerm ? leader : null;
}

/** The client operations invoked since the step began. */
export function opsSince(v: LessonView, start: StepStart): readonly HistoryOp[] {
  // The history keeps a bounded tail; lessons stay far below the bound.
  return v.history().slice(start.historyCount);
}

/** The user's state and version as server `id` has applied them, or undefined. */
export function userOn(v: LessonView, id: NodeId, user: string): UserView | undefined {
  return v.users(id).find((u) => u.user === user);
}

/** The user's state as server `id` has applied it, or undefined. */
export function stateOn(v: LessonView, id: NodeId, user: string): string | undefined {
  return userOn(v, id, user)?.state;
}

/** Every live server holds the same log, has committed all of it and applied all of it. */
export function converged(v: LessonView): boolean {
  const live = nodes(v).filter((n) => n.alive);
  const [first] = live;
  if (!first) return false;
  const terms = (n: NodeView) => `${n.snapshotIndex ?? 0}:${n.log.map((e) => e.term).join(',')}`;
  return live.every((n) => {
    const last = lastIndexOf(n);
    return terms(n) === terms(first) && n.commitIndex === last && n.lastApplied === last;
  });
}

/** The index of the first entry of server `n`'s log that writes `state`, or null. */
export function writeIndexOn(n: NodeView, state: string): number | null {
  const k = n.log.findIndex((e) => {
    const c = e.command as { kind?: unknown; state?: unknown } | null;
    return c !== null && typeof c === 'object' && c.kind === 'setState' && c.state === state;
  });
  return k < 0 ? null : (n.snapshotIndex ?? 0) + k + 1;
}

/** The index of the leader's entry that writes `state`, or null (also without a leader). */
export function leaderWriteIndex(v: LessonView, state: string): number | null {
  const leader = v.leader();
  return leader === null ? null : writeIndexOn(v.node(leader), state);
}

/** The servers down at `atMs`, from the input log: crashed and not restarted since. */
export function downAt(inputs: readonly Input[], atMs: number): Set<NodeId> {
  const down = new Set<NodeId>();
  for (const input of inputs) {
    if (input.at > atMs) break;
    if (input.kind === 'crash') down.add(input.id);
    if (input.kind === 'restart') down.delete(input.id);
  }
  return down;
}

/** Every server is up and has applied `state` as `user`'s state. */
export function appliedEverywhere(v: LessonView, user: string, state: string): boolean {
  return nodes(v).every((n) => n.alive && stateOn(v, n.id, user) === state);
}

/** Every client operation so far has an answer. */
export function allAnswered(v: LessonView): boolean {
  return v.history().every((op) => op.status !== 'pending');
}

/** Servers that still believe they lead, in a term older than the leader's (cut off, §5.1). */
export function deposedLeaders(v: LessonView): NodeId[] {
  const leader = v.leader();
  return withRole(v, 'leader').filter((id) => id !== leader);
}

/** The server a lesson cuts off: the first that does not lead. */
export function firstFollower(v: LessonView): NodeId | undefined {
  const leader = v.leader();
  return v.ids.find((id) => id !== leader);
}

/**
 * A read since the step began, asked for as stale or not as `stale` says,
 * answered with a version older than one a write had already been
 * confirmed at before the read was asked (dissertation §6.4).
 */
export function oldReadSince(v: LessonView, start: StepStart, stale: boolean): boolean {
  const history = v.history();
  return opsSince(v, start).some((r) => {
    if (r.kind !== 'getState' || r.input.stale !== stale || r.status !== 'ok') return false;
    const seen = (r.output as GetStateValue).version;
    return history.some(
      (w) =>
        w.kind === 'setState' &&
        w.status === 'ok' &&
        w.input.user === r.input.user &&
        w.completeMs !== null &&
        w.completeMs < r.invokeMs &&
        (w.output as SetStateValue).version > seen,
    );
  });
}

/** A write since the step began whose client gave up (outcome unknown) and that no server's log holds. */
export function lostWrite(v: LessonView, start: StepStart): boolean {
  return opsSince(v, start).some(
    (op) =>
      op.kind === 'setState' &&
      op.status === 'info' &&
      nodes(v).every((n) => n.alive && writeIndexOn(n, op.input.state ?? '') === null),
  );
}

/**
 * A write since the step began that took more than one attempt, and that
 * every live server applied once: its user's version there is the one the
 * write answered with (applied twice, it would be one more; §6.3).
 */
export function retriedOnce(v: LessonView, start: StepStart): boolean {
  return opsSince(v, start).some((op) => {
    if (op.kind !== 'setState' || op.status !== 'ok' || op.attempts < 2) return false;
    const version = (op.output as SetStateValue).version;
    return nodes(v).every((n) => !n.alive || userOn(v, n.id, op.input.user)?.version === version);
  });
}

/** A write since the step began that the service confirmed while at least `down` servers were down. */
export function confirmedWhileDown(v: LessonView, start: StepStart, down: number): boolean {
  return opsSince(v, start).some(
    (op) =>
      op.kind === 'setState' &&
      op.status === 'ok' &&
      op.completeMs !== null &&
      downAt(v.inputLog(), op.completeMs).size >= down,
  );
}

/** The leader's snapshot has passed the end of server `id`'s log: AppendEntries can no longer bring it up (§7). */
export function compactedPast(v: LessonView, id: NodeId): boolean {
  const leader = v.leader();
  return leader !== null && lastIndexOf(v.node(id)) < (v.node(leader).snapshotIndex ?? 0);
}

/** Out of the leader's reach: down, or a link between them cut. */
export function unreachable(v: LessonView, leader: NodeId, id: NodeId): boolean {
  return !v.node(id).alive || !v.isLinkUp(leader, id) || !v.isLinkUp(id, leader);
}

/** How many live servers hold the leader's entry that writes `state` (0 without one). */
export function heldBy(v: LessonView, state: string): number {
  const leader = v.leader();
  const index = leaderWriteIndex(v, state);
  if (leader === null || index === null) return 0;
  return holding(v, index, termAt(v.node(leader), index) ?? -1).length;
}
