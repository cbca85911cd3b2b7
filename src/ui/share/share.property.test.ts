import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../sim/index.ts';
import { CLOCK_DRIFT_MAX } from '../../sim/options.ts';
import { messages, setLanguage, type Text } from '../i18n/index.ts';
import { parsePageParams } from '../url.ts';
import {
  ELECTION_TIMEOUT_MS_MAX,
  ELECTION_TIMEOUT_MS_MIN,
  HEARTBEAT_MS_MAX,
  LATENCY_MS_MAX,
  PAGE_NODES_MAX,
  PAGE_NODES_MIN,
  SNAPSHOT_EVERY_MAX,
  TEACHING_BUGS,
  parsePageOptions,
  writePageOptions,
  type PageOptions,
} from '../urlOptions.ts';
import { parseRunFile, runFileText } from './file.ts';
import { decodeRun, encodeRun } from './link.ts';
import { chooseOpening } from './opening.ts';
import { RUN_SPEC_VERSION, type RunSpec } from './runSpec.ts';
import { parseSession } from './session.ts';
import {
  expectSentence,
  HAN,
  inBothLanguages,
  isAscii,
  viaJson,
  withOneValueReplaced,
} from './propertyTesting.ts';
import { validateRunSpec } from './validate.ts';

/**
 * Property tests of every reader of a shared run (a link, a file, the saved
 * session): whatever arrives, the reader answers, never throws, and a
 * refusal is a sentence in the page's language; a run the page could have
 * written comes back as it went out. Fixed seeds and bounded runs keep them
 * deterministic and quick.
 */
const RUNS = { seed: 17, numRuns: 150 } as const;

afterEach(() => setLanguage('en'));

/** The keys the address may hold (urlOptions.ts, url.ts), and one it does not know. */
const ADDRESS_KEYS = [
  'seed',
  'paused',
  'test',
  'nodes',
  'election',
  'heartbeat',
  'latency',
  'drop',
  'dup',
  'bug',
  'noop',
  'prevote',
  'checkquorum',
  'lease',
  'snapshot',
  'driftbound',
  'drift',
  'other',
];

const nodeId = (nodes: number) => fc.integer({ min: 1, max: nodes });
const rate = fc.double({ min: 0, max: 1, noNaN: true });
const range = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

/** Options the options panel can set: every bound of validate.ts respected. */
const pageOptions: fc.Arbitrary<PageOptions> = fc
  .record({
    nodes: fc.integer({ min: PAGE_NODES_MIN, max: PAGE_NODES_MAX }),
    electionTimeoutMs: range(ELECTION_TIMEOUT_MS_MIN, ELECTION_TIMEOUT_MS_MAX),
    heartbeatFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
    latencyMs: range(1, LATENCY_MS_MAX),
    dropRate: rate,
    duplicateRate: rate,
    bugs: fc.subarray([...TEACHING_BUGS]),
    noopOnElection: fc.boolean(),
    preVote: fc.boolean(),
    checkQuorum: fc.boolean(),
    leaseReads: fc.boolean(),
    snapshotEvery: fc.integer({ min: 0, max: SNAPSHOT_EVERY_MAX }),
    clockDriftBound: fc.double({ min: 0, max: CLOCK_DRIFT_MAX, noNaN: true }),
    clockDrift: fc.double({ min: 0, max: CLOCK_DRIFT_MAX, noNaN: true }),
  })
  .map(({ heartbeatFraction, ...o }) => ({
    ...o,
    // Raft §5.2: the heartbeat is shorter than the shortest election timeout.
    heartbeatMs: Math.min(
      HEARTBEAT_MS_MAX,
      Math.max(1, Math.floor(o.electionTimeoutMs[0] * heartbeatFraction)),
    ),
  }));

const userName = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const smallJson = fc.jsonValue({ maxDepth: 3, depthSize: 'small' });

