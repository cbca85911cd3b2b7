import { validateInput, type Input } from '../../sim/inputs.ts';
import { CLOCK_DRIFT_MAX } from '../../sim/options.ts';
import type { ClientOpInput, ClusterOptions, NodeId } from '../../sim/index.ts';
import { messages } from '../i18n/index.ts';
import {
  DEFAULT_PAGE_OPTIONS,
  ELECTION_TIMEOUT_MS_MAX,
  ELECTION_TIMEOUT_MS_MIN,
  HEARTBEAT_MS_MAX,
  LATENCY_MS_MAX,
  PAGE_NODES_MAX,
  PAGE_NODES_MIN,
  SNAPSHOT_EVERY_MAX,
  TEACHING_BUGS,
  type PageOptions,
  type TeachingBug,
} from '../urlOptions.ts';
import { RUN_SPEC_VERSION, type RunSpec } from './runSpec.ts';
import { checked, checks, fail, field, join, quote, type Checked, type Json } from './checker.ts';

export type { Checked } from './checker.ts';

/**
 * Bounds on what a link, a file or the saved session may hold. A run file
 * comes from anywhere (a chat, a download), so everything is checked before
 * a single worker starts, and nothing unchecked is kept.
 */
/** Characters of JSON read at most (a file, or a link once unpacked): about 60,000 actions. */
export const RUN_JSON_CHARS_MAX = 4_000_000;
/** User actions in one run. */
export const RUN_INPUTS_MAX = 10_000;
/** The latest instant a run may be shown at: a day of virtual time. */
export const RUN_AT_MS_MAX = 86_400_000;
/** Nesting of a proposed command (plain JSON), and its length as JSON. */
export const COMMAND_DEPTH_MAX = 8;
export const COMMAND_CHARS_MAX = 1_000;
/** Entries of one server's initial log, and the highest initial term. */
export const INITIAL_LOG_ENTRIES_MAX = 1_000;
export const INITIAL_TERM_MAX = 1_000_000;
/** Largest seed (seeds are unsigned 32-bit integers). */
const SEED_MAX = 0xffffffff;

function p() {
  return messages().share.problems;
}

const { record, integer, boolean, string, array } = checks(p);

function number(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    fail(p().notNumber(path, min, max, quote(value)));
  return value;
}

function msRange(
  value: unknown,
  path: string,
  min: number,
  max: number,
): readonly [number, number] {
  const pair = array(value, path, 2);
  if (pair.length !== 2) fail(p().notRange(path, quote(value)));
  const lo = integer(pair[0], `${path}[0]`, min, max);
  const hi = integer(pair[1], `${path}[1]`, min, max);
  if (lo > hi) fail(p().notRange(path, quote(value)));
  return [lo, hi];
}

/**
 * Plain JSON (what a proposal or an initial log entry may carry), nested at
 * most COMMAND_DEPTH_MAX deep and COMMAND_CHARS_MAX long; rebuilt so that
 * the copy has only own data properties (a `__proto__` key stays a key).
 */
function plainJson(value: unknown, path: string, depth = 0): unknown {
  if (depth > COMMAND_DEPTH_MAX) fail(p().tooDeep(path, COMMAND_DEPTH_MAX));
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return number(value, path, -Number.MAX_VALUE, Number.MAX_VALUE);
  if (Array.isArray(value)) {
    array(value, path, COMMAND_CHARS_MAX);
    return value.map((v, k) => plainJson(v, `${path}[${k}]`, depth + 1));
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length > COMMAND_CHARS_MAX) fail(p().tooMany(path, keys.length, COMMAND_CHARS_MAX));
    return Object.fromEntries(
      keys.map((k) => [k, plainJson((value as Json)[k], join(path, k), depth + 1)]),
    );
  }
  return fail(p().notJsonValue(path));
}

function command(value: unknown, path: string): unknown {
  const copy = plainJson(value, path);
  const chars = JSON.stringify(copy).length;
  if (chars > COMMAND_CHARS_MAX) fail(p().commandTooLong(path, chars, COMMAND_CHARS_MAX));
  return copy;
}

