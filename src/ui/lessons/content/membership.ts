import { lastIndexOf } from '../../../sim/cluster.ts';
import { MAX_NODES } from '../../../sim/options.ts';
import type { InputAction, NodeId } from '../../../sim/index.ts';
import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { appliedEverywhere, newLeader } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import type { LessonView } from '../view.ts';
import { atLeader, login, write } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** The voters the task asks for: seven, from the five the story leaves. */
export const MEMBERSHIP_TASK_VOTERS = 7;

/** Long enough for a learner to catch up and its promotion to commit, before the next change. */
const CHANGE_WITHIN_MS = 2_000;

/** The configuration the leader's log puts in effect, or null without a leader. */
export function leaderConfig(
  v: LessonView,
): { voters: readonly NodeId[]; learners: readonly NodeId[] } | null {
  const leader = v.leader();
  return leader === null ? null : (v.node(leader).config ?? null);
}

/** The next server to add: the lowest id not yet used. */
function addNext(v: LessonView): InputAction[] {
  const id = Array.from({ length: MAX_NODES }, (_, k) => k + 1).find((x) => !v.ids.includes(x));
  return id === undefined ? [] : [{ kind: 'addServer', id }];
}

/** The server the lesson added: the last one the input log added. */
export function addedServer(v: LessonView): NodeId | null {
  return v.inputLog().findLast((i) => i.kind === 'addServer')?.id ?? null;
}

/** Lesson: membership changes, one server at a time (dissertation §4.1, §4.2). */
export const membership: Lesson = {
  id: 'membership',
  title: (m) => m.membership.title,
  setup: { seed: 13, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    {
      narration: (m) => m.membership.start,
      actions: [login('alice', 'alice-pw'), write('alice', 'v1')],
      until: { holds: (v) => appliedEverywhere(v, 'alice', 'v1'), withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.membership.learner,
      actions: addNext,
      until: {
        holds: (v) => {
          const added = addedServer(v);
          // A learner, already receiving the leader's log.
          return (
            added !== null &&
            (leaderConfig(v)?.learners.includes(added) ?? false) &&
            lastIndexOf(v.node(added)) > 0
          );
        },
        withinMs: WRITE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.membership.voter,
      until: {
        holds: (v) => {
          const added = addedServer(v);
          const leader = v.leader();
          return (
            added !== null &&
            leader !== null &&
            (leaderConfig(v)?.voters.includes(added) ?? false) &&
            v.node(leader).commitIndex === lastIndexOf(v.node(leader)) &&
            v.node(added).config?.voters.includes(added) === true
          );
        },
        withinMs: CHANGE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.membership.removeLeader,
      actions: atLeader((leader) => [{ kind: 'removeServer', id: leader }]),
      // Paused once the new leader has committed its log, the configuration without the old one included.
      until: {
        holds: (v, start) => {
          const leader = newLeader(v, start);
          return leader !== null && v.node(leader).commitIndex === lastIndexOf(v.node(leader));
        },
        withinMs: ELECTION_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.membership.tryIt,
      task: {
        goal: (m) => m.membership.taskGoal,
        hint: (m) => m.membership.taskHint,
        check: (v) => (leaderConfig(v)?.voters.length ?? 0) >= MEMBERSHIP_TASK_VOTERS,
        solution: [
          { afterMs: 0, actions: addNext },
          { afterMs: CHANGE_WITHIN_MS, actions: addNext },
        ],
        withinMs: CHANGE_WITHIN_MS,
      },
    },
  ],
};
