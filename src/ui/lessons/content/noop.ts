import { COMMAND_VERSION, passwordHash, type ServiceCommand } from '../../../app/index.ts';
import type { ClusterOptions } from '../../../sim/index.ts';
import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { appliedEverywhere } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import { login, read } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** How long the lesson lets the stall show, in ms: many heartbeats, and a read's retries. */
const STALL_MS = 1_500;

/** Alice's login and first write, as a leader of term 1 wrote them into the log at time 0. */
const TERM_1_ENTRIES: readonly ServiceCommand[] = [
  {
    v: COMMAND_VERSION,
    kind: 'login',
    clientId: 'alice',
    seq: 1,
    user: 'alice',
    passwordHash: passwordHash('alice', 'alice-pw'),
    at: 0,
  },
  {
    v: COMMAND_VERSION,
    kind: 'setState',
    clientId: 'alice',
    seq: 2,
    user: 'alice',
    state: 'draft',
    at: 0,
  },
];

/** Every server holds both entries, in term 1, and none knows they are committed: the leader of term 1 is gone. */
const INITIAL: NonNullable<ClusterOptions['initial']> = Object.fromEntries(
  [1, 2, 3, 4, 5].map((id) => [
    id,
    { term: 1, log: TERM_1_ENTRIES.map((command) => ({ term: 1, command })) },
  ]),
);

/** Lesson 8: why a new leader appends a no-op (Raft §5.4.2, §8). */
export const noop: Lesson = {
  id: 'noop',
  title: (m) => m.noop.title,
  setup: {
    seed: 8,
    options: { ...DEFAULT_PAGE_OPTIONS, noopOnElection: false },
    initial: INITIAL,
  },
  steps: [
    {
      narration: (m) => m.noop.logs,
      until: { holds: (v) => v.leader() !== null, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.noop.stall,
      actions: [read('reader', 'alice', false)],
      until: { withinMs: STALL_MS },
    },
    {
      narration: (m) => m.noop.tryIt,
      task: {
        goal: (m) => m.noop.taskGoal,
        hint: (m) => m.noop.taskHint,
        check: (v) => appliedEverywhere(v, 'alice', 'draft'),
        solution: [{ afterMs: 0, actions: [login('bob', 'bob-pw')] }],
        withinMs: WRITE_WITHIN_MS,
      },
    },
    { narration: (m) => m.noop.why },
  ],
};
