import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { appliedEverywhere, firstFollower, newLeader } from '../facts.ts';
import type { Lesson, Step } from '../lesson.ts';
import type { LessonView, StepStart } from '../view.ts';
import { isolateLeader, login, write } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** How long the server stays cut off: several election timeouts, so it times out again and again. */
export const CUT_OFF_MS = 2_000;

/** How long the lesson watches after the heal, for the leader to step down or to stay. */
const AFTER_HEAL_MS = 1_000;

/** The lesson's cut: that server alone, and a write it misses, so its log falls behind. */
function cutOff(v: LessonView) {
  const alone = firstFollower(v);
  return alone === undefined
    ? []
    : [
        { kind: 'partition' as const, groups: [[alone], v.ids.filter((id) => id !== alone)] },
        write('alice', 'v2'),
      ];
}

/**
 * How long the PreVote lesson keeps a follower cut off while nobody writes:
 * chosen for its seed so that the network heals 1 ms before the server times
 * out, soon after the leader's last lost heartbeat, so its pre-vote requests
 * are answered before the next heartbeat reaches it (stories.test.ts checks it).
 */
export const QUIET_CUT_OFF_MS = 859;

/** A follower cut off, and no write: its log stays as up to date as the leader's. */
function quietCutOff(v: LessonView) {
  const alone = firstFollower(v);
  return alone === undefined
    ? []
    : [{ kind: 'partition' as const, groups: [[alone], v.ids.filter((id) => id !== alone)] }];
}

/** The leader's term was cut short, and not by a crash: a leader of a higher term has been elected since the step began. */
export function unseated(v: LessonView, start: StepStart): boolean {
  return (
    start.leader !== null &&
    newLeader(v, start) !== null &&
    !v
      .inputLog()
      .slice(start.inputCount)
      .some((i) => i.kind === 'crash')
  );
}

const firstWrite: Step = {
  narration: (m) => m.disruption.start,
  actions: [login('alice', 'alice-pw'), write('alice', 'v1')],
  until: { holds: (v) => appliedEverywhere(v, 'alice', 'v1'), withinMs: WRITE_WITHIN_MS },
};

/** Lesson: without PreVote, a server that rejoins unseats a healthy leader (dissertation §9.6). */
export const disruption: Lesson = {
  id: 'disruption',
  title: (m) => m.disruption.title,
  setup: { seed: 14, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    firstWrite,
    {
      narration: (m) => m.disruption.cut,
      actions: cutOff,
      until: { withinMs: CUT_OFF_MS },
    },
    {
      narration: (m) => m.disruption.heal,
      actions: [{ kind: 'heal' }],
      until: {
        holds: (v, start) => start.leader !== null && v.node(start.leader).role !== 'leader',
        withinMs: AFTER_HEAL_MS,
      },
    },
    {
      narration: (m) => m.disruption.elect,
      until: { holds: (v) => v.leader() !== null, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.disruption.tryIt,
      task: {
        goal: (m) => m.disruption.taskGoal,
        hint: (m) => m.disruption.taskHint,
        check: unseated,
        solution: [
          { afterMs: 0, actions: cutOff },
          { afterMs: CUT_OFF_MS, actions: [{ kind: 'heal' }] },
        ],
        withinMs: ELECTION_WITHIN_MS,
      },
    },
  ],
};

/** Lesson: the same story with PreVote on: the leader stays (dissertation §9.6). */
export const preVote: Lesson = {
  id: 'preVote',
  title: (m) => m.preVote.title,
  setup: { seed: 14, options: { ...DEFAULT_PAGE_OPTIONS, preVote: true } },
  steps: [
    { ...firstWrite, narration: (m) => m.preVote.start },
    {
      narration: (m) => m.preVote.cut,
      actions: cutOff,
      until: { withinMs: CUT_OFF_MS },
    },
    {
      narration: (m) => m.preVote.heal,
      actions: [{ kind: 'heal' }],
      until: { withinMs: AFTER_HEAL_MS },
    },
    {
      narration: (m) => m.preVote.quietCut,
      actions: quietCutOff,
      until: { withinMs: QUIET_CUT_OFF_MS },
    },
    {
      narration: (m) => m.preVote.quietHeal,
      actions: [{ kind: 'heal' }],
      until: { withinMs: AFTER_HEAL_MS },
    },
    {
      narration: (m) => m.preVote.tryIt,
      task: {
        goal: (m) => m.preVote.taskGoal,
        hint: (m) => m.preVote.taskHint,
        check: unseated,
        solution: [
          // A real failure still elects: the rest pre-vote, win, and the heal tells the old leader.
          {
            afterMs: 0,
            actions: isolateLeader,
          },
          { afterMs: ELECTION_WITHIN_MS, actions: [{ kind: 'heal' }] },
        ],
        withinMs: ELECTION_WITHIN_MS,
      },
    },
  ],
};
