import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { appliedEverywhere, converged, downAt, firstFollower, newLeader } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import type { LessonView, StepStart } from '../view.ts';
import { isolateLeader, login, write } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** How long the lesson watches a server that cannot hear the leader: several election timeouts. */
export const DEAF_MS = 2_000;

/** The leader the step began with is up but has stepped down. */
function steppedDown(v: LessonView, start: StepStart): boolean {
  const was = start.leader;
  return was !== null && !downAt(v.inputLog(), v.now).has(was) && v.node(was).role !== 'leader';
}

/** Lesson: CheckQuorum, a cut-off leader steps down; followers ignore a disruptive candidate (dissertation §6.2). */
export const checkQuorum: Lesson = {
  id: 'checkQuorum',
  title: (m) => m.checkQuorum.title,
  setup: { seed: 15, options: { ...DEFAULT_PAGE_OPTIONS, checkQuorum: true } },
  steps: [
    {
      narration: (m) => m.checkQuorum.start,
      actions: [login('alice', 'alice-pw'), write('alice', 'v1')],
      until: { holds: (v) => appliedEverywhere(v, 'alice', 'v1'), withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.checkQuorum.cut,
      actions: isolateLeader,
      until: {
        holds: (v, start) => steppedDown(v, start) && newLeader(v, start) !== null,
        withinMs: ELECTION_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.checkQuorum.heal,
      actions: [{ kind: 'heal' }],
      until: { holds: converged, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.checkQuorum.deaf,
      actions: (v) => {
        const leader = v.leader();
        const deaf = firstFollower(v);
        return leader === null || deaf === undefined
          ? []
          : [{ kind: 'setLink', from: leader, to: deaf, up: false }];
      },
      until: { withinMs: DEAF_MS },
    },
    {
      narration: (m) => m.checkQuorum.tryIt,
      task: {
        goal: (m) => m.checkQuorum.taskGoal,
        hint: (m) => m.checkQuorum.taskHint,
        // Stepped down, and not cut off from everyone: it still hears some servers, just not a majority.
        check: (v, start) =>
          steppedDown(v, start) &&
          start.leader !== null &&
          v.ids.some((id) => id !== start.leader && v.isLinkUp(id, start.leader!)),
        solution: [
          {
            afterMs: 0,
            actions: (v) => {
              const leader = v.leader();
              const other = v.ids.find((id) => id !== leader);
              if (leader === null || other === undefined) return [];
              const small = [leader, other];
              return [
                { kind: 'partition', groups: [small, v.ids.filter((id) => !small.includes(id))] },
              ];
            },
          },
        ],
        withinMs: ELECTION_WITHIN_MS,
      },
    },
  ],
};