const OPTION_KEYS = [
  'nodes',
  'electionTimeoutMs',
  'heartbeatMs',
  'latencyMs',
  'dropRate',
  'duplicateRate',
  'bugs',
  'noopOnElection',
  'preVote',
  'checkQuorum',
  'leaseReads',
  'snapshotEvery',
] as const satisfies readonly (keyof PageOptions)[];

/** The options within the bounds the address and the options panel use (urlOptions.ts). */
function pageOptions(value: unknown): PageOptions {
  // The drift options came later: a run without them has the defaults.
  const o = record(value, 'options', OPTION_KEYS, ['clockDriftBound', 'clockDrift']);
  const drift = (key: 'clockDriftBound' | 'clockDrift'): number =>
    field(o, key) === undefined
      ? DEFAULT_PAGE_OPTIONS[key]
      : number(field(o, key), `options.${key}`, 0, CLOCK_DRIFT_MAX);
  const electionTimeoutMs = msRange(
    field(o, 'electionTimeoutMs'),
    'options.electionTimeoutMs',
    ELECTION_TIMEOUT_MS_MIN,
    ELECTION_TIMEOUT_MS_MAX,
  );
  const heartbeatMs = integer(field(o, 'heartbeatMs'), 'options.heartbeatMs', 1, HEARTBEAT_MS_MAX);
  // Raft §5.2: followers would time out while the leader is fine.
  if (heartbeatMs >= electionTimeoutMs[0])
    fail(p().heartbeatTooLong(heartbeatMs, electionTimeoutMs[0]));
  const bugs: TeachingBug[] = [];
  for (const [k, name] of array(field(o, 'bugs'), 'options.bugs', TEACHING_BUGS.length).entries()) {
    const bug = TEACHING_BUGS.find((b) => b === name);
    if (!bug) fail(p().unknownBug(`options.bugs[${k}]`, quote(name), TEACHING_BUGS.join(', ')));
    if (bugs.includes(bug)) fail(p().repeated(`options.bugs[${k}]`, quote(name)));
    bugs.push(bug);
  }
  return {
    nodes: integer(field(o, 'nodes'), 'options.nodes', PAGE_NODES_MIN, PAGE_NODES_MAX),
    electionTimeoutMs,
    heartbeatMs,
    latencyMs: msRange(field(o, 'latencyMs'), 'options.latencyMs', 1, LATENCY_MS_MAX),
    dropRate: number(field(o, 'dropRate'), 'options.dropRate', 0, 1),
    duplicateRate: number(field(o, 'duplicateRate'), 'options.duplicateRate', 0, 1),
    bugs,
    noopOnElection: boolean(field(o, 'noopOnElection'), 'options.noopOnElection'),
    preVote: boolean(field(o, 'preVote'), 'options.preVote'),
    checkQuorum: boolean(field(o, 'checkQuorum'), 'options.checkQuorum'),
    leaseReads: boolean(field(o, 'leaseReads'), 'options.leaseReads'),
    clockDriftBound: drift('clockDriftBound'),
    clockDrift: drift('clockDrift'),
    snapshotEvery: integer(
      field(o, 'snapshotEvery'),
      'options.snapshotEvery',
      0,
      SNAPSHOT_EVERY_MAX,
    ),
  };
}

type Initial = NonNullable<ClusterOptions['initial']>;
type InitialNode = Initial[NodeId];

