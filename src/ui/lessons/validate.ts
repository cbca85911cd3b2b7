import type { InputAction } from '../../sim/index.ts';
import { MAX_NODES } from '../../sim/options.ts';
import { messages } from '../i18n/index.ts';
import {
  checked,
  checks,
  fail,
  field,
  join,
  quote,
  type Checked,
  type Json,
} from '../share/checker.ts';
import { parseJson, RUN_AT_MS_MAX, validateRunSpec } from '../share/validate.ts';
import { RUN_SPEC_VERSION } from '../share/runSpec.ts';
import type { Highlight, Localized } from './lesson.ts';
import {
  LESSON_FORMAT,
  LESSON_VERSION,
  type LessonDoc,
  type StepDoc,
  type TaskDoc,
  type UntilDoc,
} from './schema.ts';
import { FACTS, type Condition, type FactName, type ServerRef } from './vocabulary.ts';

/**
 * Bounds on a lesson file. It comes from anywhere (a link, a download, a
 * drop), so every field is checked and rebuilt before anything runs; what
 * is not in the schema is refused, not ignored.
 */
/** Characters of a lesson file's JSON read at most (a file, a link once unpacked, a file beside the page). */
export const LESSON_JSON_CHARS_MAX = 2_000_000;
/** Steps of one lesson. */
export const LESSON_STEPS_MAX = 100;
/** Characters of one text in one language (a narration, a goal, a hint, a title). */
export const LESSON_TEXT_CHARS_MAX = 2_000;
/** Languages one text comes in. */
export const LESSON_LANGUAGES_MAX = 8;
/** Nesting of a condition (all, any, not) and the parts of one all or any. */
export const CONDITION_DEPTH_MAX = 8;
export const CONDITION_PARTS_MAX = 16;
/** Groups of a task's solution, and inputs in one group. */
export const SOLUTION_GROUPS_MAX = 8;
export const SOLUTION_INPUTS_MAX = 50;
/** Servers, links and entries one step highlights, each. */
export const HIGHLIGHTS_MAX = 16;
/** The longest user name, state or code a condition names. */
const WORD_CHARS_MAX = 200;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function p() {
  return messages().lessons.file;
}

const { object, record, integer, boolean, array } = checks(p);

function has(o: Json, key: string): boolean {
  return Object.hasOwn(o, key);
}

function word(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(p().notString(path, quote(value)));
  if (value.length > WORD_CHARS_MAX) fail(p().tooLong(path, value.length, WORD_CHARS_MAX));
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    fail(p().notOneOf(path, quote(value), allowed.join(', ')));
  return value as T;
}

/** A text by language code: at least one language, each bounded. Shown as text, never as markup. */
function localized(value: unknown, path: string): Localized {
  const o = object(value, path);
  const codes = Object.keys(o);
  if (codes.length === 0) fail(p().noText(path));
  if (codes.length > LESSON_LANGUAGES_MAX)
    fail(p().tooMany(path, codes.length, LESSON_LANGUAGES_MAX));
  const out: Record<string, string> = {};
  for (const code of codes) {
    const at = join(path, code);
    if (!LANGUAGE.test(code)) fail(p().badLanguage(at));
    const text = o[code];
    if (typeof text !== 'string') fail(p().notString(at, quote(text)));
    if (text.trim() === '') fail(p().noText(at));
    if (text.length > LESSON_TEXT_CHARS_MAX)
      fail(p().tooLong(at, text.length, LESSON_TEXT_CHARS_MAX));
    out[code] = text;
  }
  return out;
}

/** A server reference: a server of the run, or the leader now, or the leader as the step began. */
function server(value: unknown, path: string, nodes: number): ServerRef {
  if (value === 'leader' || value === 'stepLeader') return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= nodes)
    return value;
  return fail(p().badServer(path, quote(value), nodes));
}

/** Each fact's fields beside `fact`: required, then optional (the editor's form asks for them). */
export const FACT_FIELDS: Readonly<
  Record<FactName, readonly [readonly string[], readonly string[]]>
> = {
  leader: [[], ['server', 'term', 'elected']],
  role: [['role'], ['server']],
  splitVote: [[], []],
  newTerm: [[], []],
  voteGranted: [['server'], ['to']],
  up: [['server'], []],
  committed: [[], ['index', 'write', 'server']],
  committedAll: [['server'], []],
  logHas: [['write'], ['server', 'count']],
  lastIndex: [['server', 'atLeast'], []],
  state: [['user', 'state'], ['server']],
  converged: [[], []],
  answered: [[], ['earlier']],
  violation: [[], ['property']],
  staleRead: [['asked'], []],
  writeConfirmed: [['whileDown'], []],
  writeLost: [[], []],
  appliedOnce: [[], []],
  refused: [['codes'], []],
  input: [['kind'], []],
  snapshot: [[], ['server']],
  behindSnapshot: [[], ['server']],
  linkUp: [['to'], ['from']],
  member: [['server', 'as'], ['in']],
  voters: [['atLeast'], []],
};

