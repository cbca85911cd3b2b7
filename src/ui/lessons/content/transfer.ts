import type { NodeId } from '../../../sim/index.ts';
import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { allAnswered, appliedEverywhere, converged, newLeader } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import type { LessonView } from '../view.ts';
import { atLeader, login, write } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** The server the task asks to hand leadership to. */
export const TRANSFER_TASK_TARGET: NodeId = 4;

/** The story's target: the first server that neither leads nor is the task's. */
export function transferTarget(v: LessonView): NodeId | undefined {
  const leader = v.leader();
  return v.ids.find((id) => id !== leader && id !== TRANSFER_TASK_TARGET);
}

/** The server the story crashed, and hands leadership to once it is back. */
function crashed(v: LessonView): NodeId | undefined {
  const crash = v.inputLog().findLast((i) => i.kind === 'crash');
  return crash?.kind === 'crash' ? crash.id : undefined;
}

/** Lesson: leadership transfer (dissertation §3.10). */
export const transfer: Lesson = {
  id: 'transfer',
  title: (m) => m.transfer.title,
  setup: { seed: 16, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    {
      narration: (m) => m.transfer.start,
      actions: [login('alice', 'alice-pw'), write('alice', 'v1')],
      until: { holds: (v) => appliedEverywhere(v, 'alice', 'v1'), withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.transfer.behind,
      actions: (v) => {
        const target = transferTarget(v);
        return [
          ...(target === undefined ? [] : [{ kind: 'crash' as const, id: target }]),
          write('alice', 'v2'),
          write('alice', 'v3'),
        ];
      },
      until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.transfer.handOver,
      actions: (v) => {
        const target = crashed(v);
        const leader = v.leader();
        return target === undefined || leader === null
          ? []
          : [
              { kind: 'restart', id: target },
              { kind: 'transferLeadership', id: leader, target },
            ];
      },
      until: {
        holds: (v, start) => {
          const target = crashed(v);
          return target !== undefined && newLeader(v, start) === target;
        },
        withinMs: ELECTION_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.transfer.why,
      actions: [write('alice', 'v4')],
      until: { holds: (v) => allAnswered(v) && converged(v), withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.transfer.tryIt,
      task: {
        goal: (m) => m.transfer.taskGoal,
        hint: (m) => m.transfer.taskHint,
        check: (v, start) => newLeader(v, start) === TRANSFER_TASK_TARGET,
        solution: [
          {
            afterMs: 0,
            actions: atLeader((leader) => [
              { kind: 'transferLeadership', id: leader, target: TRANSFER_TASK_TARGET },
            ]),
          },
        ],
        withinMs: ELECTION_WITHIN_MS,
      },
    },
  ],
};
