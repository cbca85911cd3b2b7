import election from './data/election.json';
import splitVote from './data/splitVote.json';
import replication from './data/replication.json';
import leaderCrash from './data/leaderCrash.json';
import partition from './data/partition.json';
import figure7 from './data/figure7.json';
import figure8Bug from './data/figure8Bug.json';
import figure8 from './data/figure8.json';
import noop from './data/noop.json';
import staleReads from './data/staleReads.json';
import exactlyOnce from './data/exactlyOnce.json';
import sessions from './data/sessions.json';
import compaction from './data/compaction.json';
import membership from './data/membership.json';
import disruption from './data/disruption.json';
import preVote from './data/preVote.json';
import checkQuorum from './data/checkQuorum.json';
import transfer from './data/transfer.json';
import leaseReads from './data/leaseReads.json';
import type { Lesson } from './lesson.ts';
import { lessonOf } from './schema.ts';
import { validateLessonDoc } from './validate.ts';

// The built-in lessons: lesson files in ./data, read at build time and
// checked as any other lesson file is.

function load(file: unknown): Lesson {
  const checked = validateLessonDoc(file);
  if (!checked.ok)
    throw new Error(`A built-in lesson is not a valid lesson file: ${checked.problem}`);
  return lessonOf(checked.value);
}

/** The lessons, in the order a class takes them: the stories of §5 and the client's view, then beyond §5. */
export const LESSONS: readonly Lesson[] = [
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
].map(load);

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
