import { describe, expect, it } from 'vitest';
import { replay } from '../../sim/index.ts';
import { parseRunFile, RUN_FILE_FORMAT, runFileText } from './file.ts';
import { decodeRun, encodeRun, RUN_LINK_CHARS_MAX, runInFragment, runLink } from './link.ts';
import { runClusterOptions, type RunSpec } from './runSpec.ts';
import { sampleRun } from './testRun.ts';
import { RUN_INPUTS_MAX, RUN_JSON_CHARS_MAX, validateRunSpec } from './validate.ts';

/** Replays a spec headless, as the page does when it opens one. */
function traceHashOf(spec: RunSpec): string {
  return replay(runClusterOptions(spec), spec.inputs, spec.atMs).traceHash();
}

describe('a run shared by link or file replays to the same trace hash', () => {
  it('round trips through a link', async () => {
    const { cluster, spec } = sampleRun(50);
    expect(spec.inputs).toHaveLength(50);
    const encoded = await encodeRun(spec);
    // Measured: 50 actions of every kind encode to about 1,200 characters
    // (1,176 for this seed), so a link with the page's address stays under
    // 1,300: short enough to paste in a chat.
    expect(encoded.length).toBeLessThan(1_500);
    const decoded = await decodeRun(encoded);
    if (!decoded.ok) throw new Error(decoded.problem);
    expect(decoded.value).toEqual(spec);
    expect(traceHashOf(decoded.value)).toBe(cluster.traceHash());
  });

  it('round trips through a file', () => {
    const { cluster, spec } = sampleRun(30, 11);
    const read = parseRunFile(runFileText(spec));
    if (!read.ok) throw new Error(read.problem);
    expect(read.value).toEqual(spec);
    expect(traceHashOf(read.value)).toBe(cluster.traceHash());
  });

  it('keeps the initial state of a Figure 8 style run', async () => {
    const { spec } = sampleRun(5);
    const withInitial: RunSpec = {
      ...spec,
      initial: {
        1: { term: 2, votedFor: 1, log: [{ term: 1 }, { term: 2, command: 'a' }] },
        5: { term: 3, log: [{ term: 1 }, { term: 3 }] },
      },
    };
    const decoded = await decodeRun(await encodeRun(withInitial));
    if (!decoded.ok) throw new Error(decoded.problem);
    expect(decoded.value.initial).toEqual({
      1: { term: 2, votedFor: 1, log: [{ term: 1 }, { term: 2, command: 'a' }] },
      5: { term: 3, votedFor: null, log: [{ term: 1 }, { term: 3 }] },
    });
    expect(traceHashOf(decoded.value)).toBe(traceHashOf(withInitial));
  });

  it('puts the run in the fragment and keeps the query', async () => {
    const { spec } = sampleRun(3);
    const link = await runLink('http://localhost:5173/?seed=7&nodes=5#old', spec);
    const url = new URL(link);
    expect(url.search).toBe('?seed=7&nodes=5');
    expect(runInFragment(url.hash)).toBe(await encodeRun(spec));
    expect(runInFragment('#other=1')).toBeNull();
  });
});

/** The sample run as plain JSON, to break in one place at a time. */
function sampleJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(sampleRun(12).spec)) as Record<string, unknown>;
}

function problemOf(value: unknown): string {
  const checked = validateRunSpec(value);
  if (checked.ok) throw new Error('accepted');
  return checked.problem;
}

