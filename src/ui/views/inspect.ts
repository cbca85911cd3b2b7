import { isConfigCommand, type ClusterConfig } from '../../raft/index.ts';
import type { Envelope, LogEntry, NodeId, Role } from '../../sim/index.ts';
import { messages } from '../i18n/index.ts';
import { formatVirtualMs, formatWhole, nodeName } from '../labels.ts';
import type { FollowerProgress } from './logDiff.ts';

/** One line of an inspector's <dl>: a name in the paper's words and its value as text. */
export interface Field {
  readonly name: string;
  readonly value: string;
}

/** A run of consecutive entries of one term. */
export interface TermRun {
  readonly from: number;
  readonly to: number;
  readonly term: number;
}

/** Runs drawn in a summary before "and N more". */
export const TERM_RUNS_SHOWN = 6;
/** Characters of a command shown before an ellipsis. */
export const COMMAND_CHARS_SHOWN = 60;

export function termRuns(entries: readonly LogEntry[]): TermRun[] {
  const runs: TermRun[] = [];
  for (const e of entries) {
    const last = runs.at(-1);
    if (last && last.term === e.term && last.to + 1 === e.index)
      runs[runs.length - 1] = { ...last, to: e.index };
    else runs.push({ from: e.index, to: e.index, term: e.term });
  }
  return runs;
}

