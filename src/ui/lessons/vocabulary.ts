import type { NodeId, NodeView } from '../../sim/index.ts';
import {
  allAnswered,
  appliedEverywhere,
  committedOn,
  compactedPast,
  confirmedWhileDown,
  converged,
  heldBy,
  leaderWriteIndex,
  lostWrite,
  majority,
  nodes,
  oldReadSince,
  opsSince,
  retriedOnce,
  stateOn,
  unreachable,
  withRole,
  writeIndexOn,
} from './facts.ts';
import { lastIndexOf } from '../../sim/cluster.ts';
import type { LessonView, Predicate, StepStart } from './view.ts';

// The words a lesson file says "when" and "done" in: facts about the run,
// each read from the view every scheduler shares (view.ts), combined with
// all, any and not. README.md lists them with what each means.

/** A server, by number, or by its part: the leader now, or the leader when the step began. */
export type ServerRef = number | 'leader' | 'stepLeader';

export type Role = NodeView['role'];

/** One fact of the vocabulary, or a combination of them. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | Fact;

export type Fact =
  /** A live leader (of the highest term); this server; of this term; elected since the step began. */
  | {
      readonly fact: 'leader';
      readonly server?: ServerRef;
      readonly term?: number;
      readonly elected?: boolean;
    }
  /** A live server in this role (this one, or any). */
  | { readonly fact: 'role'; readonly role: Role; readonly server?: ServerRef }
  /** Two or more candidates stand in one term. */
  | { readonly fact: 'splitVote' }
  /** A server has reached a term later than any when the step began. */
  | { readonly fact: 'newTerm' }
  /** The server voted, since the step began, for another server (this one, or any). */
  | { readonly fact: 'voteGranted'; readonly server: ServerRef; readonly to?: ServerRef }
  /** The server is up. */
  | { readonly fact: 'up'; readonly server: ServerRef }
  /** The entry (by index, or the leader's entry that writes `write`) is committed on the server, on every server ('all'), or on some. */
  | {
      readonly fact: 'committed';
      readonly index?: number;
      readonly write?: string;
      readonly server?: ServerRef | 'all';
    }
  /** The server has committed every entry of its log. */
  | { readonly fact: 'committedAll'; readonly server: ServerRef }
  /** The server's log holds an entry that writes `write`; or, with `count`, that many live servers hold the leader's. */
  | {
      readonly fact: 'logHas';
      readonly write: string;
      readonly server?: ServerRef;
      readonly count?: number | 'majority';
    }
  /** The server's log reaches index `atLeast`. */
  | { readonly fact: 'lastIndex'; readonly server: ServerRef; readonly atLeast: number }
  /** `user`'s state is `state` as the server has applied it, or, with no server, on every server, all up. */
  | {
      readonly fact: 'state';
      readonly user: string;
      readonly state: string;
      readonly server?: ServerRef;
    }
  /** Every live server has the same log, all of it committed and applied. */
  | { readonly fact: 'converged' }
  /** Every client operation has its answer (`earlier`: at an instant before this one). */
  | { readonly fact: 'answered'; readonly earlier?: boolean }
  /** A safety property (this one, or any) has been violated. */
  | { readonly fact: 'violation'; readonly property?: string }
  /** Since the step began, a read asked as stale (or as linearizable) answered with a value older than a confirmed write. */
  | { readonly fact: 'staleRead'; readonly asked: 'stale' | 'linearizable' }
  /** Since the step began, a write was confirmed while at least `down` servers were down. */
  | { readonly fact: 'writeConfirmed'; readonly whileDown: number }
  /** Since the step began, a client gave up on a write that no server's log holds. */
  | { readonly fact: 'writeLost' }
  /** Since the step began, a write retried by its client was applied once, not twice. */
  | { readonly fact: 'appliedOnce' }
  /** Since the step began, the service refused a client operation with one of these codes. */
  | { readonly fact: 'refused'; readonly codes: readonly string[] }
  /** Since the step began, an action of this kind was made (a click, or the lesson's). */
  | { readonly fact: 'input'; readonly kind: string }
  /** The server (or every live one) has taken a snapshot. */
  | { readonly fact: 'snapshot'; readonly server?: ServerRef }
  /** The leader's snapshot has passed the end of the server's log (or, with no server, of one it cannot reach). */
  | { readonly fact: 'behindSnapshot'; readonly server?: ServerRef }
  /** The link from one server (or from any other) to the other is up. */
  | { readonly fact: 'linkUp'; readonly from?: ServerRef; readonly to: ServerRef }
  /** The server is a voter (or learner) in the configuration the leader's log (or `in`'s) puts in effect. */
  | {
      readonly fact: 'member';
      readonly server: ServerRef;
      readonly as: 'voter' | 'learner';
      readonly in?: ServerRef;
    }
  /** The leader's configuration has at least this many voters. */
  | { readonly fact: 'voters'; readonly atLeast: number };