describe('a malformed run is refused with a message that says what is wrong', () => {
  it('accepts the sample run', () => {
    expect(validateRunSpec(sampleJson()).ok).toBe(true);
  });

  it.each<[string, (o: Record<string, unknown>) => unknown, RegExp]>([
    ['not an object', () => [1, 2], /The run must be a JSON object; it is \[1,2\]/],
    ['no version', ({ version: _v, ...o }) => o, /“version” is missing/],
    [
      'wrong version',
      (o) => ({ ...o, version: 'one' }),
      /“version” is "one"; this page reads format 1/,
    ],
    ['version 0', (o) => ({ ...o, version: 0 }), /“version” is 0/],
    [
      'newer version',
      (o) => ({ ...o, version: 2, somethingNew: true }),
      /newer Raft Playground \(format 2\); this page is older/,
    ],
    [
      'seed as text',
      (o) => ({ ...o, seed: '7' }),
      /“seed” must be a whole number from 0 to 4294967295; it is "7"/,
    ],
    ['negative seed', (o) => ({ ...o, seed: -1 }), /“seed” must be a whole number/],
    [
      'nodes out of range',
      (o) => ({ ...o, options: { ...(o.options as object), nodes: 12 } }),
      /“options.nodes” must be a whole number from 3 to 9; it is 12/,
    ],
    [
      'rate above 1',
      (o) => ({ ...o, options: { ...(o.options as object), dropRate: 2 } }),
      /“options.dropRate” must be a number from 0 to 1/,
    ],
    [
      'flag as text',
      (o) => ({ ...o, options: { ...(o.options as object), preVote: 'yes' } }),
      /“options.preVote” must be true or false/,
    ],
    [
      'reversed range',
      (o) => ({ ...o, options: { ...(o.options as object), latencyMs: [20, 10] } }),
      /“options.latencyMs” must be two whole numbers of ms, the smaller first/,
    ],
    [
      'slow heartbeat',
      (o) => ({ ...o, options: { ...(o.options as object), heartbeatMs: 200 } }),
      /not shorter than the shortest election timeout/,
    ],
    [
      'unknown bug',
      (o) => ({ ...o, options: { ...(o.options as object), bugs: ['noBug'] } }),
      /“options.bugs\[0\]” is "noBug", which is not a teaching bug/,
    ],
    [
      'missing option',
      (o) => {
        const { checkQuorum: _c, ...options } = o.options as Record<string, unknown>;
        return { ...o, options };
      },
      /“options.checkQuorum” is missing/,
    ],
    ['inputs not a list', (o) => ({ ...o, inputs: { 0: 'crash' } }), /“inputs” must be a list/],
    ['atMs negative', (o) => ({ ...o, atMs: -5 }), /“atMs” must be a number from 0 to 86400000/],
    [
      'node id out of range',
      (o) => ({ ...o, inputs: [{ at: 1, kind: 'crash', id: 6 }] }),
      /“inputs\[0\]” cannot apply: There is no server S6; this cluster has S1..S5/,
    ],
    [
      'node id not a number',
      (o) => ({ ...o, inputs: [{ at: 1, kind: 'crash', id: 'S1' }] }),
      /“inputs\[0\].id” must be a whole number from 1 to 9; it is "S1"/,
    ],
    [
      'link to itself',
      (o) => ({ ...o, inputs: [{ at: 1, kind: 'setLink', from: 2, to: 2, up: false }] }),
      /A link joins two different servers/,
    ],
    [
      'unknown action',
      (o) => ({ ...o, inputs: [{ at: 1, kind: 'explode', id: 1 }] }),
      /“inputs\[0\].kind” is "explode", which is not a kind of action/,
    ],
    [
      'membership change',
      (o) => ({ ...o, inputs: [{ at: 1, kind: 'addServer', id: 6 }] }),
      /only the headless simulator runs/,
    ],
    [
      'action after the instant',
      (o) => ({ ...o, atMs: 10, inputs: [{ at: 11, kind: 'heal' }] }),
      /“inputs\[0\].at” must be a number from 0 to 10/,
    ],
    [
      'actions out of order',
      (o) => ({
        ...o,
        inputs: [
          { at: 5, kind: 'heal' },
          { at: 4, kind: 'heal' },
        ],
      }),
      /“inputs\[1\]” happens before the action above it/,
    ],
    [
      'plaintext password',
      (o) => ({
        ...o,
        inputs: [
          { at: 1, kind: 'client', client: 'ann', op: { kind: 'login', password: 'secret' } },
        ],
      }),
      /“inputs\[0\].op.password” is not part of a run/,
    ],
    [
      'password not hashed',
      (o) => ({
        ...o,
        inputs: [
          { at: 1, kind: 'client', client: 'ann', op: { kind: 'login', passwordHash: 'secret' } },
        ],
      }),
      /SHA-256 of the password, never the password/,
    ],
    [
      'too many inputs',
      (o) => ({
        ...o,
        inputs: Array.from({ length: RUN_INPUTS_MAX + 1 }, () => ({ at: 0, kind: 'heal' })),
      }),
      /“inputs” has 10,001 items; at most 10,000 are allowed/,
    ],
    [
      '__proto__ key',
      () =>
        JSON.parse(
          `{"__proto__":{"polluted":true},${JSON.stringify(sampleJson()).slice(1)}`,
        ) as unknown,
      /“__proto__” is not part of a run/,
    ],
    [
      'constructor key',
      (o) => ({ ...o, options: { ...(o.options as object), constructor: { prototype: {} } } }),
      /“options.constructor” is not part of a run/,
    ],
    [
      'hostile initial key',
      (o) => ({ ...o, initial: JSON.parse('{"__proto__":{"term":1,"log":[]}}') as unknown }),
      /“initial.__proto__” is not part of a run/,
    ],
    [
      'initial for a missing server',
      (o) => ({ ...o, initial: { 7: { term: 1, log: [] } } }),
      /“initial.7” is not part of a run/,
    ],
    [
      'initial term above the current term',
      (o) => ({ ...o, initial: { 1: { term: 1, log: [{ term: 2 }] } } }),
      /“initial.1.log\[0\].term” must be a whole number from 1 to 1/,
    ],
    [
      'deep command',
      (o) => ({
        ...o,
        inputs: [
          {
            at: 1,
            kind: 'propose',
            id: 1,
            command: JSON.parse('['.repeat(50) + ']'.repeat(50)) as unknown,
          },
        ],
      }),
      /“inputs\[0\].command(\[0\])+” is nested more than 8 levels deep/,
    ],
  ])('%s', (_name, breakIt, message) => {
    expect(problemOf(breakIt(sampleJson()))).toMatch(message);
    // A polluting key never reaches a prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a bad link or file is refused with its message', () => {
  it('truncated JSON', () => {
    const text = runFileText(sampleRun(5).spec);
    const read = parseRunFile(text.slice(0, text.length / 2));
    expect(read.ok || read.problem).toMatch(/It is not valid JSON, perhaps cut short/);
  });

  it('empty file', () => {
    const read = parseRunFile('  ');
    expect(read.ok || read.problem).toBe('It is empty.');
  });

  it('JSON from another program', () => {
    const read = parseRunFile('{"name": "package", "version": 1}');
    expect(read.ok || read.problem).toMatch(
      new RegExp(
        `It is not a Raft Playground run file: those begin with "format": "${RUN_FILE_FORMAT}"`,
      ),
    );
  });

  it('a newer version file', () => {
    const read = parseRunFile(JSON.stringify({ format: RUN_FILE_FORMAT, version: 3 }));
    expect(read.ok || read.problem).toMatch(
      /newer Raft Playground \(format 3\); this page is older and reads format 1 only/,
    );
  });

  it('huge file', () => {
    const read = parseRunFile(' '.repeat(RUN_JSON_CHARS_MAX + 1));
    expect(read.ok || read.problem).toMatch(
      /4,000,001 characters long; a run is at most 4,000,000/,
    );
  });

  it('garbage base64', async () => {
    const decoded = await decodeRun('not base64!*');
    expect(decoded.ok || decoded.problem).toMatch(
      /is not a run: it has characters a copied link never has/,
    );
  });

  it('a link cut short', async () => {
    const encoded = await encodeRun(sampleRun(20).spec);
    // Every length a cut can leave: 4n + 1 characters are no bytes at all, the others stop mid-stream.
    for (const cut of [1, 2, 3, 4]) {
      const decoded = await decodeRun(encoded.slice(0, encoded.length - 4 * 20 - cut));
      expect(decoded.ok || decoded.problem).toMatch(
        /could not be unpacked: the link was probably cut short/,
      );
    }
  });

  it('a link too long to read', async () => {
    const decoded = await decodeRun('A'.repeat(RUN_LINK_CHARS_MAX + 1));
    expect(decoded.ok || decoded.problem).toMatch(
      /1,000,001 characters long; at most 1,000,000 are read/,
    );
  });

  it('a link whose data is not a run', async () => {
    const decoded = await decodeRun(Buffer.from('{"version":1}').toString('base64url'));
    expect(decoded.ok || decoded.problem).toMatch(/could not be unpacked/);
  });

  it('a compressed bomb', async () => {
    // Six million spaces deflate to a few kilobytes, and unpack past the bound.
    const stream = new Blob([' '.repeat(6_000_000)])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const decoded = await decodeRun(Buffer.from(bytes).toString('base64url'));
    expect(decoded.ok || decoded.problem).toMatch(/unpacks to more than 4,000,000 characters/);
  });
});