export const INPUT_KINDS = [
  'crash',
  'restart',
  'timeoutNow',
  'propose',
  'partition',
  'heal',
  'addServer',
  'removeServer',
  'transferLeadership',
  'setLink',
  'setDropRate',
  'setDuplicateRate',
  'client',
] as const;

/** A condition, rebuilt field by field: a fact of the vocabulary, or all / any / not of conditions. */
function condition(value: unknown, path: string, nodes: number, depth = 0): Condition {
  if (depth > CONDITION_DEPTH_MAX) fail(p().tooDeep(path, CONDITION_DEPTH_MAX));
  const o = object(value, path);
  const part = (v: unknown, at: string) => condition(v, at, nodes, depth + 1);
  if (has(o, 'all') || has(o, 'any')) {
    const key = has(o, 'all') ? 'all' : 'any';
    record(o, path, [key]);
    const parts = array(o[key], join(path, key), CONDITION_PARTS_MAX);
    if (parts.length === 0) fail(p().noParts(join(path, key)));
    const list = parts.map((c, k) => part(c, `${join(path, key)}[${k}]`));
    return key === 'all' ? { all: list } : { any: list };
  }
  if (has(o, 'not')) {
    record(o, path, ['not']);
    return { not: part(o.not, join(path, 'not')) };
  }
  if (!has(o, 'fact')) fail(p().notCondition(path));
  const name = oneOf(o.fact, join(path, 'fact'), FACTS);
  const [required, optional] = FACT_FIELDS[name];
  record(o, path, ['fact', ...required], optional);
  const out: Record<string, unknown> = { fact: name };
  for (const key of Object.keys(o)) {
    if (key === 'fact') continue;
    const at = join(path, key);
    const v = o[key];
    out[key] = fieldValue(name, key, v, at, nodes);
  }
  if (name === 'committed' && has(o, 'index') === has(o, 'write')) fail(p().indexOrWrite(path));
  return out as unknown as Condition;
}

/** One field of a fact, checked by its name. */
function fieldValue(name: FactName, key: string, v: unknown, at: string, nodes: number): unknown {
  switch (key) {
    case 'server':
      return name === 'committed' && v === 'all' ? 'all' : server(v, at, nodes);
    case 'to':
    case 'from':
    case 'in':
      return server(v, at, nodes);
    case 'term':
    case 'index':
    case 'atLeast':
    case 'whileDown':
      return integer(v, at, key === 'whileDown' ? 1 : 0, RUN_AT_MS_MAX);
    case 'count':
      return v === 'majority' ? v : integer(v, at, 1, MAX_NODES);
    case 'elected':
    case 'earlier':
      return boolean(v, at);
    case 'role':
      return oneOf(v, at, ['leader', 'candidate', 'follower']);
    case 'as':
      return oneOf(v, at, ['voter', 'learner']);
    case 'asked':
      return oneOf(v, at, ['stale', 'linearizable']);
    case 'kind':
      return oneOf(v, at, INPUT_KINDS);
    case 'codes':
      return array(v, at, CONDITION_PARTS_MAX).map((c, k) => word(c, `${at}[${k}]`));
    default:
      return word(v, at);
  }
}

function until(value: unknown, path: string, nodes: number): UntilDoc {
  const o = record(value, path, ['withinMs'], ['when']);
  const withinMs = integer(o.withinMs, join(path, 'withinMs'), 0, RUN_AT_MS_MAX);
  return has(o, 'when')
    ? { when: condition(o.when, join(path, 'when'), nodes), withinMs }
    : { withinMs };
}

function highlight(value: unknown, path: string, nodes: number): Highlight {
  const o = record(value, path, [], ['servers', 'links', 'entries']);
  const id = (v: unknown, at: string) => integer(v, at, 1, nodes);
  const out: {
    servers?: number[];
    links?: [number, number][];
    entries?: { index: number; server?: number }[];
  } = {};
  if (has(o, 'servers'))
    out.servers = array(o.servers, join(path, 'servers'), HIGHLIGHTS_MAX).map((v, k) =>
      id(v, `${path}.servers[${k}]`),
    );
  if (has(o, 'links'))
    out.links = array(o.links, join(path, 'links'), HIGHLIGHTS_MAX).map((v, k) => {
      const at = `${path}.links[${k}]`;
      const pair = array(v, at, 2);
      if (pair.length !== 2) fail(p().notLink(at));
      return [id(pair[0], `${at}[0]`), id(pair[1], `${at}[1]`)];
    });
  if (has(o, 'entries'))
    out.entries = array(o.entries, join(path, 'entries'), HIGHLIGHTS_MAX).map((v, k) => {
      const at = `${path}.entries[${k}]`;
      const e = record(v, at, ['index'], ['server']);
      const index = integer(e.index, `${at}.index`, 1, RUN_AT_MS_MAX);
      return has(e, 'server') ? { index, server: id(e.server, `${at}.server`) } : { index };
    });
  return out;
}

