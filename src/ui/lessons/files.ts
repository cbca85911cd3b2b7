import election from './data/election.json' with { type: 'json' };
import splitVote from './data/splitVote.json' with { type: 'json' };
import replication from './data/replication.json' with { type: 'json' };
import leaderCrash from './data/leaderCrash.json' with { type: 'json' };
import partition from './data/partition.json' with { type: 'json' };
import figure7 from './data/figure7.json' with { type: 'json' };
import figure8Bug from './data/figure8Bug.json' with { type: 'json' };
import figure8 from './data/figure8.json' with { type: 'json' };
import noop from './data/noop.json' with { type: 'json' };
import staleReads from './data/staleReads.json' with { type: 'json' };
import exactlyOnce from './data/exactlyOnce.json' with { type: 'json' };
import sessions from './data/sessions.json' with { type: 'json' };
import compaction from './data/compaction.json' with { type: 'json' };
import membership from './data/membership.json' with { type: 'json' };
import disruption from './data/disruption.json' with { type: 'json' };
import preVote from './data/preVote.json' with { type: 'json' };
import checkQuorum from './data/checkQuorum.json' with { type: 'json' };
import transfer from './data/transfer.json' with { type: 'json' };
import leaseReads from './data/leaseReads.json' with { type: 'json' };

// The built-in lessons' files, read at build time, in the order a class
// takes them: the stories of §5 and the client's view, then beyond §5.
// library.ts checks them; the browser tests read them without the page.

export const LESSON_FILES: readonly unknown[] = [
  election,
  splitVote,
  replication,
  leaderCrash,
  partition,
  figure7,
  figure8Bug,
  figure8,
  noop,
  staleReads,
  exactlyOnce,
  sessions,
  // Beyond §5 (issue #7): each feature with the problem it solves.
  compaction,
  membership,
  disruption,
  preVote,
  checkQuorum,
  transfer,
  leaseReads,
];
