/**
 * English, the reference catalogue: every other language has exactly this
 * shape (the type checker says what a translation misses). A message with
 * parameters is a function, so word order is the language's own.
 */
export const meta = { code: 'en', name: 'English' };

export const messages = {
  language: {
    label: 'Language',
  },
  // beyond: Raft beyond §5 (snapshots, membership) on the page
  beyond: {
    cellCompacted: 'compacted into the snapshot',
    cellSnapshotLast: (term: number) => `the snapshot's last entry, term ${term}`,
    rowSnapshot: (index: number, term: number) => `snapshot up to ${index}, term ${term}`,
    membershipGroup: 'Membership',
    addServer: (name: string) => `Add ${name}`,
    addServerTitle:
      'Start a new server and have the leader add it: first as a learner that catches up, then as a voter (one change at a time, dissertation §4.1)',
    addServerFull: (max: number) =>
      `The cluster already has ${max} servers, the most the ring holds`,
    noLeaderForChange: 'There is no leader to ask for a membership change; wait for one',
    removeServer: (name: string) => `Remove ${name} from the cluster`,
    notAMember: (name: string) => `${name} is not in the cluster`,
    configLine: (voters: string, learners: string) =>
      learners === '' ? `Voters: ${voters}` : `Voters: ${voters} · learners: ${learners}`,
    learner: 'learner',
    removed: 'removed',
    ariaLearner: 'learner, catching up without a vote',
    ariaRemoved: 'removed from the cluster',
  },
};