/** e.g. "1–3 term 1, 4 term 2"; long histories end with "and 5 more runs". */
export function formatRuns(runs: readonly TermRun[], shown = TERM_RUNS_SHOWN): string {
  const t = messages().inspector;
  const text = messages().logs.join(
    runs
      .slice(0, shown)
      .map((r) => t.run(r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`, r.term)),
  );
  const more = runs.length - shown;
  return more > 0 ? t.moreRuns(text, more) : text;
}

/** One entry's command in words; a login's password hash is never shown. */
export function describeCommand(command: unknown): string {
  if (typeof command !== 'object' || command === null)
    return clip(JSON.stringify(command) ?? String(command));
  const c = command as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' ? x : (JSON.stringify(x) ?? ''));
  switch (c.kind) {
    case 'noop':
      return messages().inspector.noop;
    case 'login':
      return clip(`login ${text(c.user)} ${client(text(c.clientId), text(c.seq))}`);
    case 'setState':
      return clip(
        `setState ${text(c.user)} = "${text(c.state)}" ${client(text(c.clientId), text(c.seq))}`,
      );
    case 'getState':
      return clip(`getState ${text(c.user)}`);
    case 'config':
      return isConfigCommand(command)
        ? messages().beyond.configCommand(configText(command))
        : clip(JSON.stringify(command) ?? '');
    default:
      return clip(JSON.stringify(command) ?? '');
  }
}

/** "voters S1 S2 S3, learners S4" (dissertation §4.1). */
function configText(config: ClusterConfig): string {
  return messages().beyond.configMembers(
    config.voters.map(nodeName).join(' '),
    config.learners.map(nodeName).join(' '),
  );
}

/** "(client c1 #2)": who sent a command, with its request number. */
function client(clientId: string, seq: string): string {
  return messages().inspector.client(clientId, seq);
}

function clip(s: string): string {
  return s.length > COMMAND_CHARS_SHOWN ? `${s.slice(0, COMMAND_CHARS_SHOWN - 1)}…` : s;
}

/** What the node inspector needs: the headless NodeView. */
export interface InspectNode {
  readonly id: NodeId;
  readonly alive: boolean;
  readonly role: Role;
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly log: readonly LogEntry[];
  readonly commitIndex: number;
  readonly lastApplied: number;
  /** Raft §7: what its snapshot stands for; 0 or absent when none. */
  readonly snapshotIndex?: number | undefined;
  readonly snapshotTerm?: number | undefined;
  /** Dissertation §4.1: the configuration its log puts in effect. */
  readonly config?: ClusterConfig | undefined;
}

/** A server's state (Raft Figure 2), as fields. */
export function nodeFields(node: InspectNode): Field[] {
  const m = messages();
  const t = m.inspector;
  const last = node.log.at(-1);
  return [
    { name: t.role, value: node.alive ? m.roles[node.role] : t.crashedWas(m.roles[node.role]) },
    { name: 'currentTerm', value: String(node.term) },
    { name: 'votedFor', value: node.votedFor === null ? t.nobody : nodeName(node.votedFor) },
    { name: 'commitIndex', value: String(node.commitIndex) },
    { name: 'lastApplied', value: String(node.lastApplied) },
    {
      name: 'log',
      value: last
        ? t.log(
            node.log.length,
            formatWhole(node.log.length),
            last.index,
            last.term,
            formatRuns(termRuns(node.log)),
          )
        : t.emptyLog,
    },
    {
      name: m.beyond.snapshotField,
      value: node.snapshotIndex
        ? m.beyond.snapshotValue(node.snapshotIndex, node.snapshotTerm ?? 0)
        : m.beyond.noSnapshot,
    },
    ...(node.config ? [{ name: m.beyond.configField, value: configText(node.config) }] : []),
  ];
}

/** The leader's nextIndex and matchIndex, one field per follower, in server order. */
export function progressFields(progress: Readonly<Record<NodeId, FollowerProgress>>): Field[] {
  return Object.entries(progress)
    .map(([id, p]) => [Number(id), p] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([id, p]) => ({
      name: nodeName(id),
      value: messages().inspector.progressValue(p.nextIndex, p.matchIndex),
    }));
}

const yesNo = (b: boolean) => (b ? messages().inspector.yes : messages().inspector.no);

/** Every field of a message on the wire (Raft Figure 2's RPC arguments and results). */
export function messageFields(envelope: Envelope): Field[] {
  const m = envelope.message;
  const fields: Field[] = [
    { name: 'type', value: m.type },
    { name: 'from', value: nodeName(envelope.from) },
    { name: 'to', value: nodeName(envelope.to) },
    { name: 'term', value: String(m.term) },
    { name: 'sentAt', value: formatVirtualMs(envelope.sentAt) },
    { name: 'deliverAt', value: formatVirtualMs(envelope.deliverAt) },
  ];
  switch (m.type) {
    case 'RequestVote':
      fields.push(
        { name: 'lastLogIndex', value: String(m.lastLogIndex) },
        { name: 'lastLogTerm', value: String(m.lastLogTerm) },
      );
      break;
    case 'RequestVoteResponse':
      fields.push({ name: 'voteGranted', value: yesNo(m.voteGranted) });
      break;
    case 'AppendEntries':
      fields.push(
        { name: 'prevLogIndex', value: String(m.prevLogIndex) },
        { name: 'prevLogTerm', value: String(m.prevLogTerm) },
        {
          name: 'entries',
          value:
            m.entries.length === 0
              ? messages().inspector.heartbeatEntries
              : `${m.entries.length}: ${formatRuns(termRuns(m.entries))}`,
        },
        { name: 'leaderCommit', value: String(m.leaderCommit) },
        { name: 'readSeq', value: String(m.readSeq) },
      );
      break;
    case 'AppendEntriesResponse':
      fields.push({ name: 'success', value: yesNo(m.success) });
      if (m.success) fields.push({ name: 'matchIndex', value: String(m.matchIndex) });
      else
        fields.push(
          { name: 'rejectedIndex', value: String(m.rejectedIndex) },
          { name: 'conflictTerm', value: String(m.conflictTerm) },
          { name: 'conflictIndex', value: String(m.conflictIndex) },
        );
      fields.push({ name: 'readSeq', value: String(m.readSeq) });
      break;
    case 'InstallSnapshot':
      if (m.config) fields.push({ name: 'config', value: configText(m.config) });
      break;
  }
  // Any other field the Raft core adds (preVote, lease times, ...): shown as it is.
  const listed = new Set([
    ...fields.map((f) => f.name),
    ...['entries', 'matchIndex', 'rejectedIndex', 'conflictTerm', 'conflictIndex'],
  ]);
  for (const [name, value] of Object.entries(m)) {
    if (listed.has(name)) continue;
    if (typeof value === 'boolean') fields.push({ name, value: yesNo(value) });
    else if (typeof value === 'number' || typeof value === 'string')
      fields.push({ name, value: String(value) });
  }
  fields.push(
    { name: 'incarnation', value: String(envelope.incarnation) },
    { name: 'seq', value: String(envelope.seq) },
    { name: 'duplicate', value: yesNo(envelope.duplicate) },
  );
  return fields;
}
