import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/index.ts';
import { packText, RUN_LINK_CHARS_MAX } from '../share/link.ts';
import {
  inBothLanguages,
  isAscii,
  viaJson,
  withOneValueRemoved,
  withOneValueReplaced,
} from '../share/propertyTesting.ts';
import { RUN_INPUTS_MAX } from '../share/validate.ts';
import { LESSON_FILES } from './files.ts';
import { decodeLesson, encodeLesson } from './link.ts';
import type { LessonDoc } from './schema.ts';
import {
  CONDITION_DEPTH_MAX,
  CONDITION_PARTS_MAX,
  LESSON_JSON_CHARS_MAX,
  LESSON_STEPS_MAX,
  LESSON_TEXT_CHARS_MAX,
  lessonFileText,
  parseLessonFile,
  validateLessonDoc,
} from './validate.ts';

/**
 * Property tests of the lesson importer (issue #17): a lesson file or a
 * `#lesson=` link comes from anywhere, so whatever arrives, the reader
 * answers and never throws; a refusal is a sentence in the page's language;
 * a lesson the page could have written comes back as it went out. Fixed
 * seeds and bounded runs keep them deterministic and quick.
 */
const RUNS = { seed: 17, numRuns: 100 } as const;

afterEach(() => setLanguage('en'));

/** The built-in lessons as the checker rebuilds them: each is a valid lesson. */
const BUILT_IN: readonly LessonDoc[] = LESSON_FILES.map((file) => {
  const read = validateLessonDoc(file);
  if (!read.ok) throw new Error(read.problem);
  return read.value;
});

const builtIn = fc.constantFrom(...BUILT_IN);

/** A text a lesson may hold: anything not blank, markup and all (it is shown as text). */
const lessonText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }).filter((s) => s.trim() !== ''),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '"},"steps":[]}',
    '\u202eevil\u0000',
    'x'.repeat(LESSON_TEXT_CHARS_MAX),
  ),
);

/** A text in some of the languages a lesson may give (at least one). */
const localized = fc
  .uniqueArray(fc.constantFrom('en', 'zh', 'fr', 'pt-BR', 'zh-Hant'), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((codes) => fc.tuple(...codes.map(() => lessonText)).map((texts) => ({ codes, texts })))
  .map(({ codes, texts }) => Object.fromEntries(codes.map((c, k) => [c, texts[k]!])));

/** A lesson the page could write: a built-in one with its own id, seed and every text its own. */
const lessonDoc: fc.Arbitrary<LessonDoc> = builtIn.chain((doc) =>
  fc
    .record({
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      title: localized,
      steps: fc.tuple(
        ...doc.steps.map((s) =>
          fc.record({
            narration: localized,
            task: s.task ? fc.record({ goal: localized, hint: localized }) : fc.constant(null),
          }),
        ),
      ),
    })
    .map(({ id, seed, title, steps }) => ({
      ...doc,
      id,
      seed,
      title,
      steps: doc.steps.map((s, k) => {
        const texts = steps[k]!;
        return {
          ...s,
          narration: texts.narration,
          ...(s.task && texts.task && { task: { ...s.task, ...texts.task } }),
        };
      }),
    })),
);

/** A lesson file's text from a JSON value. */
const fileOf = (value: unknown) => JSON.stringify(value);

describe('a lesson file, whatever it holds', () => {
  it('reads any text to a lesson or to a sentence, in the page language, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.json({ maxDepth: 4 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => fileOf({ format: 'raft-playground-lesson', v })),
        ),
        async (text) => {
          await inBothLanguages(() => parseLessonFile(text), isAscii(text));
        },
      ),
      RUNS,
    );
  });

  it('refuses a lesson broken in any one place, in words, or reads it to a lesson that reads back the same', async () => {
    await fc.assert(
      fc.asyncProperty(
        builtIn,
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        async (doc, pick, bad, remove) => {
          const broken = remove
            ? withOneValueRemoved(doc, pick)
            : withOneValueReplaced(doc, pick, bad);
          const read = await inBothLanguages(
            () => parseLessonFile(fileOf(broken)),
            remove || isAscii(JSON.stringify(bad)),
          );
          // An accepted lesson is a lesson: reading it again changes nothing.
          if (read.ok) expect(parseLessonFile(lessonFileText(read.value))).toEqual(read);
        },
      ),
      RUNS,
    );
  });

  it('round trips every lesson the page can write: parse(JSON.stringify(doc)) is the lesson', () => {
    fc.assert(
      fc.property(lessonDoc, (doc) => {
        expect(parseLessonFile(JSON.stringify(doc))).toEqual({ ok: true, value: doc });
        expect(parseLessonFile(lessonFileText(doc))).toEqual({ ok: true, value: doc });
      }),
      RUNS,
    );
  });

  it('reads every built-in lesson back from its own file text', () => {
    for (const doc of BUILT_IN) {
      expect(parseLessonFile(lessonFileText(doc))).toEqual({ ok: true, value: doc });
      expect(parseLessonFile(JSON.stringify(viaJson(doc)))).toEqual({ ok: true, value: doc });
    }
  });
});

