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
  // lessons: the guided lessons' narration (src/ui/lessons)
  lessons: {
    election: {
      title: 'Leader election: timeouts, votes, terms',
      followers:
        'Five servers start as followers. Each waits a random election timeout (150 to 300 ms) to hear from a leader; the ring shows each timer running down.',
      candidate:
        'The first timer ran out: that server became a candidate. It raised its term to 1, voted for itself and asked the others for their votes (RequestVote).',
      heartbeats:
        'It won the votes of a majority, so it leads term 1. Each server votes at most once a term, so a term has at most one leader. Its heartbeats (empty AppendEntries) reset the followers’ timers.',
      tryIt: 'Now you try.',
      taskGoal: 'Make S3 the leader.',
      taskHint:
        'Select S3 and make it time out now, or crash the leader and hope S3’s timer runs out first.',
    },
    splitVote: {
      title: 'Split vote, and why timeouts are random',
      narrow:
        'In this run the election timeouts are drawn from a narrow range, 150 to 160 ms: the servers time out almost together.',
      split:
        'Two servers stood in the same term, each voting for itself. The others vote for whichever asks first, so the votes split and no one reaches a majority.',
      again:
        'No one won this term. The timers run out again, each with a new random value, and a new term begins; it may split again.',
      why: 'Sooner or later one server times out well before the others and wins. The wider the range of timeouts, the sooner that happens: that is why Raft draws them at random (§5.2).',
    },
    replication: {
      title: 'Log replication and commitment',
      leader: 'First, the servers elect a leader.',
      append:
        'Alice logs in and writes “hello”. The leader appends each command to its own log, then sends it to the followers in AppendEntries.',
      majority:
        'The followers append the entry and answer. Once a majority holds it, the leader marks it committed: it will never be lost (§5.3).',
      apply:
        'The leader’s next AppendEntries carries its commit index; each follower then applies the write to its copy of Alice’s state.',
      tryIt: 'Now you try.',
      taskGoal: 'Get a write committed while two of the five servers are down.',
      taskHint:
        'Crash two followers, then write from the clients panel. Try a third crash too: what happens to the write?',
    },
    leaderCrash: {
      title: 'The leader crashes; a new one is elected; the old one returns',
      leader: 'A leader is elected, and Alice’s first write is committed on all five servers.',
      crash:
        'The leader crashes. Its followers stop hearing heartbeats; the first whose timer runs out stands in a higher term and wins.',
      write:
        'Alice writes again. Her client finds the new leader, which commits the write with the other three.',
      restart:
        'The old leader restarts. It kept its term and log on disk; it hears the higher term, becomes a follower and catches up (§5.1).',
    },
    partition: {
      title: 'A partition: the minority leader cannot commit',
      start: 'Alice’s first write is committed on all five servers.',
      split:
        'The network splits: the leader and one follower on one side, three servers on the other. The three stop hearing the leader and elect a new one: three is a majority of five.',
      minorityWrite:
        'The old leader still believes it leads. Alice writes “v2” and her client asks it first: it appends the entry, but can never commit it, as only two servers hear it.',
      clientRetries:
        'Alice’s client hears nothing back. After 250 ms it tries the next server; on the majority side the write reaches the new leader and commits.',
      heal: 'The network heals. The old leader sees the higher term and steps down; its uncommitted entry is replaced by the new leader’s log.',
      tryIt: 'Now you try.',
      taskGoal:
        'Lose a write without breaking safety, if you can: make a write end with no answer, and never be applied.',
      taskHint:
        'Leave no side with a majority for more than 5 s while the leader has the write; then let a majority without it elect a new leader, and heal.',
    },
    figure7: {
      title: 'Figure 7: a new leader repairs six follower logs',
      logs: 'The paper’s Figure 7: S1 is about to lead term 8, and S2 to S7 hold the logs (a) to (f). Some lack entries, some have extra ones, and (f) has entries of terms 2 and 3 no one else has. S1 stands.',
      votes:
        'S1 leads term 8 with the votes of (a), (b), (e) and (f); (c) and (d) refused, as their logs are more up to date (§5.4.1). Where a follower’s log does not match, S1 steps back and tries an earlier entry (§5.3).',
      repaired:
        'Every log now equals the leader’s. The extra entries of (c), (d) and (f) were never committed, so removing them is safe.',
    },
    figure8Story: {
      before:
        'The paper’s Figure 8. S1 led term 2 and copied index 2 to S2 only; S5 led term 3 and wrote its own index 2. S1 stands again; its messages reach S2 and S3 only.',
      copy: 'S1 leads term 4 and copies index 2, of term 2, to S3: now a majority (S1, S2, S3) holds it.',
    },
    figure8Bug: {
      title: 'Figure 8: the commit rule, with the teaching bug on',
      s5Wins:
        'S1 crashes. S5, whose last entry has term 3, asks for votes and wins: to S2, S3 and S4 its log is at least as up to date as theirs. The checker flags it at once: a leader without an entry that was committed (Leader Completeness).',
      count:
        'The teaching bug is on: S1 counts the copies of index 2 and commits it, although it is of an older term.',
      overwrite:
        'S5 writes an entry of term 5 and replicates its log: its index 2, of term 3, replaces the entry S1 had committed (Committed Entry Durability), and servers apply different commands at index 2 (State Machine Safety).',
      end: 'S1 returns and takes S5’s log. A committed entry was lost: see the Safety panel for where. This is why Raft forbids the bug’s rule (§5.4.2).',
    },
    figure8: {
      title: 'Figure 8: the commit rule',
      s5Wins:
        'S1 crashes. S5, whose last entry has term 3, asks for votes and wins: to S2, S3 and S4 its log is at least as up to date as theirs.',
      count:
        'S1 does not commit index 2 although a majority holds it: a leader commits an entry of an older term only by committing one of its own term after it (§5.4.2).',
      overwrite:
        'S5 writes an entry of term 5 and replicates its log: its index 2, of term 3, replaces the uncommitted entry of term 2. Nothing committed is lost.',
      end: 'S1 returns and takes S5’s log. No safety property broke.',
    },
    noop: {
      title: 'Why a new leader appends a no-op',
      logs: 'Every server holds two entries of term 1, Alice’s login and her write, but none knows they are committed: the leader of term 1 is gone. This run has the no-op switched off.',
      stall:
        'A new leader is elected. It may not commit the term 1 entries by counting copies (§5.4.2), and it has no entry of its own term: nothing commits, Alice’s state is applied nowhere, and a read of it waits.',
      tryIt: 'Now you try.',
      taskGoal: 'Unstick the cluster: get Alice’s state applied on every server.',
      taskHint:
        'Committing any entry of the leader’s own term commits every entry before it. Log in as another user.',
      why: 'That is why a new leader appends an empty entry of its own term at once (§8): the earlier entries commit with it, without waiting for a client.',
    },
    staleReads: {
      title: 'Stale reads versus linearizable reads',
      start: 'Alice writes “v1”; every server applies it.',
      cut: 'The leader is cut off from the rest. The other four elect a new leader; the old one still believes it leads.',
      write: 'Alice writes “v2” through the new leader; it commits on the majority side.',
      reads:
        'Two reads of Alice’s state, both sent to the old leader. The stale read is answered at once from what it has applied: “v1”, an old value. The linearizable read needs a majority to confirm the leader first (ReadIndex, §6.4); the old leader cannot get it, so the client tries elsewhere and reads “v2”.',
      heal: 'The network heals; the old leader steps down and catches up.',
      tryIt: 'Now you try.',
      taskGoal:
        'Cause a stale read: a read answered with a state older than one already confirmed written.',
      taskHint:
        'Cut one server off, write a new state on the majority side, then send a stale read to the cut-off server.',
    },
    exactlyOnce: {
      title: 'Exactly-once writes: a retry is not applied twice',
      session:
        'Alice logs in. Her session numbers her requests; every server remembers the last number it applied for her, and its answer.',
      write: 'Alice writes “once”. The leader appends it and copies it to a majority.',
      crash:
        'The leader crashes before it answers Alice. The write is in a majority of logs, so it survives, but her client cannot know that. A new leader is elected.',
      retry:
        'Alice’s client times out and sends the same request again, with the same number. The new leader logs it a second time; when the servers apply that copy, Alice’s session shows the number was already applied, so they skip it and answer with the saved result (§6.3).',
      tryIt: 'Now you try.',
      taskGoal: 'Make a write that needs a retry, and see it applied once.',
      taskHint: 'Write, then crash the leader right away, before the answer comes back.',
    },
    sessions: {
      title: 'Sessions: one user cannot change another’s state',
      register:
        'Alice logs in: her first login registers her name with her password’s hash. Then she writes her state.',
      bob: 'Bob does the same. Each user has a state of their own; a write always names its user and goes through that user’s session.',
      wrongPassword:
        'Someone tries to log in as Alice with the wrong password. Every server applies the same rule to the same log entry, and refuses it alike.',
      noSession:
        'Mallory writes without logging in. The state machine refuses it: there is no session for her client.',
      tryIt: 'Now you try.',
      taskGoal:
        'Try to change Alice’s state without her password. The page checks that you are refused and her state stays hers.',
      taskHint:
        'Log in as alice with a password you guess, or write as a user who never logged in.',
    },
  },
  // share: links, run files, the saved session, exports (src/ui/share)
  share: {
    title: 'Share and save',
    copyLink: 'Copy link',
    linkLabel: 'Link to this run',
    linkCopied: (at: string, chars: number) =>
      `Link copied (${chars} characters): it opens this run paused at ${at}.`,
    linkReady: (at: string, chars: number) =>
      `The clipboard is not available here; select the link (${chars} characters) and copy it. It opens this run paused at ${at}.`,
    saveFile: 'Save run file',
    openFile: 'Open run file',
    fileSaved: (name: string) => `Saved ${name}: open it here with “Open run file”.`,
    fileOpened: (name: string, at: string) => `Opened ${name}, paused at ${at}.`,
    badFile: (name: string, detail: string) =>
      `“${name}” was not opened: ${detail} The current run is unchanged.`,
    fileTooBig: (bytes: number, max: number) =>
      `It is ${bytes.toLocaleString('en-US')} bytes; a run file is at most ${max.toLocaleString('en-US')}.`,
    fileUnreadable: (detail: string) => `The browser could not read it (${detail}).`,
    badLink: (detail: string) => `The run in this link could not be opened: ${detail}`,
    fallbackSaved: 'The saved session was restored instead.',
    fallbackDefault: 'The default run starts instead.',
    badSession: (detail: string) =>
      `The saved session could not be restored: ${detail} The default run starts instead.`,
    linkOpened: (at: string) => `Opened the run from the link, paused at ${at}.`,
    sessionRestored: (at: string) => `Restored your session, paused at ${at}.`,
    replayFailed: (detail: string) => `The run could not be replayed to its instant: ${detail}`,
    sessionSaved: (at: string) => `Session saved at ${at}: reloading the page brings it back.`,
    sessionFull: (kb: number) =>
      `The session (${kb.toLocaleString('en-US')} KB) no longer fits in this browser’s storage, so it is not saved any more. Save a run file to keep it.`,
    sessionUnavailable:
      'This browser does not let the page store data, so the session is not saved. Save a run file to keep it.',
    exportTitle: 'Export for slides and notes',
    ringSvg: 'Ring as SVG',
    ringPng: 'Ring as PNG',
    eventsText: 'Events as text',
    historyText: 'History as text',
    exported: (name: string) => `Downloaded ${name}.`,
    noRing: 'There is no ring on the page to export.',
    pngFailed: (detail: string) => `The PNG could not be drawn: ${detail}`,
    eventsHeader: (seed: number, at: string, count: number) =>
      `Raft Playground: events of seed ${seed} up to ${at} (the last ${count} kept), oldest first`,
    historyHeader: (seed: number, at: string, count: number) =>
      `Raft Playground: client history of seed ${seed} up to ${at} (${count} operation${count === 1 ? '' : 's'})`,
    nothingYet: '(nothing yet)',
    problems: {
      notObject: (path: string, got: string) =>
        `${path === '' ? 'The run' : `“${path}”`} must be a JSON object; it is ${got}.`,
      unknownField: (path: string) =>
        `“${path}” is not part of a run (misspelt, or written by another program?).`,
      missing: (path: string) => `“${path}” is missing.`,
      notInteger: (path: string, min: number, max: number, got: string) =>
        `“${path}” must be a whole number from ${min} to ${max}; it is ${got}.`,
      notNumber: (path: string, min: number, max: number, got: string) =>
        `“${path}” must be a number from ${min} to ${max}; it is ${got}.`,
      notBoolean: (path: string, got: string) => `“${path}” must be true or false; it is ${got}.`,
      notString: (path: string, got: string) => `“${path}” must be text; it is ${got}.`,
      notArray: (path: string, got: string) => `“${path}” must be a list; it is ${got}.`,
      tooMany: (path: string, count: number, max: number) =>
        `“${path}” has ${count.toLocaleString('en-US')} items; at most ${max.toLocaleString('en-US')} are allowed.`,
      notRange: (path: string, got: string) =>
        `“${path}” must be two whole numbers of ms, the smaller first; it is ${got}.`,
      tooDeep: (path: string, max: number) => `“${path}” is nested more than ${max} levels deep.`,
      notJsonValue: (path: string) => `“${path}” is not plain JSON.`,
      commandTooLong: (path: string, chars: number, max: number) =>
        `“${path}” is ${chars} characters long as JSON; a command is at most ${max}.`,
      heartbeatTooLong: (heartbeatMs: number, electionMs: number) =>
        `A heartbeat every ${heartbeatMs} ms is not shorter than the shortest election timeout (${electionMs} ms): followers would time out while the leader is fine (Raft §5.2).`,
      unknownBug: (path: string, got: string, known: string) =>
        `“${path}” is ${got}, which is not a teaching bug; the bugs are ${known}.`,
      repeated: (path: string, got: string) => `“${path}” repeats ${got}.`,
      termsGoDown: (path: string) =>
        `“${path}” has a lower term than the entry before it; terms in a log never go down (Raft §5.3).`,
      notOnPage: (path: string, kind: string) =>
        `“${path}” is a ${kind}, which only the headless simulator runs; the page cannot replay it.`,
      twoSides: (path: string) => `“${path}” puts one server on two sides of the partition.`,
      unknownKind: (path: string, got: string) =>
        `“${path}” is ${got}, which is not a kind of action.`,
      newerVersion: (version: number, ours: number) =>
        `It was saved by a newer Raft Playground (format ${version}); this page is older and reads format ${ours} only. Open it with the newer page.`,
      wrongVersion: (got: string, ours: number) =>
        `“version” is ${got}; this page reads format ${ours}.`,
      outOfOrder: (path: string) =>
        `“${path}” happens before the action above it; actions are listed in time order.`,
      badInput: (path: string, detail: string) => `“${path}” cannot apply: ${detail}`,
      tooBig: (chars: number, max: number) =>
        `It is ${chars.toLocaleString('en-US')} characters long; a run is at most ${max.toLocaleString('en-US')}.`,
      empty: () => 'It is empty.',
      notJson: (detail: string) => `It is not valid JSON, perhaps cut short (${detail}).`,
      notRunFile: (format: string) =>
        `It is not a Raft Playground run file: those begin with "format": "${format}".`,
      linkTooLong: (chars: number, max: number) =>
        `The run in it is ${chars.toLocaleString('en-US')} characters long; at most ${max.toLocaleString('en-US')} are read.`,
      notBase64: () =>
        'The text after “#run=” is not a run: it has characters a copied link never has, or none at all.',
      notDeflate: () =>
        'The text after “#run=” could not be unpacked: the link was probably cut short when it was copied.',
      unpacksTooBig: (max: number) =>
        `The run in it unpacks to more than ${max.toLocaleString('en-US')} characters.`,
    },
  },
};