/** Per-server state at time 0; keys are server numbers 1..nodes. */
function initialState(value: unknown, nodes: number): Initial {
  const keys = Array.from({ length: nodes }, (_, k) => String(k + 1));
  const o = record(value, 'initial', [], keys);
  const out: Record<NodeId, InitialNode> = {};
  for (const key of Object.keys(o)) {
    const path = `initial.${key}`;
    const n = record(o[key], path, ['term', 'log'], ['votedFor']);
    const term = integer(field(n, 'term'), `${path}.term`, 0, INITIAL_TERM_MAX);
    const raw = field(n, 'votedFor');
    const votedFor =
      raw === undefined || raw === null ? null : integer(raw, `${path}.votedFor`, 1, nodes);
    const log = array(field(n, 'log'), `${path}.log`, INITIAL_LOG_ENTRIES_MAX).map((e, k) => {
      const at = `${path}.log[${k}]`;
      const entry = record(e, at, ['term'], ['command']);
      // A log's terms never go down, and none is above the server's current term (Raft §5.3, Figure 2).
      const entryTerm = integer(field(entry, 'term'), `${at}.term`, 1, term);
      return Object.hasOwn(entry, 'command')
        ? { term: entryTerm, command: command(entry.command, `${at}.command`) }
        : { term: entryTerm };
    });
    for (let k = 1; k < log.length; k++) {
      if (log[k]!.term < log[k - 1]!.term) fail(p().termsGoDown(`${path}.log[${k}]`));
    }
    out[Number(key)] = { term, votedFor, log };
  }
  return out;
}

/** One action's shape and types; then validateInput (src/sim/inputs.ts) checks it against the cluster. */
function input(
  value: unknown,
  path: string,
  nodes: number,
  atMs: number,
  membership: boolean,
): Input {
  const kindOf =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? field(value as Json, 'kind')
      : undefined;
  const at = (o: Json) => number(field(o, 'at'), `${path}.at`, 0, atMs);
  const id = (o: Json, key: string) => integer(field(o, key), `${path}.${key}`, 1, PAGE_NODES_MAX);
  switch (kindOf) {
    case 'crash':
    case 'restart':
    case 'timeoutNow': {
      const o = record(value, path, ['at', 'kind', 'id']);
      return { at: at(o), kind: kindOf, id: id(o, 'id') };
    }
    case 'addServer':
    case 'removeServer': {
      // A run file or link keeps to a fixed cluster; a lesson (src/ui/lessons) may change it.
      if (!membership) return fail(p().notOnPage(path, kindOf));
      const o = record(value, path, ['at', 'kind', 'id']);
      return { at: at(o), kind: kindOf, id: id(o, 'id') };
    }
    case 'propose': {
      const o = record(value, path, ['at', 'kind', 'id', 'command']);
      return {
        at: at(o),
        kind: 'propose',
        id: id(o, 'id'),
        command: command(o.command, `${path}.command`),
      };
    }
    case 'partition': {
      const o = record(value, path, ['at', 'kind', 'groups']);
      const groups = array(field(o, 'groups'), `${path}.groups`, nodes).map((g, k) =>
        array(g, `${path}.groups[${k}]`, nodes).map((x, j) =>
          integer(x, `${path}.groups[${k}][${j}]`, 1, PAGE_NODES_MAX),
        ),
      );
      const all = groups.flat();
      if (new Set(all).size !== all.length) fail(p().twoSides(`${path}.groups`));
      return { at: at(o), kind: 'partition', groups };
    }
    case 'heal': {
      const o = record(value, path, ['at', 'kind']);
      return { at: at(o), kind: 'heal' };
    }
    case 'transferLeadership': {
      const o = record(value, path, ['at', 'kind', 'id', 'target']);
      return { at: at(o), kind: 'transferLeadership', id: id(o, 'id'), target: id(o, 'target') };
    }
    case 'setLink': {
      const o = record(value, path, ['at', 'kind', 'from', 'to', 'up']);
      return {
        at: at(o),
        kind: 'setLink',
        from: id(o, 'from'),
        to: id(o, 'to'),
        up: boolean(field(o, 'up'), `${path}.up`),
      };
    }
    case 'setDropRate':
    case 'setDuplicateRate': {
      const o = record(value, path, ['at', 'kind', 'rate']);
      return { at: at(o), kind: kindOf, rate: number(field(o, 'rate'), `${path}.rate`, 0, 1) };
    }
    case 'client': {
      const o = record(value, path, ['at', 'kind', 'client', 'op']);
      return {
        at: at(o),
        kind: 'client',
        client: string(field(o, 'client'), `${path}.client`),
        op: clientOp(field(o, 'op'), `${path}.op`),
      };
    }
    default:
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail(p().notObject(path, quote(value)));
      return fail(p().unknownKind(`${path}.kind`, quote(kindOf)));
  }
}

