import type { GetStateValue, SetStateValue } from '../../../app/index.ts';
import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import type { NodeId } from '../../../sim/index.ts';
import {
  allAnswered,
  appliedEverywhere,
  converged,
  deposedLeaders,
  newLeader,
  opsSince,
} from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import type { LessonView, StepStart } from '../view.ts';
import { isolateLeader, login, read, write } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/**
 * A read since the step began, asked for as stale or not as `stale` says,
 * answered with a version older than one a write had already been
 * confirmed at before the read was asked.
 */
export function oldReadSince(stale: boolean): (v: LessonView, start: StepStart) => boolean {
  return (v, start) => {
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
  };
}

/** The server the task's solution cuts off: the first that did not lead when the step began. */
function cutOff(v: LessonView, start: StepStart): NodeId {
  return v.ids.find((id) => id !== start.leader) ?? 1;
}

/** Lesson 9: stale reads versus linearizable reads (dissertation §6.4). */
export const staleReads: Lesson = {
  id: 'staleReads',
  title: (m) => m.staleReads.title,
  setup: { seed: 9, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    {
      narration: (m) => m.staleReads.start,
      actions: [login('alice', 'alice-pw'), write('alice', 'v1')],
      until: { holds: (v) => appliedEverywhere(v, 'alice', 'v1'), withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.staleReads.cut,
      actions: isolateLeader,
      until: { holds: (v, start) => newLeader(v, start) !== null, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.staleReads.write,
      actions: (v) => [write('alice', 'v2', v.leader() ?? undefined)],
      until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.staleReads.reads,
      // Both reads ask the cut-off old leader first.
      actions: (v) => {
        const old = deposedLeaders(v)[0];
        return old === undefined
          ? []
          : [read('bob', 'alice', true, old), read('carol', 'alice', false, old)];
      },
      until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.staleReads.heal,
      actions: [{ kind: 'heal' }],
      until: { holds: converged, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.staleReads.tryIt,
      task: {
        goal: (m) => m.staleReads.taskGoal,
        hint: (m) => m.staleReads.taskHint,
        check: oldReadSince(true),
        solution: [
          {
            afterMs: 0,
            actions: (v, start) => {
              const alone = cutOff(v, start);
              return [
                { kind: 'partition', groups: [[alone], v.ids.filter((id) => id !== alone)] },
                write('alice', 'v3'),
              ];
            },
          },
          {
            afterMs: WRITE_WITHIN_MS,
            actions: (v, start) => [read('bob', 'alice', true, cutOff(v, start))],
          },
        ],
        withinMs: WRITE_WITHIN_MS,
      },
    },
  ],
};
