import { lastIndexOf } from '../../../sim/cluster.ts';
import type { NodeId } from '../../../sim/index.ts';
import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { allAnswered, appliedEverywhere, converged, nodes } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import type { LessonView } from '../view.ts';
import { login, write } from './actions.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** Each server snapshots every this many applied entries: small, so compaction shows at once. */
export const COMPACTION_SNAPSHOT_EVERY = 5;

/** Writes while the follower is down: enough for the leader to compact past its log's end twice over. */
const WRITES_WHILE_DOWN = 3 * COMPACTION_SNAPSHOT_EVERY;

/** Writes the task's hint asks for: enough for the leader to compact past a server cut off before them. */
const TASK_WRITES = 2 * COMPACTION_SNAPSHOT_EVERY;

/** The server the lesson crashes: the last one the input log crashed. */
export function crashedServer(v: LessonView): NodeId | null {
  const crash = v.inputLog().findLast((i) => i.kind === 'crash');
  return crash?.kind === 'crash' ? crash.id : null;
}

/** The leader's snapshot has passed the end of server `id`'s log: AppendEntries can no longer bring it up. */
export function compactedPast(v: LessonView, id: NodeId): boolean {
  const leader = v.leader();
  return leader !== null && lastIndexOf(v.node(id)) < (v.node(leader).snapshotIndex ?? 0);
}

/** Out of the leader's reach: down, or a link between them cut. */
function unreachable(v: LessonView, leader: NodeId, id: NodeId): boolean {
  return !v.node(id).alive || !v.isLinkUp(leader, id) || !v.isLinkUp(id, leader);
}

/** Lesson: log compaction and InstallSnapshot (Raft §7). */
export const compaction: Lesson = {
  id: 'compaction',
  title: (m) => m.compaction.title,
  setup: {
    seed: 12,
    options: { ...DEFAULT_PAGE_OPTIONS, snapshotEvery: COMPACTION_SNAPSHOT_EVERY },
  },
  steps: [
    {
      narration: (m) => m.compaction.snapshots(COMPACTION_SNAPSHOT_EVERY),
      actions: [
        login('alice', 'alice-pw'),
        ...Array.from({ length: COMPACTION_SNAPSHOT_EVERY }, (_, k) => write('alice', `v${k + 1}`)),
      ],
      until: {
        holds: (v) =>
          appliedEverywhere(v, 'alice', `v${COMPACTION_SNAPSHOT_EVERY}`) &&
          nodes(v).every((n) => (n.snapshotIndex ?? 0) > 0),
        withinMs: WRITE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.compaction.crash(WRITES_WHILE_DOWN),
      actions: (v) => {
        const follower = v.ids.find((id) => id !== v.leader());
        return [
          ...(follower === undefined ? [] : [{ kind: 'crash' as const, id: follower }]),
          ...Array.from({ length: WRITES_WHILE_DOWN }, (_, k) => write('alice', `w${k + 1}`)),
        ];
      },
      until: {
        holds: (v) => {
          const down = crashedServer(v);
          return down !== null && allAnswered(v) && compactedPast(v, down);
        },
        withinMs: 2 * WRITE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.compaction.install,
      actions: (v) => {
        const down = crashedServer(v);
        return down === null ? [] : [{ kind: 'restart', id: down }];
      },
      // Caught up, past the leader's snapshot: only InstallSnapshot could carry it there.
      until: {
        holds: (v) => {
          const back = crashedServer(v);
          return back !== null && v.node(back).alive && converged(v);
        },
        withinMs: WRITE_WITHIN_MS,
      },
    },
    {
      narration: (m) => m.compaction.tryIt,
      task: {
        goal: (m) => m.compaction.taskGoal,
        hint: (m) => m.compaction.taskHint(TASK_WRITES),
        check: (v) => {
          const leader = v.leader();
          return (
            leader !== null &&
            v.ids.some((id) => id !== leader && unreachable(v, leader, id) && compactedPast(v, id))
          );
        },
        solution: [
          {
            afterMs: 0,
            actions: (v) => {
              const leader = v.leader();
              const alone = v.ids.find((id) => id !== leader);
              return [
                ...(alone === undefined
                  ? []
                  : [
                      {
                        kind: 'partition' as const,
                        groups: [[alone], v.ids.filter((id) => id !== alone)],
                      },
                    ]),
                ...Array.from({ length: TASK_WRITES }, (_, k) => write('alice', `t${k + 1}`)),
              ];
            },
          },
        ],
        withinMs: 2 * WRITE_WITHIN_MS,
      },
    },
  ],
};