/** Inputs without their instants, checked as the run's inputs are (stamped 0 for the check). */
function actions(value: unknown, path: string, doc: Json): InputAction[] {
  const raw = array(value, path, SOLUTION_INPUTS_MAX);
  const stamped = raw.map((item) =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? { ...item, at: 0 } : item,
  );
  const checked = validateRunSpec(
    { version: RUN_SPEC_VERSION, seed: 0, options: doc.options, inputs: stamped, atMs: 0 },
    true,
  );
  if (!checked.ok) fail(p().badSolution(path, checked.problem));
  return checked.value.inputs.map(({ at: _at, ...a }) => a);
}

function task(value: unknown, path: string, nodes: number, doc: Json): TaskDoc {
  const o = record(value, path, ['goal', 'hint', 'done', 'withinMs'], ['solution']);
  const out: TaskDoc = {
    goal: localized(o.goal, join(path, 'goal')),
    hint: localized(o.hint, join(path, 'hint')),
    done: condition(o.done, join(path, 'done'), nodes),
    withinMs: integer(o.withinMs, join(path, 'withinMs'), 0, RUN_AT_MS_MAX),
  };
  if (!has(o, 'solution')) return out;
  const groups = array(o.solution, join(path, 'solution'), SOLUTION_GROUPS_MAX).map((g, k) => {
    const at = `${path}.solution[${k}]`;
    const r = record(g, at, ['afterMs', 'inputs']);
    return {
      afterMs: integer(r.afterMs, `${at}.afterMs`, 0, RUN_AT_MS_MAX),
      inputs: actions(r.inputs, `${at}.inputs`, doc),
    };
  });
  return { ...out, solution: groups };
}

function step(value: unknown, path: string, nodes: number, doc: Json): StepDoc {
  const o = record(value, path, ['narration'], ['until', 'highlight', 'task']);
  return {
    narration: localized(o.narration, join(path, 'narration')),
    ...(has(o, 'until') && { until: until(o.until, join(path, 'until'), nodes) }),
    ...(has(o, 'highlight') && {
      highlight: highlight(o.highlight, join(path, 'highlight'), nodes),
    }),
    ...(has(o, 'task') && { task: task(o.task, join(path, 'task'), nodes, doc) }),
  };
}

function lessonDoc(value: unknown): LessonDoc {
  const o = object(value, '');
  if (field(o, 'format') !== LESSON_FORMAT) fail(p().notLesson(LESSON_FORMAT));
  const v = field(o, 'version');
  if (typeof v === 'number' && Number.isInteger(v) && v > LESSON_VERSION)
    fail(p().newer(v, LESSON_VERSION));
  if (v !== LESSON_VERSION) fail(p().wrongVersion(quote(v), LESSON_VERSION));
  record(
    o,
    '',
    ['format', 'version', 'id', 'title', 'seed', 'options', 'inputs', 'steps'],
    ['initial'],
  );
  if (typeof o.id !== 'string' || !ID.test(o.id)) fail(p().badId(quote(o.id)));
  const title = localized(o.title, 'title');
  // The run's part, as a run file's is checked (membership changes allowed).
  const run = validateRunSpec(
    {
      version: RUN_SPEC_VERSION,
      seed: o.seed,
      options: o.options,
      ...(has(o, 'initial') && { initial: o.initial }),
      inputs: o.inputs,
      atMs: RUN_AT_MS_MAX,
    },
    true,
  );
  if (!run.ok) fail(p().badRun(run.problem));
  const { seed, options, initial, inputs } = run.value;
  const raw = array(o.steps, 'steps', LESSON_STEPS_MAX);
  if (raw.length === 0) fail(p().noSteps());
  // Servers a lesson names may be added by it (membership), so any the page can run.
  const steps = raw.map((s, k) => step(s, `steps[${k}]`, MAX_NODES, o));
  return {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    id: o.id,
    title,
    seed,
    options,
    ...(initial && { initial }),
    inputs,
    steps,
  };
}

/** Checks a lesson from outside (a file, a link, the library): every field's type and range. */
export function validateLessonDoc(value: unknown): Checked<LessonDoc> {
  return checked(() => lessonDoc(value));
}

/** Checks a condition on its own, as a step's "when" (the editor's form makes one). */
export function validateCondition(value: unknown, path = 'when'): Checked<Condition> {
  return checked(() => condition(value, path, MAX_NODES));
}

/** Parses and checks a lesson file's text; a problem says what is wrong with it. */
export function parseLessonFile(text: string): Checked<LessonDoc> {
  if (text.length > LESSON_JSON_CHARS_MAX)
    return { ok: false, problem: p().textTooLong(text.length, LESSON_JSON_CHARS_MAX) };
  const parsed = parseJson(text);
  return parsed.ok ? validateLessonDoc(parsed.value) : parsed;
}

/** A lesson as a file: indented JSON, the format and version first. */
export function lessonFileText(doc: LessonDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
