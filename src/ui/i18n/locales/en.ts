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
  },
};
