/**
 * Parsers for the two formats of Porcupine's test corpus (see
 * shared/corpora/porcupine/CORPUS.md). Pure: they take the file's text.
 * Each event gets its line index as its time, so only the order matters.
 */
import { operationsFromEvents, type EventType, type HistoryEvent } from './events';
import type { CasRegisterInput, CasRegisterOutput } from './models/casRegister';
import type { KvInput, KvOutput } from './models/kv';
import type { Operation } from './operation';

// ---------------------------------------------------------------------------
// jepsen/etcd_NNN.log: `INFO  jepsen.util - <process>\t:<type>\t:<f>\t<value>`

export type EtcdF = 'read' | 'write' | 'cas';
/** `nil`, an integer, `[from to]` for a cas, or `:timed-out`. */
export type EtcdValue = null | number | readonly [number, number] | 'timed-out';
export type EtcdEvent = HistoryEvent<EtcdF, EtcdValue>;

const ETCD_LINE =
  /^INFO\s+jepsen\.util\s+-\s+(\d+)\s+:(invoke|ok|fail|info)\s+:(read|write|cas)\s+(.+?)\s*$/;

/** The events of a Jepsen etcd log, one per non-blank line, in file order. */
export function parseEtcdEvents(text: string): EtcdEvent[] {
  const events: EtcdEvent[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const match = ETCD_LINE.exec(line);
    if (match === null)
      throw new Error(`etcd log line ${index + 1}: not a Jepsen event: ${JSON.stringify(line)}`);
    const [, process, type, f, value] = match;
    events.push({
      process: Number(process),
      type: type as EventType,
      f: f as EtcdF,
      value: parseEtcdValue(value!, index + 1),
      time: events.length,
    });
  });
  return events;
}

function parseEtcdValue(text: string, lineNumber: number): EtcdValue {
  if (text === 'nil') return null;
  if (text === ':timed-out') return 'timed-out';
  if (/^-?\d+$/.test(text)) return Number(text);
  const pair = /^\[(-?\d+)\s+(-?\d+)\]$/.exec(text);
  if (pair !== null) return [Number(pair[1]), Number(pair[2])];
  throw new Error(`etcd log line ${lineNumber}: cannot read the value ${JSON.stringify(text)}`);
}

function isPair(value: unknown): value is readonly [number, number] {
  return Array.isArray(value) && value.length === 2;
}

/** Stands for "the cas completed and reported that it did not apply". */
const CAS_REJECTED = Symbol('cas rejected');

/**
 * The operations of a Jepsen etcd log on a compare-and-set register.
 * Jepsen's etcd client reports a cas whose compare failed as `:fail`: that
 * is an observation (the value was not `from`), not a lost operation, so
 * it becomes a cas that returned false. A read that `:fail`s with
 * `:timed-out` has an unknown outcome, like `:info`.
 */
export function parseEtcdLog(text: string): Operation<CasRegisterInput, CasRegisterOutput>[] {
  const events = parseEtcdEvents(text).map(
    (event): HistoryEvent<EtcdF, EtcdValue | typeof CAS_REJECTED> => {
      if (event.type !== 'fail') return event;
      if (event.f === 'cas') return { ...event, type: 'ok', value: CAS_REJECTED };
      if (event.value === 'timed-out') return { ...event, type: 'info' };
      return event;
    },
  );
  return operationsFromEvents(events, {
    input(invoke) {
      const { f, value } = invoke;
      if (f === 'read') return { kind: 'read' };
      if (f === 'write' && typeof value === 'number') return { kind: 'write', value };
      if (f === 'cas' && isPair(value)) return { kind: 'cas', from: value[0], to: value[1] };
      throw new Error(
        `etcd log event ${invoke.time}: ${f} cannot be invoked with ${String(value)}`,
      );
    },
    output(invoke, ok) {
      if (invoke.f === 'read') {
        if (ok.value !== null && typeof ok.value !== 'number') {
          throw new Error(`etcd log event ${ok.time}: a read cannot return ${String(ok.value)}`);
        }
        return { kind: 'read', value: ok.value };
      }
      if (invoke.f === 'write') return { kind: 'write' };
      return { kind: 'cas', ok: ok.value !== CAS_REJECTED };
    },
  });
}

// ---------------------------------------------------------------------------
// kv/cNN-{ok,bad}.txt: one EDN map a line,
// `{:process P, :type :invoke|:ok, :f :get|:put|:append, :key "K", :value "V"|nil}`