/** One user action of the page (no membership: the page does not change it yet). */
function action(nodes: number): fc.Arbitrary<Omit<Input, 'at'>> {
  const id = nodeId(nodes);
  const pair = fc.tuple(id, id).filter(([a, b]) => a !== b);
  const via = fc.option(id, { nil: undefined }).map((v) => (v === undefined ? {} : { via: v }));
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('crash', 'restart', 'timeoutNow'), id }),
    fc.record({ kind: fc.constant('propose'), id, command: smallJson }),
    fc
      .shuffledSubarray(
        Array.from({ length: nodes }, (_, k) => k + 1),
        { minLength: 1 },
      )
      .chain((ids) =>
        fc.integer({ min: 0, max: ids.length }).map((cut) => ({
          kind: 'partition' as const,
          groups: [ids.slice(0, cut), ids.slice(cut)],
        })),
      ),
    fc.constant({ kind: 'heal' as const }),
    pair.map(([id, target]) => ({ kind: 'transferLeadership' as const, id, target })),
    fc
      .tuple(pair, fc.boolean())
      .map(([[from, to], up]) => ({ kind: 'setLink' as const, from, to, up })),
    fc.record({ kind: fc.constantFrom('setDropRate', 'setDuplicateRate'), rate }),
    fc.record({
      kind: fc.constant('client'),
      client: userName,
      op: fc.oneof(
        fc
          .tuple(hex64, via)
          .map(([passwordHash, v]) => ({ kind: 'login' as const, passwordHash, ...v })),
        fc
          .tuple(fc.string({ maxLength: 40 }), via)
          .map(([state, v]) => ({ kind: 'setState' as const, state, ...v })),
        fc
          .tuple(userName, fc.boolean(), via)
          .map(([user, stale, v]) => ({ kind: 'getState' as const, user, stale, ...v })),
      ),
    }),
  );
}

/** A run the page could have written: options, seed, actions in time order up to the instant shown. */
const runSpec: fc.Arbitrary<RunSpec> = pageOptions.chain((options) =>
  fc
    .record({
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      atMs: fc.integer({ min: 0, max: 600_000 }),
      actions: fc.array(
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), action(options.nodes)),
        {
          maxLength: 12,
        },
      ),
    })
    .map(({ seed, atMs, actions }) => ({
      version: RUN_SPEC_VERSION,
      seed,
      options,
      inputs: actions
        .map(([when, a]) => ({ ...a, at: Math.floor(when * atMs) }) as Input)
        .sort((a, b) => a.at - b.at),
      atMs,
    })),
);

describe('a run link, whatever it holds', () => {
  it('decodes any text to a run or to a sentence, in the page language, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.stringMatching(/^[A-Za-z0-9_-]{0,200}$/)),
        async (text) => {
          await inBothLanguages(() => decodeRun(text), true);
        },
      ),
      RUNS,
    );
  });

  it('refuses any deflated JSON that is not a valid run, in words', async () => {
    // Deflated real JSON gets past the base64 and deflate checks to the validator.
    await fc.assert(
      fc.asyncProperty(
        runSpec,
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        async (spec, pick, bad) => {
          const broken = withOneValueReplaced(spec, pick, bad);
          const encoded = await encodeRun(broken as RunSpec);
          const ascii = isAscii(JSON.stringify(bad));
          const decoded = await inBothLanguages(() => decodeRun(encoded), ascii);
          // An accepted run is a run: checking it again changes nothing.
          if (decoded.ok) expect(validateRunSpec(decoded.value)).toEqual(decoded);
        },
      ),
      RUNS,
    );
  });

  it('round trips every run the page can write: decode(encode(run)) is the run', async () => {
    await fc.assert(
      fc.asyncProperty(runSpec, async (spec) => {
        const decoded = await decodeRun(await encodeRun(spec));
        if (!decoded.ok) throw new Error(decoded.problem);
        expect(decoded.value).toEqual(viaJson(spec));
        // ...and a decoded run encodes to a word that decodes to it again.
        const again = await decodeRun(await encodeRun(decoded.value));
        expect(again).toEqual(decoded);
      }),
      RUNS,
    );
  });
});