describe('a lesson link, whatever it holds', () => {
  it('decodes any text to a lesson or to a sentence, in the page language, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.stringMatching(/^[A-Za-z0-9_-]{0,200}$/)),
        async (text) => {
          await inBothLanguages(() => decodeLesson(text), true);
        },
      ),
      RUNS,
    );
  });

  it('refuses any packed JSON that is not a lesson, in words', async () => {
    // Packed real JSON gets past the base64 and deflate checks to the validator.
    await fc.assert(
      fc.asyncProperty(builtIn, fc.nat(), fc.jsonValue({ maxDepth: 2 }), async (doc, pick, bad) => {
        const word = await packText(fileOf(withOneValueReplaced(doc, pick, bad)));
        const read = await inBothLanguages(() => decodeLesson(word), isAscii(JSON.stringify(bad)));
        if (read.ok) expect(await decodeLesson(await encodeLesson(read.value))).toEqual(read);
      }),
      { ...RUNS, numRuns: 50 },
    );
  });

  it('round trips every lesson the page can write: decode(encode(doc)) is the lesson', async () => {
    await fc.assert(
      fc.asyncProperty(lessonDoc, async (doc) => {
        expect(await decodeLesson(await encodeLesson(doc))).toEqual({ ok: true, value: doc });
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});

describe('a hostile lesson', () => {
  const election = BUILT_IN[0]!;
  /** The election lesson with `part` in place of one top-level field, as a file's text. */
  const withField = (key: string, json: string) =>
    fileOf({ ...election, [key]: '@' }).replace('"@"', json);

  /** The refusal of `text` in English and in Chinese; a test fails if it was read. */
  async function refusal(
    read: () => ReturnType<typeof parseLessonFile> | ReturnType<typeof decodeLesson>,
  ) {
    const outcome = await inBothLanguages(read, true);
    if (outcome.ok) throw new Error('read a hostile lesson');
    return outcome.problem;
  }

  it('keeps markup in its narration as text: read as written, never run', () => {
    const script = '<script>document.title = "owned"</script><img src=x onerror=alert(1)>';
    const doc = {
      ...election,
      steps: election.steps.map((s, k) => (k === 0 ? { ...s, narration: { en: script } } : s)),
    };
    const read = parseLessonFile(fileOf(doc));
    if (!read.ok) throw new Error(read.problem);
    // The panel shows it as a React text child (LessonPanel.tsx), so it is escaped there.
    expect(read.value.steps[0]!.narration).toEqual({ en: script });
  });

  it('refuses a list nested deeper than any JSON printer goes, with its message', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(await refusal(() => parseLessonFile(withField('title', deep)))).toBe(
      '“title” must be a JSON object; it is […].',
    );
  });

  it('refuses a condition nested deeper than its bound, with its message', async () => {
    const deep = 10_000;
    const when = `${'{"not":'.repeat(deep)}{"fact":"converged"}${'}'.repeat(deep)}`;
    const steps = `[{"narration":{"en":"x"},"until":{"withinMs":1,"when":${when}}}]`;
    const problem = await refusal(() => parseLessonFile(withField('steps', steps)));
    expect(problem).toContain(`more than ${CONDITION_DEPTH_MAX} levels deep`);
    expect(problem).toContain(`steps[0].until.when${'.not'.repeat(CONDITION_DEPTH_MAX)}`);
  });

  it('refuses huge lists with the bound they break', async () => {
    const many = (n: number, item: string) => `[${Array(n).fill(item).join(',')}]`;
    const step = '{"narration":{"en":"x"}}';
    expect(await refusal(() => parseLessonFile(withField('steps', many(50_000, step))))).toBe(
      `“steps” has 50,000 items; at most ${LESSON_STEPS_MAX} are allowed.`,
    );
    const heal = '{"at":0,"kind":"heal"}';
    expect(
      await refusal(() => parseLessonFile(withField('inputs', many(RUN_INPUTS_MAX + 1, heal)))),
    ).toContain(`at most ${RUN_INPUTS_MAX.toLocaleString('en-US')}`);
    const parts = many(CONDITION_PARTS_MAX + 1, '{"fact":"converged"}');
    const steps = `[{"narration":{"en":"x"},"until":{"withinMs":1,"when":{"all":${parts}}}}]`;
    expect(await refusal(() => parseLessonFile(withField('steps', steps)))).toBe(
      `“steps[0].until.when.all” has ${CONDITION_PARTS_MAX + 1} items; at most ${CONDITION_PARTS_MAX} are allowed.`,
    );
  });

  it('refuses a text longer than its bound, and a file longer than its bound, unread', async () => {
    const long = 'x'.repeat(LESSON_TEXT_CHARS_MAX + 1);
    expect(await refusal(() => parseLessonFile(withField('title', `{"en":"${long}"}`)))).toContain(
      `at most ${LESSON_TEXT_CHARS_MAX.toLocaleString('en-US')}`,
    );
    const huge = ' '.repeat(LESSON_JSON_CHARS_MAX + 1);
    expect(await refusal(() => parseLessonFile(huge))).toContain(
      LESSON_JSON_CHARS_MAX.toLocaleString('en-US'),
    );
  });

  it('refuses a link too long to read, and one that unpacks to more than a lesson may be', async () => {
    const long = 'A'.repeat(RUN_LINK_CHARS_MAX + 1);
    expect(await refusal(() => decodeLesson(long))).toContain(
      RUN_LINK_CHARS_MAX.toLocaleString('en-US'),
    );
    // A few kilobytes that inflate past the bound: it stops there, not at the end.
    const bomb = await packText(`[${' '.repeat(LESSON_JSON_CHARS_MAX + 1)}]`);
    expect(bomb.length).toBeLessThan(RUN_LINK_CHARS_MAX);
    expect(await refusal(() => decodeLesson(bomb))).toContain(
      LESSON_JSON_CHARS_MAX.toLocaleString('en-US'),
    );
  });

  it('refuses a __proto__ field as a field it does not know, and pollutes nothing', async () => {
    const text = fileOf(election).replace('{', '{"__proto__":{"polluted":true},');
    expect(await refusal(() => parseLessonFile(text))).toBe(
      '“__proto__” is not part of a lesson (misspelt, or written by another program?).',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