export type FactName = Fact['fact'];

/** The facts, in the order README.md lists them (the validator and the authoring form read it). */
export const FACTS: readonly FactName[] = [
  'leader',
  'role',
  'splitVote',
  'newTerm',
  'voteGranted',
  'up',
  'committed',
  'committedAll',
  'logHas',
  'lastIndex',
  'state',
  'converged',
  'answered',
  'violation',
  'staleRead',
  'writeConfirmed',
  'writeLost',
  'appliedOnce',
  'refused',
  'input',
  'snapshot',
  'behindSnapshot',
  'linkUp',
  'member',
  'voters',
];

/** The server a reference names now; null when it names none (no leader). */
export function resolve(ref: ServerRef, v: LessonView, start: StepStart): NodeId | null {
  if (ref === 'leader') return v.leader();
  if (ref === 'stepLeader') return start.leader;
  return v.ids.includes(ref) ? ref : null;
}

/** The fact as a predicate over the run. */
function factPredicate(f: Fact): Predicate {
  /** A predicate about one server: false when the reference names none. */
  const about =
    (ref: ServerRef, holds: (id: NodeId, v: LessonView, start: StepStart) => boolean): Predicate =>
    (v, start) => {
      const id = resolve(ref, v, start);
      return id !== null && holds(id, v, start);
    };
  switch (f.fact) {
    case 'leader':
      return (v, start) => {
        const leader = v.leader();
        if (leader === null) return false;
        const term = v.node(leader).term;
        if (f.server !== undefined && resolve(f.server, v, start) !== leader) return false;
        if (f.term !== undefined && term !== f.term) return false;
        return !f.elected || term > start.maxTerm;
      };
    case 'role':
      return f.server === undefined
        ? (v) => withRole(v, f.role).length > 0
        : about(f.server, (id, v) => v.node(id).alive && v.node(id).role === f.role);
    case 'splitVote':
      return (v) => {
        const terms = withRole(v, 'candidate').map((id) => v.node(id).term);
        return terms.some((t, k) => terms.indexOf(t) !== k);
      };
    case 'newTerm':
      return (v, start) => nodes(v).some((n) => n.term > start.maxTerm);
    case 'voteGranted':
      return about(f.server, (id, v, start) => {
        const n = v.node(id);
        const before = start.votes.find(([voter]) => voter === id);
        const to = f.to === undefined ? null : resolve(f.to, v, start);
        if (n.votedFor === null || n.votedFor === id) return false;
        if (f.to !== undefined && n.votedFor !== to) return false;
        return !before || before[1] !== n.term || before[2] !== n.votedFor;
      });
    case 'up':
      return about(f.server, (id, v) => v.node(id).alive);
    case 'committed':
      return (v, start) => {
        const index = f.write === undefined ? (f.index ?? null) : leaderWriteIndex(v, f.write);
        if (index === null) return false;
        const on = committedOn(v, index);
        if (f.server === undefined) return on.length > 0;
        if (f.server === 'all') return on.length === v.ids.length;
        const id = resolve(f.server, v, start);
        return id !== null && on.includes(id);
      };
    case 'committedAll':
      return about(f.server, (id, v) => v.node(id).commitIndex === lastIndexOf(v.node(id)));
    case 'logHas':
      if (f.server !== undefined) {
        const write = f.write;
        return about(f.server, (id, v) => {
          const n = v.node(id);
          return n.alive && writeIndexOn(n, write) !== null;
        });
      }
      return (v) => {
        const count = f.count === 'majority' ? majority(v) : (f.count ?? 1);
        return heldBy(v, f.write) >= count;
      };
    case 'lastIndex':
      return about(f.server, (id, v) => lastIndexOf(v.node(id)) >= f.atLeast);
    case 'state':
      return f.server === undefined
        ? (v) => appliedEverywhere(v, f.user, f.state)
        : about(f.server, (id, v) => stateOn(v, id, f.user) === f.state);
    case 'converged':
      return converged;
    case 'answered':
      return f.earlier
        ? (v) => allAnswered(v) && v.history().every((op) => (op.completeMs ?? v.now) < v.now)
        : allAnswered;
    case 'violation':
      return (v) =>
        v.violations().some((x) => f.property === undefined || x.property === f.property);
    case 'staleRead':
      return (v, start) => oldReadSince(v, start, f.asked === 'stale');
    case 'writeConfirmed':
      return (v, start) => confirmedWhileDown(v, start, f.whileDown);
    case 'writeLost':
      return lostWrite;
    case 'appliedOnce':
      return retriedOnce;
    case 'refused':
      return (v, start) =>
        opsSince(v, start).some(
          (op) => op.status === 'fail' && op.code !== undefined && f.codes.includes(op.code),
        );
    case 'input':
      return (v, start) =>
        v
          .inputLog()
          .slice(start.inputCount)
          .some((i) => i.kind === f.kind);
    case 'snapshot':
      return f.server === undefined
        ? (v) => nodes(v).every((n) => (n.snapshotIndex ?? 0) > 0)
        : about(f.server, (id, v) => (v.node(id).snapshotIndex ?? 0) > 0);
    case 'behindSnapshot':
      if (f.server !== undefined) return about(f.server, (id, v) => compactedPast(v, id));
      return (v) => {
        const leader = v.leader();
        return (
          leader !== null &&
          v.ids.some((id) => id !== leader && unreachable(v, leader, id) && compactedPast(v, id))
        );
      };
    case 'linkUp':
      return about(f.to, (to, v, start) => {
        if (f.from === undefined) return v.ids.some((id) => id !== to && v.isLinkUp(id, to));
        const from = resolve(f.from, v, start);
        return from !== null && v.isLinkUp(from, to);
      });
    case 'member':
      return about(f.server, (id, v, start) => {
        const owner = resolve(f.in ?? 'leader', v, start);
        const config = owner === null ? undefined : v.node(owner).config;
        return (f.as === 'voter' ? config?.voters : config?.learners)?.includes(id) ?? false;
      });
    case 'voters':
      return (v) => {
        const leader = v.leader();
        return (leader === null ? 0 : (v.node(leader).config?.voters.length ?? 0)) >= f.atLeast;
      };
  }
}

/** A condition as a predicate over the run, read at the end of an instant. */
export function predicate(c: Condition): Predicate {
  if ('all' in c) {
    const parts = c.all.map(predicate);
    return (v, start) => parts.every((p) => p(v, start));
  }
  if ('any' in c) {
    const parts = c.any.map(predicate);
    return (v, start) => parts.some((p) => p(v, start));
  }
  if ('not' in c) {
    const part = predicate(c.not);
    return (v, start) => !part(v, start);
  }
  return factPredicate(c);
}