describe('a run file and the saved session, whatever they hold', () => {
  it('read any text to a run or to a sentence, and never throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 })),
        async (text) => {
          const ascii = isAscii(text);
          await inBothLanguages(() => parseRunFile(text), ascii);
          await inBothLanguages(() => parseSession(text), ascii);
        },
      ),
      RUNS,
    );
  });

  it('refuse a run broken in any one place, in words', async () => {
    await fc.assert(
      fc.asyncProperty(
        runSpec,
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        async (spec, pick, bad) => {
          const broken = withOneValueReplaced(spec, pick, bad);
          const ascii = isAscii(JSON.stringify(bad));
          const text = JSON.stringify({ format: 'raft-playground-run', ...(broken as object) });
          const read = await inBothLanguages(() => parseRunFile(text), ascii);
          if (read.ok) expect(parseRunFile(runFileText(read.value))).toEqual(read);
          await inBothLanguages(() => parseSession(JSON.stringify(broken)), ascii);
        },
      ),
      RUNS,
    );
  });

  it('refuse a run with a list nested deeper than any JSON printer goes, in words', async () => {
    // Quoting the bad value back must not recurse as deep as the list does.
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const text = `{"format":"raft-playground-run","version":${RUN_SPEC_VERSION},"seed":${deep}}`;
    const read = await inBothLanguages(() => parseRunFile(text), true);
    expect(read.ok).toBe(false);
  });

  it('round trip every run the page can write', () => {
    fc.assert(
      fc.property(runSpec, (spec) => {
        const read = parseRunFile(runFileText(spec));
        if (!read.ok) throw new Error(read.problem);
        expect(read.value).toEqual(viaJson(spec));
        const session = parseSession(JSON.stringify(spec));
        if (!session.ok) throw new Error(session.problem);
        expect(session.value).toEqual(viaJson(spec));
      }),
      RUNS,
    );
  });
});

describe('the page address and what the page opens with, whatever they hold', () => {
  const text = (t: Text) => t(messages());
  const queryText = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc
      .array(
        fc.tuple(
          fc.constantFrom(...ADDRESS_KEYS),
          fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String), fc.double().map(String)),
        ),
        { maxLength: 6 },
      )
      .map((pairs) => new URLSearchParams(pairs).toString()),
  );

  it('reads any query to options and sentences in the page language, never throwing', () => {
    fc.assert(
      fc.property(queryText, (search) => {
        for (const code of ['en', 'zh']) {
          setLanguage(code);
          const params = parsePageParams(search);
          const problems = [params.seedProblem, ...params.optionProblems].filter((p) => p !== null);
          for (const problem of problems) {
            expectSentence(text(problem));
            if (code === 'zh') expect(text(problem)).toMatch(HAN);
          }
          // Whatever the address said, the options are ones a run can start with.
          const spec = { version: RUN_SPEC_VERSION, seed: params.seed, options: params.options };
          expect(validateRunSpec({ ...spec, inputs: [], atMs: 0 }).ok).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('round trips every set of options through the address', () => {
    fc.assert(
      fc.property(pageOptions, (options) => {
        const params = new URLSearchParams();
        writePageOptions(params, options);
        const read = parsePageOptions(params.toString());
        expect(read.problems).toEqual([]);
        expect(read.options).toEqual({
          ...options,
          bugs: TEACHING_BUGS.filter((b) => options.bugs.includes(b)),
        });
      }),
      RUNS,
    );
  });

  it('opens something for any fragment, query and saved session, and says what went wrong in words', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.string({ maxLength: 60 }).map((s) => `#run=${s}`),
        ),
        queryText,
        fc.option(fc.oneof(fc.string({ maxLength: 60 }), fc.json({ maxDepth: 2 })), { nil: null }),
        fc.boolean(),
        async (hash, search, saved, reloaded) => {
          const opening = await chooseOpening({
            hash,
            search,
            params: parsePageParams(search),
            saved,
            reloaded,
          });
          for (const code of ['en', 'zh']) {
            setLanguage(code);
            if (opening.problem) expectSentence(text(opening.problem));
            if (opening.notice) expect(text(opening.notice).trim()).not.toBe('');
          }
          if (opening.spec) expect(validateRunSpec(viaJson(opening.spec)).ok).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