export type KvF = 'get' | 'put' | 'append';
export type KvEvent = HistoryEvent<KvF, { readonly key: string; readonly value: string | null }>;

/** The events of a kv log, one per non-blank line, in file order. */
export function parseKvEvents(text: string): KvEvent[] {
  const events: KvEvent[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `kv log line ${index + 1}`;
    const map = parseEdnMap(line, where);
    const process = map.get('process');
    const type = map.get('type');
    const f = map.get('f');
    const key = map.get('key');
    const value = map.get('value');
    if (typeof process !== 'number') throw new Error(`${where}: :process must be a number`);
    if (!isKeyword(type, ['invoke', 'ok', 'fail', 'info']))
      throw new Error(`${where}: unknown :type`);
    if (!isKeyword(f, ['get', 'put', 'append'])) throw new Error(`${where}: unknown :f`);
    if (!isString(key)) throw new Error(`${where}: :key must be a string`);
    if (value !== null && !isString(value))
      throw new Error(`${where}: :value must be a string or nil`);
    events.push({
      process,
      type: type.keyword,
      f: f.keyword,
      value: { key: key.string, value: value === null ? null : value.string },
      time: events.length,
    });
  });
  return events;
}

/** The operations of a kv log on the key-value store. */
export function parseKvLog(text: string): Operation<KvInput, KvOutput>[] {
  return operationsFromEvents(parseKvEvents(text), {
    input({ f, value }) {
      if (f === 'get') return { kind: 'get', key: value.key };
      return { kind: f, key: value.key, value: value.value ?? '' };
    },
    output(invoke, ok) {
      if (invoke.f === 'get') return { kind: 'get', value: ok.value.value ?? '' };
      return { kind: invoke.f };
    },
  });
}

// ---------------------------------------------------------------------------
// Just enough EDN for one flat map of keywords to keywords, strings, integers and nil.

type EdnAtom = { readonly keyword: string } | { readonly string: string } | number | null;

function isKeyword<K extends string>(
  atom: EdnAtom | undefined,
  allowed: readonly K[],
): atom is { keyword: K } {
  return (
    typeof atom === 'object' &&
    atom !== null &&
    'keyword' in atom &&
    (allowed as readonly string[]).includes(atom.keyword)
  );
}

function isString(atom: EdnAtom | undefined): atom is { string: string } {
  return typeof atom === 'object' && atom !== null && 'string' in atom;
}

const EDN_TOKEN = /\s*,?\s*(?:(\{)|(\})|:([^\s,{}"]+)|"((?:[^"\\]|\\.)*)"|(nil)|(-?\d+))/y;

function parseEdnMap(line: string, where: string): Map<string, EdnAtom> {
  const atoms: (EdnAtom | '{' | '}')[] = [];
  EDN_TOKEN.lastIndex = 0;
  while (EDN_TOKEN.lastIndex < line.trimEnd().length) {
    const at = EDN_TOKEN.lastIndex;
    const m = EDN_TOKEN.exec(line);
    if (m === null) throw new Error(`${where}: cannot read EDN at column ${at + 1}`);
    if (m[1] !== undefined) atoms.push('{');
    else if (m[2] !== undefined) atoms.push('}');
    else if (m[3] !== undefined) atoms.push({ keyword: m[3] });
    else if (m[4] !== undefined)
      atoms.push({ string: m[4].replace(/\\(.)/g, (_, c: string) => unescapeEdn(c)) });
    else if (m[5] !== undefined) atoms.push(null);
    else atoms.push(Number(m[6]));
  }
  if (atoms[0] !== '{' || atoms[atoms.length - 1] !== '}' || atoms.length % 2 !== 0) {
    throw new Error(`${where}: expected one map {:key value, ...}`);
  }
  const map = new Map<string, EdnAtom>();
  for (let i = 1; i < atoms.length - 1; i += 2) {
    const key = atoms[i];
    const value = atoms[i + 1];
    if (
      typeof key !== 'object' ||
      key === null ||
      !('keyword' in key) ||
      value === '{' ||
      value === '}'
    ) {
      throw new Error(`${where}: map keys must be keywords`);
    }
    map.set(key.keyword, value!);
  }
  return map;
}

function unescapeEdn(c: string): string {
  return c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c;
}