/** A client operation as logged: a login has the password's SHA-256, never the password. */
function clientOp(value: unknown, path: string): ClientOpInput {
  const kind =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? field(value as Json, 'kind')
      : undefined;
  const via = (o: Json) =>
    Object.hasOwn(o, 'via') ? { via: integer(o.via, `${path}.via`, 1, PAGE_NODES_MAX) } : {};
  switch (kind) {
    case 'login': {
      const o = record(value, path, ['kind', 'passwordHash'], ['via']);
      return {
        kind,
        passwordHash: string(field(o, 'passwordHash'), `${path}.passwordHash`),
        ...via(o),
      };
    }
    case 'setState': {
      const o = record(value, path, ['kind', 'state'], ['via']);
      return { kind, state: string(field(o, 'state'), `${path}.state`), ...via(o) };
    }
    case 'getState': {
      const o = record(value, path, ['kind', 'user', 'stale'], ['via']);
      return {
        kind,
        user: string(field(o, 'user'), `${path}.user`),
        stale: boolean(field(o, 'stale'), `${path}.stale`),
        ...via(o),
      };
    }
    default:
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail(p().notObject(path, quote(value)));
      return fail(p().unknownKind(`${path}.kind`, quote(kind)));
  }
}

/** The version first: a newer page's run says so, whatever else it holds. */
function version(o: Json): void {
  if (!Object.hasOwn(o, 'version')) fail(p().missing('version'));
  const v = o.version;
  if (typeof v === 'number' && Number.isInteger(v) && v > RUN_SPEC_VERSION)
    fail(p().newerVersion(v, RUN_SPEC_VERSION));
  if (v !== RUN_SPEC_VERSION) fail(p().wrongVersion(quote(v), RUN_SPEC_VERSION));
}

function runSpec(value: unknown, membership: boolean): RunSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(p().notObject('', quote(value)));
  version(value as Json);
  const o = record(value, '', ['version', 'seed', 'options', 'inputs', 'atMs'], ['initial']);
  const seed = integer(field(o, 'seed'), 'seed', 0, SEED_MAX);
  const options = pageOptions(field(o, 'options'));
  const atMs = number(field(o, 'atMs'), 'atMs', 0, RUN_AT_MS_MAX);
  const raw = array(field(o, 'inputs'), 'inputs', RUN_INPUTS_MAX);
  const ids = Array.from({ length: options.nodes }, (_, k) => k + 1);
  const inputs: Input[] = [];
  for (const [k, item] of raw.entries()) {
    const path = `inputs[${k}]`;
    const checked = input(item, path, options.nodes, atMs, membership);
    const before = inputs[inputs.length - 1];
    if (before && checked.at < before.at) fail(p().outOfOrder(path));
    try {
      validateInput(ids, checked);
    } catch (error) {
      fail(p().badInput(path, error instanceof Error ? error.message : String(error)));
    }
    inputs.push(checked);
    if (checked.kind === 'addServer') ids.push(checked.id);
  }
  const initial = Object.hasOwn(o, 'initial') ? initialState(o.initial, options.nodes) : undefined;
  return { version: RUN_SPEC_VERSION, seed, options, ...(initial && { initial }), inputs, atMs };
}

/**
 * Checks a run from outside (a link, a file, storage): every field's type
 * and range. `membership`: servers may be added and removed (a lesson's run).
 */
export function validateRunSpec(value: unknown, membership = false): Checked<RunSpec> {
  return checked(() => runSpec(value, membership));
}

/** Parses JSON text of bounded length; says where it breaks. */
export function parseJson(text: string): Checked<unknown> {
  if (text.length > RUN_JSON_CHARS_MAX)
    return { ok: false, problem: p().tooBig(text.length, RUN_JSON_CHARS_MAX) };
  if (text.trim() === '') return { ok: false, problem: p().empty() };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      problem: p().notJson(error instanceof Error ? error.message : String(error)),
    };
  }
}
