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
