/**
 * English, the reference catalogue: every other language has exactly this
 * shape (the type checker says what a translation misses). A message with
 * parameters is a function, so word order is the language's own.
 */
import type { LinkHolds, ProblemParams } from '../messages.ts';

export const meta = { code: 'en', name: 'English' };

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const messages = {
  // page: the document, the header, notices about the address and restarts
  page: {
    title: 'Raft Playground',
    description: 'Watch Raft elect a leader and replicate a log, then break it on purpose.',
    heading: 'Raft Playground',
    cluster: 'Cluster',
    addressProblems: 'Problems with the address',
    restarted: (seed: number, nodes: number) =>
      `Options changed: the run restarted from time 0 with seed ${seed} and ${nodes} servers.`,
    badSeed: (raw: string, max: number, fallback: number) =>
      `The seed in the address, "${raw}", is not a whole number from 0 to ${max}, so seed ${fallback} is used instead.`,
  },
  // stage: the one-screen layout (src/ui/stage): its bars, the side panel's tabs, the linked views
  stage: {
    transport: 'Time',
    details: 'Details',
    showDetails: 'Show details',
    hideDetails: 'Hide details',
    detailsTitle:
      'Events, history, safety, inspector, servers, share and options, beside the stage',
    tabs: {
      events: 'Events',
      history: 'History',
      safety: 'Safety',
      inspector: 'Inspector',
      servers: 'Servers',
      share: 'Share',
      options: 'Options',
      key: 'Key',
      author: 'Lesson editor',
    },
    safetyBroken: (n: number) => `Safety: ${n} broken`,
    entry: (index: number, term: number) => `Entry ${index} (term ${term})`,
    heldBy: (names: string) => `held by ${names}`,
    heldByNone: 'held by no server',
    committed: 'committed',
    notCommitted: 'not committed yet',
    carrying: (names: string) => `on the wire to ${names}`,
    notCarried: 'no message carrying it',
    message: (kind: string, from: string, to: string) => `${kind} ${from} → ${to}`,
    carries: (first: number, last: number) =>
      first === last ? `carries entry ${first}` : `carries entries ${first} to ${last}`,
    carriesNone: 'carries no entries',
    clearMark: 'Clear',
  },
  // roles: a server's status as the ring, tables and logs say it
  roles: {
    follower: 'follower',
    precandidate: 'precandidate',
    candidate: 'candidate',
    leader: 'leader',
    crashed: 'crashed',
  },
  // units: numbers with their units
  units: {
    ms: (n: string) => `${n} ms`,
    percent: (n: number) => `${n}%`,
  },
  // controls: play, step, reset, speed
  controls: {
    toolbar: 'Simulation controls',
    play: 'Play',
    pause: 'Pause',
    step: 'Step',
    stepTitle: 'Pause, then run to the next event: a timer firing or a message arriving',
    reset: 'Reset',
    resetTitle: 'Start the same seed again from time 0, on fresh disks',
    speed: 'Speed',
    speedTitle: 'Virtual time per wall-clock time; the run is the same at every speed',
    speedMax: 'max',
  },
  // status: the status bar
  status: {
    time: 'Virtual time',
    leader: 'Leader',
    none: 'none',
    seed: 'Seed',
    workers: 'Workers',
    workersTitle: 'Web Workers running, one per live server',
    starting: 'starting',
    inFlight: 'In flight',
    inFlightTitle: 'Messages on the wire',
  },
  // legend: the key under the ring
  legend: {
    servers: 'Legend: servers',
    messages: 'Legend: messages and links',
    prevote: 'PreVote (outlined)',
    vote: 'vote ✓ / ✗',
    heartbeat: 'heartbeat',
    append: 'AppendEntries / snapshot',
    reply: 'reply',
    cutLink: 'cut link',
    oneWay: 'one-way: arrow where it still works',
    timer: 'election timer',
  },
  // ring: servers, links and messages on the ring, its menus and toolbar
  ring: {
    label: 'Cluster ring: servers, links and messages in flight',
    node: (name: string, status: string, term: number) => `${name}, ${status}, term ${term}`,
    cutOff: ', cut off',
    failed: (name: string, error: string) => `${name} failed: ${error}`,
    term: 'term',
    vote: ' · vote ',
    side: (side: string) => `side ${side}`,
    hintBefore:
      'Click or tap a server or a link for its actions; drag a server onto another to put them on one side of a partition, or onto empty space to cut it off. Press',
    hintAfter: 'for the keyboard.',
    nodeActions: (name: string) => `${name} actions`,
    linkActions: (a: string, b: string) => `Link ${a}–${b}`,
    linkUp: (a: string, b: string) => `Link ${a}–${b}: works both ways`,
    linkCut: (a: string, b: string) => `Link ${a}–${b}: cut both ways`,
    linkOneWay: (a: string, b: string, cutFrom: string, cutTo: string) =>
      `Link ${a}–${b}: ${cutFrom} → ${cutTo} cut, ${cutTo} → ${cutFrom} works`,
    flight: (label: string, from: string, to: string, duplicate: boolean) =>
      `${label} ${from} → ${to}${duplicate ? ' (duplicate)' : ''}`,
    lost: (type: string, from: string, to: string) => `${type} ${from} → ${to} lost`,
    flightVoteYes: 'vote ✓',
    flightVoteNo: 'vote ✗',
    flightHeartbeat: 'heartbeat',
    flightAppend: (n: number) => `append ${n}`,
    flightOk: 'ok',
    flightReject: 'reject',
    flightSnapshot: 'snapshot',
    toolbar: 'Cluster view',
    healAll: 'Heal all links',
    dark: 'Dark theme',
    presenter: 'Presenter mode',
    shortcuts: 'Keyboard shortcuts',
  },
  // menu: a server's and a link's actions, and why one is not possible now
  menu: {
    crash: (name: string) => `Crash ${name}`,
    restart: (name: string) => `Restart ${name}`,
    timeout: (name: string) => `Time out ${name} now`,
    isolate: (name: string) => `Isolate ${name}`,
    transfer: (name: string) => `Transfer leadership to ${name}`,
    move: (name: string, side: string) => `Move ${name} to side ${side}`,
    isCrashed: (name: string) => `${name} is crashed`,
    alreadyLeads: (name: string) => `${name} already leads`,
    alreadyCutOff: (name: string) => `${name} is already cut off`,
    noLeader: 'there is no leader to hand over',
    cutOneWay: (from: string, to: string) => `Cut ${from} → ${to} only`,
    cutBoth: 'Cut both ways',
    heal: (a: string, b: string) => `Heal ${a} ↔ ${b}`,
    alreadyCut: 'already cut',
    linkWorks: 'the link works',
  },
  // help: the keyboard shortcuts dialog
  help: {
    title: 'Keyboard shortcuts',
    keySpace: 'Space',
    keyStep: '. or n',
    keyEsc: 'Esc',
    playPause: 'Play or pause',
    step: 'Step to the next event',
    select: 'Select server S1 – S9',
    crash: 'Crash the selected server',
    restart: 'Restart the selected server',
    timeout: 'Make the selected server time out now',
    isolate: 'Isolate the selected server',
    transfer: 'Transfer leadership to the selected server',
    heal: 'Heal all links',
    back: 'Timeline: 500 ms back',
    present: 'Timeline: back to the present',
    theme: 'Switch light and dark theme',
    presenter: 'Presenter mode (large type)',
    help: 'Show or hide this help',
    close: 'Close a menu or this help',
    quiet:
      'Shortcuts stay quiet while you type in a field. On a touch screen, tap a server for its menu.',
    closeButton: 'Close',
  },
  // timeline: scrubbing back in time, and forks
  timeline: {
    label: 'Timeline',
    of: (at: string, present: string) => `${at} of ${present}`,
    viewing: (at: string, present: string) => `Viewing ${at} of ${present}`,
    live: 'Live',
    back: 'Back to the present',
    past: (at: string) =>
      `This is the past, re-run from the input log. Acting here (a crash, a cut, play or step) starts a new future and discards the actions after ${at}.`,
    dismiss: 'Dismiss',
    continued: (at: string) => `Continued from ${at}: a new future starts here.`,
    forked: (at: string, discarded: number) =>
      `Forked at ${at}: a new future starts here, and the ${discarded} later ${plural(discarded, 'action', 'actions')} of the old one ${plural(discarded, 'was', 'were')} discarded.`,
  },
  // network: loss, duplication, healing, partitions in words
  network: {
    legend: 'Network',
    drop: 'Drop rate',
    duplicate: 'Duplicate rate',
    heal: 'Heal network',
    healTitle: 'Repair every cut link',
    list: (names: readonly string[]) => names.join(', '),
    cutOff: (names: string) => `partition: ${names} cut off`,
    partition: (groups: readonly string[]) =>
      `partition: ${groups.map((g) => `{${g}}`).join(' | ')}`,
    oneWay: (n: number) => `no partition; ${n} ${plural(n, 'link', 'links')} cut one way`,
    whole: 'no partition',
  },
  // servers: the table of servers and the propose button
  servers: {
    table: 'Servers',
    server: 'Server',
    role: 'Role',
    term: 'Term',
    lastIndex: 'Last log index',
    commitIndex: 'Commit index',
    actions: 'Actions',
    cutOff: ' (cut off)',
    crash: 'Crash',
    crashLabel: (name: string) => `Crash ${name}`,
    restart: 'Restart',
    restartLabel: (name: string) => `Restart ${name}`,
    isolate: 'Isolate',
    isolateLabel: (name: string) => `Isolate ${name}`,
    isolateTitle: 'Cut this server off from the others (with any already cut off)',
    propose: 'Propose',
    proposeTitle: 'Ask the leader to append a new command to its log',
    proposed: (command: string, name: string, index: number, term: number) =>
      `${command} went to ${name} at index ${index}, term ${term}`,
    nothingProposed: 'nothing proposed yet',
  },
  // logs: the logs grid and its key
  logs: {
    title: 'Logs',
    key: 'Key to the logs',
    committed: 'committed (solid border)',
    uncommitted: 'not yet committed (dashed)',
    nextIndex: "leader's nextIndex",
    matchIndex: "leader's matchIndex",
    differs: 'differs from the leader',
    empty: 'No log entries yet.',
    grid: 'Logs: a row per server, a column per log index',
    server: 'Server',
    row: (name: string, status: string, term: number, commit: number, applied: number) =>
      `${name}, ${status}, term ${term}, commitIndex ${commit}, lastApplied ${applied}`,
    nums: (term: number, commit: number, applied: number) => `t${term} c${commit} a${applied}`,
    cellAt: (name: string, index: number) => `${name} index ${index}`,
    noEntry: 'no entry',
    cellTerm: (term: number) => `term ${term}`,
    appliedMark: 'committed and applied',
    committedMark: 'committed',
    notCommitted: 'not committed',
    conflict: (term: number | null) => `differs from the leader, which has term ${term}`,
    extra: 'the leader has no entry here',
    leaderNext: "leader's nextIndex",
    leaderMatch: "leader's matchIndex",
    join: (parts: readonly string[]) => parts.join(', '),
  },
  // state: the per-user state each server applied
  state: {
    title: 'State',
    noLeader: 'No leader now: nothing to compare with.',
    agree: (leader: string) => `Every server agrees with the leader, ${leader}.`,
    differ: (n: number, leader: string) =>
      `${n} ${plural(n, 'user differs', 'users differ')} from the leader, ${leader} (marked ≠).`,
    showing: (shown: number, total: number) => `Showing the first ${shown} of ${total} users.`,
    caption: 'Per-user state each server has applied',
    user: 'User',
    leaderTag: ' ★ leader',
    crashedTag: ' ✕ crashed',
    noUsers: 'No users yet: a user exists from their first login.',
    empty: 'empty',
    noSuchUser: 'no such user',
    notApplied: 'not applied yet',
    unknown: 'unknown',
    differsFrom: (version: number) => `, differs from the leader, which has version ${version}`,
    leaderHasNone: ', the leader has no such user',
  },
  // clients: the clients panel and how operations read
  clients: {
    title: 'Clients',
    demo: 'Demo users',
    demoLogin: (user: string) => `Log in demo user ${user}`,
    userName: 'User name',
    password: 'Password',
    logIn: 'Log in',
    newState: 'New state',
    setState: 'Set state',
    readUser: 'Read user',
    stale: 'Stale read',
    staleTitle: 'Any server answers, from what it has applied: it may be out of date',
    readState: 'Read state',
    runAs: 'Operations run as the user named above.',
    none: 'No operations yet.',
    table: 'Client operations, newest first',
    client: 'Client',
    operation: 'Operation',
    progressHead: 'Progress',
    result: 'Result',
    askLogin: 'log in',
    askSet: (state: string) => `set state to "${state}"`,
    askGet: (user: string, stale: boolean) =>
      `read ${user}'s state, ${stale ? 'stale (may be out of date)' : 'linearizable'}`,
    progress: {
      queued: 'queued',
      sent: 'sent',
      redirected: 'redirected to the leader',
      retried: 'retried',
      done: 'done',
      failed: 'failed',
      unknown: 'unknown',
      refused: 'refused',
    },
    outcomeUnknown: (reason: string) =>
      `Outcome unknown: it may or may not have taken effect. ${reason}`.trim(),
    failed: 'failed',
    loggedIn: 'logged in',
    saved: (version: string) => `saved as version ${version}`,
    read: (state: string, version: string) => `"${state}" (version ${version})`,
  },
  // errors: what lower layers refuse (src/app/problem.ts), said from its code and values
  errors: {
    /** English says the lower layer's own sentence; another language maps the code. */
    coded: (_code: string, _params: ProblemParams, text: string) => text,
  },
  // history: the clients' operations on a timeline, and the verdict
  history: {
    title: 'History',
    showing: (shown: number, total: number, aroundFailed: boolean) =>
      `Showing ${shown} of ${total} operations${aroundFailed ? ' (around the one that cannot be placed).' : ' (the newest).'}`,
    none: 'No client operations yet.',
    svg: 'Operations by client over virtual time',
    client: (client: string) => `Client ${client}`,
    order: 'The longest valid order',
    orderItem: (n: number, opId: number) => `${n}: operation ${opId}`,
    cannotPlace: '✕ cannot be placed',
    cannotPlaceNote: '; this operation cannot be placed in any valid order',
    status: { ok: 'ok', fail: 'failed', info: 'unknown outcome', pending: 'pending' },
    login: 'login',
    set: (state: string) => `set "${state}"`,
    get: (user: string, stale: boolean) => `get ${user}${stale ? ' (stale)' : ''}`,
    failedResult: (error: string) => (error ? `failed: ${error}` : 'failed'),
    ok: 'ok',
    registered: 'ok, registered',
    version: (v: number) => `v${v}`,
    invokedNoAnswer: (at: string) => `invoked at ${at}, no answer`,
    fromTo: (from: string, to: string) => `from ${from} to ${to}`,
    description: (id: number, client: string, what: string, status: string, when: string) =>
      `Operation ${id}, client ${client}: ${what}, ${status}, ${when}`,
    notChecked: 'Not checked yet.',
    linearizable: '✓ Linearizable: every operation fits one order that respects real time.',
    unknown: '? Unknown: the check ran out of time or space before it could decide.',
    notLinearizable: '✕ Not linearizable: ',
    cannotBePlaced: (id: number, client: string, n: number) =>
      `operation ${id} of client ${client} cannot be placed after the longest valid order (${n} ${plural(n, 'operation', 'operations')}, numbered).`,
    noOrder: "no order of the operations respects real time and the service's rules.",
  },
  // inspector: a server's or a message's fields
  inspector: {
    title: 'Inspector',
    close: 'Close',
    pick: 'Click a server or a message to see its fields.',
    inspectServer: 'Inspect a server',
    inspect: (name: string) => `Inspect ${name}`,
    inFlight: (n: number) => `Messages in flight (${n})`,
    inFlightList: 'Messages in flight',
    heading: (name: string, status: string, term: number) => `${name}, ${status}, term ${term}`,
    stateOf: (name: string) => `State of ${name}`,
    followers: 'Followers (nextIndex, matchIndex)',
    progress: "The leader's progress per follower",
    newest: 'Newest entries',
    newestOf: (name: string) => `Newest entries of ${name}`,
    entry: (index: number, term: number) => `${index} (term ${term})`,
    message: (type: string, from: string, to: string) => `${type} from ${from} to ${to}`,
    fieldsOf: (type: string) => `Fields of ${type}`,
    role: 'role',
    crashedWas: (role: string) => `crashed (was ${role})`,
    nobody: 'nobody',
    emptyLog: 'empty',
    log: (count: number, shown: string, last: number, term: number, runs: string) =>
      `${shown} ${plural(count, 'entry', 'entries')}, last index ${last} (term ${term}): ${runs}`,
    run: (range: string, term: number) => `${range} term ${term}`,
    moreRuns: (text: string, more: number) =>
      `${text}, and ${more} more ${plural(more, 'run', 'runs')}`,
    progressValue: (next: number, match: number) => `nextIndex ${next}, matchIndex ${match}`,
    heartbeatEntries: 'none (a heartbeat)',
    yes: 'yes',
    no: 'no',
    noop: 'no-op (a new leader’s first entry)',
    client: (client: string, seq: string) => `(client ${client} #${seq})`,
  },
  // feed: the event feed, its filters, and every sentence it says
  feed: {
    title: 'Events',
    none: 'No events to show yet.',
    list: 'Events, newest first',
    goTo: (time: string) => `Go to ${time}`,
    show: 'Show',
    byServer: 'Filter by server',
    allServers: 'All servers',
    kinds: {
      elections: 'Elections',
      replication: 'Replication',
      messages: 'Messages',
      faults: 'Faults',
      clients: 'Clients',
    },
    // The pieces of a sentence
    entry: (index: number) => `entry ${index}`,
    entries: (from: number, to: number) => `entries ${from}–${to}`,
    term: (term: number) => `term ${term}`,
    lastTerm: (term: number) => `last term ${term}`,
    terms: (first: number, last: number) => `terms ${first}–${last}`,
    withTerms: (range: string, terms: string) => `${range} (${terms})`,
    voteRequest: (preVote: boolean, term: number) =>
      `a ${preVote ? 'pre-vote' : 'vote'} request for term ${term}`,
    voteReply: (preVote: boolean, granted: boolean, term: number) =>
      `a ${granted ? '' : 'refused '}${preVote ? 'pre-vote' : 'vote'} for term ${term}`,
    heartbeat: (term: number) => `a heartbeat (term ${term})`,
    success: (match: number) => `a success reply (matches up to ${match})`,
    rejection: (index: number) => `a rejection at index ${index}`,
    timeoutNowMessage: (term: number) => `a request to start an election now (term ${term})`,
    otherMessage: (type: string, term: number) => `${type} (term ${term})`,
    // Messages sent
    asksPreVote: (from: string, to: string, term: number, index: number, lastTerm: number) =>
      `${from} asks ${to} whether it would vote for it in term ${term} (a pre-vote; last log entry ${index}, term ${lastTerm})`,
    asksVote: (from: string, to: string, term: number, index: number, lastTerm: number) =>
      `${from} asks ${to} for a vote in term ${term} (last log entry ${index}, term ${lastTerm})`,
    grants: (from: string, to: string, preVote: boolean, term: number) =>
      `${from} grants ${to} ${preVote ? 'a pre-vote' : 'its vote'} in term ${term}`,
    refuses: (from: string, to: string, preVote: boolean, term: number) =>
      `${from} refuses ${to} ${preVote ? 'a pre-vote' : 'its vote'} in term ${term}`,
    sendsHeartbeat: (from: string, to: string, term: number, commit: number) =>
      `${from} sends ${to} a heartbeat (term ${term}, leaderCommit ${commit})`,
    sendsEntries: (from: string, to: string, what: string, prev: number) =>
      `${from} sends ${to} ${what} after index ${prev}`,
    matches: (from: string, to: string, match: number) =>
      `${from} tells ${to} its log matches up to ${match}`,
    mismatch: (from: string, to: string, index: number, conflictTerm: number, at: number) =>
      `${from} tells ${to} its log does not match at index ${index}` +
      (conflictTerm > 0
        ? ` (it has term ${conflictTerm} from index ${at})`
        : ' (its log ends before it)'),
    sends: (from: string, to: string, what: string) => `${from} sends ${to} ${what}`,
    // Happenings
    wonPreVote: (node: string, term: number) =>
      `${node} won the pre-vote and asks for votes in term ${term}`,
    timedOut: (node: string, term: number) =>
      `${node} timed out and asks for votes in term ${term}`,
    preVote: (node: string, term: number) =>
      `${node} timed out and asks whether it could win term ${term} (pre-vote)`,
    elected: (node: string, term: number) => `${node} won the election for term ${term}`,
    electedWith: (node: string, term: number, votes: number) =>
      `${node} won the election for term ${term} with ${votes} ${plural(votes, 'vote', 'votes')}`,
    lostPreVote: (node: string, term: number) =>
      `${node} did not win the pre-vote and stays a follower in term ${term}`,
    steppedDown: (node: string, was: string, term: number) =>
      `${node} stepped down from ${was} to follower in term ${term}`,
    newTerm: (node: string, term: number) => `${node} learned of term ${term}`,
    voted: (node: string, candidate: string, term: number) =>
      `${node} voted for ${candidate} in term ${term}`,
    truncated: (node: string, from: number) =>
      `${node} removed the entries of its log from index ${from}`,
    overwrote: (node: string, from: number, what: string) =>
      `${node} overwrote its log from index ${from} with ${what}`,
    appended: (node: string, what: string) => `${node} appended ${what}`,
    committed: (node: string, index: number) => `${node} committed up to ${index}`,
    applied: (node: string, index: number, term: number) =>
      `${node} applied entry ${index} (term ${term}) to its state machine`,
    received: (to: string, what: string, from: string) => `${to} received ${what} from ${from}`,
    lostInCrash: (type: string, from: string, to: string) =>
      `${type} from ${from} to ${to} was lost when ${to} crashed`,
    down: (type: string, from: string, to: string) =>
      `${from} could not send ${type} to ${to}: ${to} is down`,
    lost: (type: string, from: string, to: string) =>
      `The network lost ${type} from ${from} to ${to}`,
    cutAtSender: (type: string, from: string, to: string) =>
      `${from} could not send ${type} to ${to} (link cut)`,
    cutAtReceiver: (type: string, from: string, to: string) =>
      `${to} dropped ${type} from ${from} (link cut)`,
    cut: (type: string, from: string, to: string) =>
      `${type} from ${from} to ${to} was dropped (link cut)`,
    crashed: (node: string) => `${node} crashed`,
    restarted: (node: string) => `${node} restarted and read its term, vote and log from disk`,
    toldToTimeOut: (node: string) => `${node} was told to time out now`,
    transfer: (node: string, target: string) => `${node} was asked to hand leadership to ${target}`,
    proposed: (node: string) => `A command was proposed to ${node}`,
    group: (names: readonly string[]) => `{${names.join(', ')}}`,
    split: (groups: readonly string[]) => `The network split into ${groups.join(' and ')}`,
    healed: 'Every link was healed',
    linkHealed: (from: string, to: string) => `The link from ${from} to ${to} was healed`,
    linkCut: (from: string, to: string) => `The link from ${from} to ${to} was cut`,
    rate: (which: 'drop' | 'duplicate', percent: number) =>
      `The ${which} rate was set to ${percent}%`,
    asksSet: (client: string, state: string) =>
      `Client ${client} asks to set its state to "${state}"`,
    asksGet: (client: string, user: string | null, stale: boolean) =>
      `Client ${client} asks to read ${user ?? 'a user'}'s state${stale ? ' (a stale read)' : ''}`,
    asksLogin: (client: string) => `Client ${client} asks to log in`,
    requestOps: { login: 'login', setState: 'setState', getState: 'getState' },
    request: (node: string, op: string, client: string | null, user: string) =>
      `${node} received a ${op} request${client === null ? '' : ` from client ${client}`} for ${user}`,
    toRequest: (id: number) => `request ${id}`,
    toClient: (client: string) => `client ${client}`,
    answered: (node: string, to: string, detail: string) => `${node} answered ${to}: ${detail}`,
    refused: (node: string, to: string, detail: string) => `${node} refused ${to}: ${detail}`,
    tryAnother: (node: string, to: string) =>
      `${node} is not the leader and told ${to} to try another server`,
    redirect: (node: string, to: string, leader: string) =>
      `${node} is not the leader and sent ${to} to ${leader}`,
    unknown: (node: string, to: string, reason: string) =>
      `${node} cannot tell ${to} whether its write took effect: ${reason}`,
    loggedInAs: (user: string) => `logged in as ${user}`,
    nowAt: (user: string, version: number) => `${user} is now at version ${version}`,
    has: (user: string, state: string, version: number) =>
      `${user} has "${state}" (version ${version})`,
  },
  // safety: the safety badges
  safety: {
    title: 'Safety',
    allHold: (n: number) => `All ${n} properties hold.`,
    violatedCount: (broken: number, n: number) => `${broken} of ${n} properties violated.`,
    violated: 'violated',
    holds: 'holds',
    more: (n: number) => ` (and ${n} more)`,
    show: (place: string) => `Show ${place}`,
    and: (names: readonly string[]) =>
      names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`,
    entry: (index: number) => `entry ${index}`,
    at: (time: string) => `at ${time}`,
    place: (parts: readonly string[]) => parts.join(', '),
    announce: (property: string, detail: string) => `Safety violated: ${property}. ${detail}.`,
    names: {
      'Election Safety': 'Election Safety',
      'Leader Append-Only': 'Leader Append-Only',
      'Log Matching': 'Log Matching',
      'Leader Completeness': 'Leader Completeness',
      'State Machine Safety': 'State Machine Safety',
      'Term Monotonicity': 'Term Monotonicity',
      'Commit Monotonicity': 'Commit Monotonicity',
      'Committed Entry Durability': 'Committed Entry Durability',
    },
    promises: {
      'Election Safety': 'At most one leader can be elected in a given term.',
      'Leader Append-Only':
        'A leader never overwrites or deletes entries in its log; it only appends new entries.',
      'Log Matching':
        'If two logs contain an entry with the same index and term, the logs are identical in all entries up through that index.',
      'Leader Completeness':
        'If an entry is committed in a term, it is in the logs of the leaders of all higher terms.',
      'State Machine Safety':
        'If a server has applied an entry at an index, no other server ever applies a different entry for that index.',
      'Term Monotonicity': "A server's currentTerm never goes back.",
      'Commit Monotonicity': "A server's commitIndex never goes back.",
      'Committed Entry Durability': 'A committed entry stays stored on a majority of servers.',
    },
  },
  // options: the options panel
  options: {
    title: 'Options',
    summary: (servers: number, bug: boolean) =>
      `, ${servers} servers${bug ? ', a teaching bug on' : ''}. Applying restarts the run from time 0.`,
    seed: 'Seed',
    cluster: 'Cluster',
    size: 'Cluster size',
    servers: (n: number) => `${n} servers`,
    timing: 'Timing',
    electionFrom: 'Election timeout from',
    electionTo: 'Election timeout to',
    heartbeat: 'Heartbeat every',
    latencyFrom: 'Latency from',
    latencyTo: 'Latency to',
    faults: 'Faults at the start',
    lost: 'Messages lost',
    duplicated: 'Messages duplicated',
    raft: 'Raft',
    noop: 'No-op entry on election (§8)',
    preVote: 'PreVote (§9.6)',
    checkQuorum: 'CheckQuorum (§6.2)',
    lease: 'Lease reads (§6.4.1)',
    snapshot: 'Snapshot every',
    ms: 'ms',
    snapshotUnit: 'entries, 0 never',
    bugs: 'Teaching bugs',
    bug: {
      commitOldTermByCount:
        'Bug: commit an earlier term’s entry by counting replicas (breaks §5.4.2, Figure 8)',
      voteWithoutLogCheck:
        'Bug: vote without checking the candidate’s log is up to date (breaks §5.4.1)',
    },
    apply: 'Apply options',
    newSeed: 'New seed',
    // What is wrong with a value, in the address or the form
    what: {
      'cluster size': 'cluster size',
      'election timeout': 'election timeout',
      'heartbeat interval': 'heartbeat interval',
      latency: 'latency',
      'drop rate': 'drop rate',
      'duplicate rate': 'duplicate rate',
      'snapshot interval': 'snapshot interval',
    },
    notInteger: (what: string, value: string, min: number, max: number, fallback: number) =>
      `The ${what} in the address, "${value}", is not a whole number from ${min} to ${max}, so ${fallback} is used.`,
    notRange: (what: string, value: string, min: number, max: number, fallback: string) =>
      `The ${what} in the address, "${value}", is not a range of ms like "${fallback}" within ${min} to ${max}, so ${fallback} ms is used.`,
    notFraction: (what: string, value: string) =>
      `The ${what} in the address, "${value}", is not a fraction from 0 to 1, so 0 is used.`,
    notFlag: (key: string, value: string, on: boolean) =>
      `"${key}=${value}" in the address is neither 1 (on) nor 0 (off), so it stays ${on ? 'on' : 'off'}.`,
    noBug: (name: string, bugs: readonly string[]) =>
      `There is no teaching bug called "${name}"; the bugs are ${bugs.join(' and ')}.`,
    heartbeatTooLong: (heartbeat: number, election: number, fixed: number) =>
      `A heartbeat every ${heartbeat} ms is not shorter than the shortest election timeout (${election} ms), so followers would time out while the leader is fine; ${fixed} ms is used.`,
  },
  // notices: what the store says about the last action
  notices: {
    paused: (property: string | null, at: string) =>
      `Paused: ${property ?? 'a safety property'} was violated at ${at}. See the Safety panel for the servers and entries involved.`,
    couldNotStart: (error: string) => `The servers could not start: ${error}`,
    noLeader:
      'There is no leader yet, so there is nobody to propose to. Let the cluster elect one first.',
    lostLeadership: (name: string) =>
      `${name} stopped being the leader before it got the proposal; try again.`,
  },
  language: {
    label: 'Language',
  },
  // beyond: Raft beyond §5 (snapshots, membership) on the page
  beyond: {
    cellCompacted: 'compacted into the snapshot',
    cellSnapshotLast: (term: number) => `the snapshot's last entry, term ${term}`,
    rowSnapshot: (index: number, term: number) => `snapshot up to ${index}, term ${term}`,
    /** Beside the row's t/c/a numbers, and on the snapshot's last cell. */
    numsSnapshot: (index: number) => ` s${index}`,
    snapshotMark: 'S',
    // The inspector, beyond §5.
    configMembers: (voters: string, learners: string) =>
      learners === '' ? `voters ${voters}` : `voters ${voters}, learners ${learners}`,
    configCommand: (members: string) => `configuration: ${members}`,
    snapshotField: 'snapshot',
    snapshotValue: (index: number, term: number) => `up to index ${index}, term ${term}`,
    configField: 'configuration',
    noSnapshot: 'none',
    // The event feed, beyond §5.
    snapshotMessage: (index: number, term: number) =>
      `its snapshot up to index ${index} (term ${term})`,
    sendsSnapshot: (from: string, to: string, index: number, term: number) =>
      `${from} sends ${to} its snapshot up to index ${index} (term ${term}): ${to} is missing entries ${from} has already compacted (§7)`,
    tookSnapshot: (node: string, index: number, term: number) =>
      `${node} took a snapshot of its state machine up to index ${index} (term ${term}) and dropped those entries from its log (§7)`,
    installedSnapshot: (node: string, index: number, term: number) =>
      `${node} installed the leader's snapshot up to index ${index} (term ${term}) in place of its log (§7)`,
    addServerAsked: (node: string) =>
      `${node} was started, and the leader was asked to add it: first as a learner (§4.1)`,
    removeServerAsked: (node: string) => `The leader was asked to remove ${node} from the cluster`,
    configAppended: (leader: string, voters: string, learners: string) =>
      learners === ''
        ? `${leader} appended a new configuration, voters ${voters}: it takes effect as soon as it is in the log (§4.1)`
        : `${leader} appended a new configuration, voters ${voters}, learners ${learners}: it takes effect as soon as it is in the log (§4.1)`,
    answeredFromLease: (node: string, to: string, detail: string) =>
      `${node} answered ${to} from its lease, without a round of heartbeats (§6.4.1): ${detail}`,
    lostQuorum: (node: string, term: number) =>
      `${node} stepped down in term ${term}: it had not heard from a majority for an election timeout (CheckQuorum)`,
    leftConfig: (node: string, term: number) =>
      `${node} stepped down in term ${term}: it is no longer in the configuration (§4.2.2)`,
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
    // ui: the lessons menu and panel (src/ui/lessons/*.tsx)
    ui: {
      menu: 'Lessons',
      menuTitle: 'Guided lessons: short narrated runs that pause where the protocol does something',
      library: 'Lesson library',
      openScenario: 'Scenario',
      openFile: 'Open a lesson file…',
      openFileTitle:
        'Open a lesson written as a JSON file (raft-playground-lesson), from this computer',
      openScenarioLabel: (title: string) => `Open the scenario of “${title}” as a plain run`,
      panel: 'Lesson',
      stepOf: (k: number, n: number) => `Step ${k} of ${n}`,
      next: 'Next',
      back: 'Back',
      close: 'Close lesson',
      opening: 'Opening the lesson’s run…',
      running: 'Running to this step’s moment…',
      waiting: 'Paused before this step’s moment: press Play to go on.',
      paused: (at: string) => `Paused at ${at}. Press Next to go on.`,
      last: (at: string) =>
        `Paused at ${at}. This is the last step: close the lesson when you are done; the run stays as it is.`,
      missed: (at: string) =>
        `The moment this step waits for did not come by ${at}: the run went differently, perhaps because of something you did. Press Back to run the previous step again as the lesson plays it, then Next.`,
      tryIt: 'Now you try',
      hint: 'Hint',
      hideHint: 'Hide hint',
      taskDone: 'Done: the page saw you do it.',
      lookAt: (parts: string) => `Marked on the stage: ${parts}.`,
      lookLink: (a: string, b: string) => `the link ${a}–${b}`,
      lookEntry: (index: number) => `entry ${index} in every log`,
      lookEntryOn: (index: number, server: string) => `entry ${index} of ${server}`,
      opened: (title: string) => `Lesson opened: “${title}”.`,
      backTo: (k: number) => `Back to step ${k}: the run was replayed to where that step began.`,
      scenarioOpened: (title: string, at: string) =>
        `The scenario of “${title}” opened, paused at ${at}.`,
      unknown: (id: string, ids: readonly string[]) =>
        `There is no lesson called "${id}". The lessons are: ${ids.join(', ')}.`,
      violated: (property: string | null, at: string) =>
        `${property ?? 'A safety property'} was violated at ${at}; the Safety panel shows where. The lesson runs on to its moment.`,
    },
    // author: writing a lesson on a recorded run (src/ui/lessons/author.ts, LessonEditor.tsx)
    author: {
      title: 'Write a lesson',
      intro:
        'Run the playground as usual (crash, cut, propose, log in): every action is kept. Then start a lesson from this run, walk the timeline, and drop a step at any instant or event.',
      fromRun: 'New lesson from this run',
      fromTaken: 'Edit the lesson being taken',
      fromFile: 'Edit a lesson file',
      lessonTitle: (language: string) => `Title (${language})`,
      id: 'Id (letters, digits, - and _)',
      recorded: (seed: number, actions: number, endMs: string) =>
        `Recorded run: seed ${seed}, ${actions} actions, up to ${endMs}.`,
      takeRun: 'Use the run shown',
      openRun: 'Open the recorded run',
      tookRun: (actions: number) =>
        `The draft now uses the run shown (${actions} actions); its steps stay at their instants.`,
      notTheRun:
        'The run shown is not the draft’s recorded run (another seed, options or actions): press “Use the run shown” to record this one, or “Open the recorded run”.',
      notRunning: 'The run is still starting: wait until it runs.',
      addTitle: (at: string) => `Add a step at ${at} (the instant shown)`,
      atInstant: 'Step at this instant',
      event: 'Event',
      atEvent: 'Step at this event',
      added: (k: number, at: string) => `Step ${k} added: it pauses at ${at}.`,
      steps: 'Steps',
      noSteps: 'No steps yet: add one above.',
      stepHead: (k: number, at: string) => `Step ${k} at ${at}`,
      pausesAtInstant: 'pauses at this instant',
      pausesOn: (fact: string) => `pauses on: ${fact}`,
      narration: (language: string) => `Narration (${language})`,
      slack: 'Wait longer than in the recording, ms (if the run goes differently)',
      highlightServers: 'Highlight servers',
      highlightLinks: 'Highlight links (from-to, comma between: 1-2, 3-1)',
      highlightEntries: 'Highlight log entries (the logs at this step’s pause)',
      noEntries: 'The logs are empty at this step’s pause.',
      entryChoice: (index: number, term: number, holders: string) =>
        `Entry ${index}, term ${term} (${holders})`,
      badLinks: (text: string) => `“${text}” is not a list of links such as 1-2, 3-1.`,
      task: 'Task (“now you try”)',
      noTask: 'No task',
      goal: (language: string) => `Goal (${language})`,
      hint: (language: string) => `Hint (${language})`,
      remove: (k: number) => `Remove step ${k}`,
      removed: (k: number) => `Step ${k} removed.`,
      goToPause: (k: number) => `Go to step ${k}’s instant`,
      wentToPause: (k: number, at: string) =>
        `The recorded run is open at step ${k}’s pause (${at}). Do the task yourself, then press “Use what I just did as the solution”.`,
      useSolution: 'Use what I just did as the solution',
      solutionTaken: (k: number, actions: number) =>
        `Step ${k}’s solution: the ${actions} actions made since its pause.`,
      solutionNotFromPause: (k: number, atMs: number) =>
        `The run shown does not go on from step ${k}’s pause at ${atMs} ms: press “Go to step ${k}’s instant”, do the task, then use what you did as the solution.`,
      solutionNothing: (k: number, atMs: number) =>
        `Nothing has been done since step ${k}’s pause at ${atMs} ms: do the task on the page (crash, cut, propose, log in…), then press this again.`,
      solutionTooLong: (groups: number, inputs: number) =>
        `That is more than a solution holds: actions at ${groups} instants at most, ${inputs} at one instant. Go to the step’s pause and do it in fewer.`,
      solutionActions: (actions: number) => `Solution: ${actions} actions.`,
      taskSolved: (at: string) => `Its solution does the task: the page sees it done at ${at}.`,
      taskUnsolved: (at: string) =>
        `Its solution does not do the task: the page does not see it done by ${at}.`,
      taskDoneBefore:
        'The task is already done as the step pauses, before the student does anything: pick another task, or another step.',
      taskNoSolution:
        'No solution yet: go to the step’s pause, do the task yourself, then use what you did as the solution.',
      taskLine: (k: number, verdict: string) => `Step ${k}’s task: ${verdict}`,
      moveUp: (k: number) => `Move step ${k} up`,
      moveDown: (k: number) => `Move step ${k} down`,
      moved: (from: number, to: number) =>
        `What step ${from} says, highlights and asks is now step ${to}’s; the pauses stay in the run’s order.`,
      params: {
        server: 'Server',
        term: 'Term',
        elected: 'Elected since the step began',
        role: 'Role',
        to: 'To server',
        from: 'From server',
        in: 'In the log of',
        index: 'Log index',
        write: 'Write (user:state)',
        count: 'Servers holding it (a number or majority)',
        atLeast: 'At least',
        user: 'User',
        state: 'State',
        earlier: 'Answered at an earlier instant',
        property: 'Property',
        asked: 'Read asked as',
        whileDown: 'Servers down at least',
        codes: 'Refusal codes (comma between)',
        kind: 'Action',
        as: 'As',
      },
      any: 'any',
      allOf: (parts: string) => `all of (${parts})`,
      anyOf: (parts: string) => `any of (${parts})`,
      not: (part: string) => `not (${part})`,
      allServers: 'every server',
      leaderNow: 'the leader now',
      stepLeader: 'the leader as the step began',
      preview: 'Preview as a student',
      download: 'Download .json',
      copyLink: 'Copy link',
      linkLabel: 'Link to this lesson',
      downloaded: (name: string) => `Saved ${name}.`,
      linkCopied: (chars: number) => `Lesson link copied (${chars} characters).`,
      linkReady: (chars: number) =>
        `The clipboard is not available here; select the link (${chars} characters) and copy it.`,
      notExported: (detail: string) => `The lesson cannot be exported yet: ${detail}`,
      drifted: 'These steps no longer pause where you put them (an earlier change moved them):',
      driftLine: (k: number, expected: string, at: string, reached: boolean) =>
        reached
          ? `Step ${k} was at ${expected}; it now pauses at ${at}.`
          : `Step ${k} was at ${expected}; its event no longer comes, so it waits until ${at}.`,
      check: 'Check with the seed and options of the run shown',
      checkNone: (seed: number) =>
        `With seed ${seed} and these options every step’s moment still comes.`,
      checkMissed: (seed: number) =>
        `With seed ${seed} and these options, these steps’ moments no longer come:`,
      missedLine: (k: number, what: string, at: string) =>
        `Step ${k}: “${what}” does not happen; the step waits until ${at} and says it was missed.`,
      checkProblem: (detail: string) => `The lesson cannot run with these options: ${detail}`,
      discard: 'Close the draft',
      badInstant: (atMs: number, max: number) =>
        `${atMs} ms is not an instant of the run (0 to ${max.toLocaleString('en-US')} ms).`,
      notSeen: (fromMs: number, toMs: number) =>
        `That event does not happen between the previous step’s pause (${fromMs} ms) and the instant shown (${toMs} ms): move the timeline to where it has happened, or pick another.`,
      eventFixed: (k: number) =>
        `Step ${k} pauses on an event, so its instant is where the event happens; remove it and add it again elsewhere.`,
      loaded: (title: string, steps: number) =>
        `Loaded “${title}” (${steps} steps) into the editor.`,
      facts: {
        leader: 'a leader is up (this server, this term, elected since the step began)',
        role: 'a server has this role',
        splitVote: 'two candidates stand in one term (a split vote)',
        newTerm: 'a server reaches a new term',
        voteGranted: 'a server votes for another',
        up: 'the server is up',
        committed: 'an entry is committed',
        committedAll: 'the server has committed its whole log',
        logHas: 'a log holds a write',
        lastIndex: 'the server’s log reaches an index',
        state: 'a user’s state is applied',
        converged: 'every live server has the same log, all applied',
        answered: 'every client operation has its answer',
        violation: 'a safety property is violated',
        staleRead: 'a read answers with an old value',
        writeConfirmed: 'a write is confirmed while servers are down',
        writeLost: 'a client gives up on a lost write',
        appliedOnce: 'a retried write is applied once',
        refused: 'the service refuses an operation',
        input: 'an action of this kind is made',
        snapshot: 'a snapshot is taken',
        behindSnapshot: 'a server is behind the leader’s snapshot',
        linkUp: 'a link is up',
        member: 'a server is a voter or learner',
        voters: 'the configuration has this many voters',
      },
    },
    // file: a lesson file's problems and the ways to open one (src/ui/lessons/validate.ts, open.ts)
    file: {
      notLesson: (format: string) =>
        `This is not a lesson file: a lesson file starts with "format": "${format}".`,
      newer: (version: number, ours: number) =>
        `It was written by a newer Raft Playground (lesson format ${version}); this page reads lesson format ${ours} only. Open it with the newer page.`,
      wrongVersion: (got: string, ours: number) =>
        `“version” is ${got}; this page reads lesson format ${ours}.`,
      notObject: (path: string, got: string) =>
        `${path === '' ? 'The lesson' : `“${path}”`} must be a JSON object; it is ${got}.`,
      unknownField: (path: string) =>
        `“${path}” is not part of a lesson (misspelt, or written by another program?).`,
      missing: (path: string) => `“${path}” is missing.`,
      notInteger: (path: string, min: number, max: number, got: string) =>
        `“${path}” must be a whole number from ${min} to ${max}; it is ${got}.`,
      notString: (path: string, got: string) => `“${path}” must be text; it is ${got}.`,
      notArray: (path: string, got: string) => `“${path}” must be a list; it is ${got}.`,
      notBoolean: (path: string, got: string) => `“${path}” must be true or false; it is ${got}.`,
      tooMany: (path: string, count: number, max: number) =>
        `“${path}” has ${count.toLocaleString('en-US')} items; at most ${max.toLocaleString('en-US')} are allowed.`,
      tooLong: (path: string, chars: number, max: number) =>
        `“${path}” is ${chars.toLocaleString('en-US')} characters long; at most ${max.toLocaleString('en-US')} are allowed.`,
      tooDeep: (path: string, max: number) =>
        `“${path}” nests conditions more than ${max} levels deep.`,
      notOneOf: (path: string, got: string, allowed: string) =>
        `“${path}” is ${got}; it must be one of: ${allowed}.`,
      noText: (path: string) => `“${path}” has no text: give it in at least one language.`,
      badLanguage: (path: string) => `“${path}” is not a language code (such as en or zh).`,
      badId: (got: string) => `“id” is ${got}; a lesson's id is 1 to 64 letters, digits, - or _.`,
      badServer: (path: string, got: string, max: number) =>
        `“${path}” is ${got}; it must name a server (1 to ${max}), "leader" or "stepLeader".`,
      notCondition: (path: string) =>
        `“${path}” is not a condition: it needs "fact", or "all", "any" or "not".`,
      noParts: (path: string) => `“${path}” is empty; list at least one condition.`,
      indexOrWrite: (path: string) =>
        `“${path}” names its entry by "index" or by "write", one of the two.`,
      notLink: (path: string) => `“${path}” must be two servers, from and to.`,
      noSteps: () => 'The lesson has no steps.',
      badRun: (detail: string) => `Its run cannot be opened: ${detail}`,
      badSolution: (path: string, detail: string) => `“${path}” cannot apply: ${detail}`,
      refused: (name: string, detail: string) =>
        `The lesson “${name}” was not opened: ${detail} Nothing was changed.`,
      notFound: (name: string, status: string) =>
        `The lesson file “${name}” could not be read from beside the page (${status}). Nothing was changed.`,
      badName: (name: string) =>
        `“${name}” is not a lesson file beside the page, so nothing was fetched: give a path relative to the page, such as lessons/my-lesson.json (letters, digits, -, _ and . in each folder's name, ending in .json), never an address of another site. Nothing was changed.`,
      textTooLong: (chars: number, max: number) =>
        `It is ${chars.toLocaleString('en-US')} characters long; a lesson is at most ${max.toLocaleString('en-US')}.`,
      badLink: (detail: string) => `The lesson in this link could not be opened: ${detail}`,
      tooBig: (name: string, bytes: number, max: number) =>
        `The lesson “${name}” was not opened: it is ${bytes.toLocaleString('en-US')} bytes; at most ${max.toLocaleString('en-US')} are read. Nothing was changed.`,
    },
  },
  // drift: the clock-drift options of lease reads (dissertation §6.4.1)
  drift: {
    bound: 'Clock drift lease reads assume, at most',
    drift: 'Clock drift the servers really have',
    unit: '%',
    boundName: 'clock drift bound',
    driftName: 'clock drift',
    notFraction: (what: string, value: string, max: number, fallback: number) =>
      `The ${what} in the address, "${value}", is not a fraction from 0 to ${max}, so ${fallback} is used.`,
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
      // `holds`: what the link holds, a run (#run=) or a lesson (#lesson=).
      linkTooLong: (holds: LinkHolds, chars: number, max: number) =>
        `The ${holds} in it is ${chars.toLocaleString('en-US')} characters long; at most ${max.toLocaleString('en-US')} are read.`,
      notBase64: (holds: LinkHolds) =>
        `The text after “#${holds}=” is not a ${holds}: it has characters a copied link never has, or none at all.`,
      notDeflate: (holds: LinkHolds) =>
        `The text after “#${holds}=” could not be unpacked: the link was probably cut short when it was copied.`,
      unpacksTooBig: (holds: LinkHolds, max: number) =>
        `The ${holds} in it unpacks to more than ${max.toLocaleString('en-US')} characters.`,
      notRunOrLesson: (run: string, lesson: string) =>
        `It is neither a run file nor a lesson file: those begin with "format": "${run}" or "format": "${lesson}".`,
      dropTooBig: (bytes: number, max: number) =>
        `It is ${bytes.toLocaleString('en-US')} bytes; a run or lesson file is at most ${max.toLocaleString('en-US')}.`,
    },
  },
  live: {
    watch: 'Watch a live cluster',
    watchTitle:
      'Show a cluster of real servers (npm run serve) on this machine instead of the simulation',
    addressLabel: 'Address of one server',
    attach: 'Watch',
    cancel: 'Cancel',
    detach: 'Back to the simulation',
    watching: (url: string) => `Watching the live cluster at ${url}: real processes, in real time.`,
    notApplicable:
      'Time travel, replay, Step, the speed, seeds, options and lessons do not apply to a live cluster: its servers run on their own clocks, and no run is recorded to play again.',
    lessonsOff: 'Lessons (simulation only)',
    badAddress: (text: string) =>
      `“${text}” is not the address of a server on this machine: give http://127.0.0.1:PORT or http://localhost:PORT, as npm run serve prints it.`,
    connecting: (url: string) => `Connecting to ${url}…`,
    unreachable: (url: string) =>
      `No server answers at ${url}. Start a cluster with npm run serve, or check the port; the page keeps trying.`,
    notAServer: (url: string) => `${url} answered, but not as a server of npm run serve.`,
    serverDown: (names: string) =>
      `Not answering: ${names}. The page shows them as down and keeps trying.`,
    noLauncher:
      'This cluster was not started by npm run serve, so the page cannot crash or restart its processes.',
    simulationOnly:
      'On a live cluster the page can crash, restart, cut and heal; this action is for the simulation.',
    noServer: 'No server of the live cluster answers; try again once one is back.',
    logInFirst: (user: string) => `Log in as ${user} first.`,
    failed: (detail: string) => `The live cluster refused: ${detail}`,
  },
};
