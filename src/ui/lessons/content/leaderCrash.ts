import { DEFAULT_PAGE_OPTIONS } from '../../urlOptions.ts';
import { allAnswered, appliedEverywhere, converged, newLeader } from '../facts.ts';
import type { Lesson } from '../lesson.ts';
import { atLeader, login, write } from './actions.ts';
import { ELECTION_WITHIN_MS } from './election.ts';
import { WRITE_WITHIN_MS } from './replication.ts';

/** Lesson 4: the leader crashes, a new one is elected, the old one returns (Raft §5.1, §5.2). */
export const leaderCrash: Lesson = {
  id: 'leaderCrash',
  title: (m) => m.leaderCrash.title,
  setup: { seed: 2, options: DEFAULT_PAGE_OPTIONS },
  steps: [
    {
      narration: (m) => m.leaderCrash.leader,
      actions: [login('alice', 'alice-pw'), write('alice', 'before')],
      until: { holds: (v) => appliedEverywhere(v, 'alice', 'before'), withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.leaderCrash.crash,
      actions: atLeader((leader) => [{ kind: 'crash', id: leader }]),
      until: { holds: (v, start) => newLeader(v, start) !== null, withinMs: ELECTION_WITHIN_MS },
    },
    {
      narration: (m) => m.leaderCrash.write,
      actions: [write('alice', 'after')],
      until: { holds: allAnswered, withinMs: WRITE_WITHIN_MS },
    },
    {
      narration: (m) => m.leaderCrash.restart,
      // The step before began with the crash: its input says whom to restart.
      actions: (v) => {
        const crash = v.inputLog().findLast((i) => i.kind === 'crash');
        return crash?.kind === 'crash' ? [{ kind: 'restart', id: crash.id }] : [];
      },
      until: {
        holds: (v) => appliedEverywhere(v, 'alice', 'after') && converged(v),
        withinMs: WRITE_WITHIN_MS,
      },
    },
  ],
};
