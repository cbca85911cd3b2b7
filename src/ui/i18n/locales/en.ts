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
    compaction: {
      title: 'Log compaction: snapshots and InstallSnapshot',
      snapshots: (every: number) =>
        `In this run each server snapshots its state every ${every} applied entries, and discards the log entries the snapshot stands for (§7). Alice logs in and writes ${every} times: the log view now begins with the compacted prefix, one cell for the snapshot.`,
      crash: (writes: number) =>
        `A follower crashes. Alice writes ${writes} more times; the leader commits the writes with the other three and compacts again, past the end of the crashed server’s log: no server still holds the entries it lacks.`,
      install:
        'The follower restarts. AppendEntries cannot help it, as the entries it needs are gone; so the leader sends InstallSnapshot, and the follower replaces its state with the snapshot, then takes the entries after it as usual (§7).',
      tryIt: 'Now you try.',
      taskGoal:
        'Leave a follower so far behind that only a snapshot can catch it up: the leader’s snapshot must pass the end of its log while it is out of reach.',
      taskHint: (writes: number) =>
        `Crash or cut off a follower, then have Alice write ${writes} times or more. Afterwards restart it or heal the network, and watch for the InstallSnapshot.`,
    },
    membership: {
      title: 'Membership changes: adding and removing servers',
      start: 'Five servers, and Alice’s first write committed on all of them.',
      learner:
        'A sixth server starts with an empty log. The leader adds it as a learner first: it receives the log but has no vote, so the majority stays three of five while it catches up (§4.2.1).',
      voter:
        'It has caught up, so the leader appends a configuration that makes it a voter: now four of six are a majority. One server at a time, any majority of the old voters overlaps any majority of the new, so two leaders can never be elected in one term (§4.1).',
      removeLeader:
        'Now the leader removes itself. It keeps leading until the configuration without it commits, then steps down, and the other five elect a new leader (§4.2.2).',
      tryIt: 'Now you try.',
      taskGoal: 'Grow the cluster to 7 voters.',
      taskHint:
        'Add servers from the membership menu, one at a time: the leader refuses a second change until the first has committed.',
    },
    disruption: {
      title: 'A server that rejoins can unseat a healthy leader',
      start: 'PreVote is off in this run. Alice’s first write is committed on all five servers.',
      cut: 'One follower is cut off, and misses Alice’s next write. Hearing no leader, it times out again and again, each time a candidate in a higher term: it cannot win, but its term keeps rising.',
      heal: 'The network heals. The rejoined server’s higher term reaches the leader, which steps down at once (§5.1), though nothing was wrong with it.',
      elect:
        'A leader is elected in the higher term, and not the rejoined server: its log lacks Alice’s write. The cluster was without a leader for nothing; PreVote, the next lesson, prevents this (§9.6).',
      tryIt: 'Now you try.',
      taskGoal: 'Unseat the leader again, without crashing it.',
      taskHint: 'Cut a follower off for a couple of seconds, then heal the network.',
    },
    preVote: {
      title: 'PreVote: the same story, and the leader stays',
      start:
        'The same cluster and seed, with PreVote on. Alice’s first write is committed on all five servers.',
      cut: 'One follower is cut off again. Before it raises its term, it now first asks whether it could win (a pre-vote); no one answers, so its term stays as it was.',
      heal: 'The network heals. The rejoined server has no higher term to disturb anyone: it hears the leader’s heartbeats and follows. The leader and its term stay (§9.6).',
      tryIt: 'Now you try.',
      taskGoal:
        'PreVote stops only needless elections: with it on, unseat the leader without crashing it.',
      taskHint:
        'Servers grant a pre-vote once they stop hearing a leader. Cut the leader off until the others elect a new one, then heal.',
    },
    checkQuorum: {
      title: 'CheckQuorum: a cut-off leader steps down',
      start: 'CheckQuorum is on in this run. Alice’s first write is committed on all five servers.',
      cut: 'The leader is cut off from the rest, which elect a new leader. With CheckQuorum, a leader that has not heard from a majority within an election timeout steps down (§6.2 of the dissertation). Without it, as in the lesson on stale reads, it would go on believing it leads.',
      heal: 'The network heals, and the old leader follows the new one.',
      deaf: 'Now one follower cannot hear the leader, though the others hear it. That follower times out and asks for votes in a higher term; the others heard from their leader within an election timeout, so they ignore it, and the leader keeps its place.',
      tryIt: 'Now you try.',
      taskGoal: 'Make the leader step down without crashing it or cutting it off from everyone.',
      taskHint:
        'A leader must hear from a majority, itself included. Leave it on a side with a single follower.',
    },
    transfer: {
      title: 'Leadership transfer: handing over on purpose',
      start: 'Alice’s first write is committed on all five servers.',
      behind: 'A follower is down while Alice writes twice more: its log falls behind.',
      handOver:
        'It restarts, and the leader is asked to hand leadership to it (§3.10). The leader stops taking writes, sends it the entries it lacks, then a TimeoutNow message: the target stands at once, without waiting for its timer, and wins, as its log is up to date.',
      why: 'Alice’s next write goes to the new leader. A transfer costs one round of votes instead of an election timeout: useful before taking a leader down for maintenance, or to move leadership to a better-placed server.',
      tryIt: 'Now you try.',
      taskGoal: 'Hand leadership to S4.',
      taskHint: 'Open S4’s menu on the ring and choose to transfer leadership to it.',
    },
    leaseReads: {
      title: 'Lease reads, and clocks that drift too far',
      start: (slow: string) =>
        `Lease reads are on, and each server’s clock runs at its own rate, up to 50% fast or slow. ${slow}’s clock is the slowest: it is made leader (Time out now), and Alice writes “v1”.`,
      read: 'Bob reads Alice’s state through the leader. It answers at once from its own state, without a round of heartbeats: it holds a lease, a time in which no other leader can be elected, counted on its own clock (§6.4.1).',
      cut: 'The leader is cut off. Its lease assumes clocks drift by at most a bound, here 0; but its clock runs slow, so by real time its lease lasts longer than the others wait. By their own faster clocks, the others soon stop counting themselves in its lease.',
      elect: (fast: string) =>
        `${fast}, the fastest clock, times out (we hurry it with Time out now) and is elected, while by the old leader’s clock its lease still holds.`,
      write: 'Alice writes “v2” through the new leader; it commits on the majority side.',
      staleRead:
        'Bob reads again through the old leader. By its slow clock the lease still holds, so it answers at once with “v1”, although “v2” was already written. Bob did not ask for a stale read, so the history view’s linearizability checker flags the history.',
      heal: 'The network heals and the old leader steps down. With a drift bound that covers the clocks (50% in the options), its lease would have ended in time and the read would have waited.',
    },
  },
  // drift: the clock-drift options of lease reads (dissertation §6.4.1)
  drift: {
    bound: 'Clock drift lease reads assume, at most',
    drift: 'Clock drift the servers really have',
    unit: '%',
  },
};
