import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { messages as en } from '../src/ui/i18n/locales/en.ts';
import { messages as zh } from '../src/ui/i18n/locales/zh.ts';
import { HeadlessLesson } from '../src/ui/lessons/engine.ts';
import { say } from '../src/ui/lessons/lesson.ts';
import { lessonOf, type LessonDoc } from '../src/ui/lessons/schema.ts';
import { expect, Playground, test } from './fixtures.ts';

// A lesson opens from a file (the Lessons menu), a drop, a link (#lesson=)
// and a file beside the page (?lessonFile=), each at its first step as a
// built-in lesson opens; a bad, hostile or newer file is refused in words
// and the run shown stays exactly as it was (same instant, same trace hash).

test.describe.configure({ timeout: 60_000 });

/** The example lesson shipped beside the page (public/lessons). */
const EXAMPLE_PATH = 'lessons/three-servers.json';
const exampleText = readFileSync(`public/${EXAMPLE_PATH}`, 'utf8');
const example = JSON.parse(exampleText) as LessonDoc;
const STEPS = example.steps.length;

/** The trace hash where the example's first step pauses, headless. */
function firstPauseHash(): string {
  const run = new HeadlessLesson(lessonOf(example), { recentEvents: 0 });
  run.next();
  return run.view.traceHash();
}

/** The page shows the example lesson at its first step, paused on the headless engine's instant. */
async function expectExampleAtStep1(playground: Playground, hash = firstPauseHash()) {
  await expect(playground.lessonPanel).toHaveAttribute('data-lesson', example.id);
  await playground.lessonAt(1);
  await expect(playground.lessonNarration).toHaveText(say(example.steps[0]!.narration, 'en'));
  await expect(playground.page.getByTestId('lesson-step')).toHaveText(
    en.lessons.ui.stepOf(1, STEPS),
  );
  await expect(playground.runNotice).toHaveText(en.lessons.ui.opened(say(example.title, 'en')));
  expect(await playground.hook('traceHash')).toBe(hash);
}

/** A run to leave alone: elected, a write, some time; its instant and trace hash. */
async function makeRun(playground: Playground) {
  await playground.open({ seed: 4242, paused: true, hook: true });
  await playground.stepUntilLeader();
  await playground.propose();
  await playground.runFor(100);
  return { now: await playground.hook('now'), hash: await playground.hook('traceHash') };
}

async function expectRun(playground: Playground, run: { now: number; hash: string | null }) {
  await expect(playground.simTime).toHaveAttribute('data-ms', String(run.now));
  expect(await playground.hook('now')).toBe(run.now);
  expect(await playground.hook('traceHash')).toBe(run.hash);
  await expect(playground.lessonPanel).toHaveCount(0);
}

/** The default run, untouched: seed 1 from time 0, nothing done, no lesson. */
async function expectDefaultRun(playground: Playground) {
  await expect(playground.simTime).toHaveAttribute('data-status', 'running');
  expect((await playground.hook('options'))?.seed).toBe(1);
  expect(await playground.hook('inputLog')).toEqual([]);
  await expect(playground.lessonPanel).toHaveCount(0);
}

async function chooseLessonFile(page: Page, name: string, text: string, menu = en.lessons.ui) {
  await page.getByRole('button', { name: menu.menu, exact: true }).click();
  await page.getByLabel(menu.openFile).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** Drops a file on the page as a user drags one from the desktop. */
async function dropFile(page: Page, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ([n, t]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([t], n, { type: 'application/json' }));
      return transfer;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('[data-testid="ring"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="ring"]', 'drop', { dataTransfer });
}

const withSteps = (steps: unknown[]) => JSON.stringify({ ...example, steps });
const step0 = example.steps[0]!;

/** Nested `not` conditions, `depth` deep. */
function nested(depth: number): unknown {
  let condition: unknown = { fact: 'converged' };
  for (let k = 0; k < depth; k++) condition = { not: condition };
  return condition;
}

/** Bad lesson files: name, text, and the words the page must say about it. */
const BAD_LESSONS: readonly [name: string, text: string, message: string][] = [
  [
    'malformed.json',
    '{"format": "raft-playground-lesson", "version": 1,, }',
    'It is not valid JSON',
  ],
  [
    'truncated.json',
    exampleText.slice(0, exampleText.length / 2),
    'It is not valid JSON, perhaps cut short',
  ],
  [
    'newer.json',
    JSON.stringify({ ...example, version: 2, rubric: {} }),
    en.lessons.file.newer(2, 1),
  ],
  [
    'proto.json',
    `{"__proto__":{"polluted":true},${exampleText.trim().slice(1)}`,
    en.lessons.file.unknownField('__proto__'),
  ],
  [
    'many-steps.json',
    withSteps(Array.from({ length: 101 }, () => step0)),
    en.lessons.file.tooMany('steps', 101, 100),
  ],
  [
    'deep.json',
    withSteps([{ ...step0, until: { when: nested(20), withinMs: 100 } }]),
    'nests conditions more than 8 levels deep',
  ],
  [
    'long.json',
    withSteps([{ narration: { en: 'x'.repeat(2_001) } }]),
    en.lessons.file.tooLong('steps[0].narration.en', 2_001, 2_000),
  ],
  [
    'deep-json.json',
    `{"format":"raft-playground-lesson","version":1,"id":"deep","title":{"en":"t"},"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    en.lessons.file.unknownField('x'),
  ],
];

test('a lesson file opens from the Lessons menu at its first step, as a built-in one does', async ({
  playground,
  page,
}) => {
  await playground.open({ paused: true, hook: true });
  await chooseLessonFile(page, 'three-servers.json', exampleText);
  await expectExampleAtStep1(playground);
  // From a file, not the library: the address names no lesson of the library.
  await expect(page).not.toHaveURL(/[?&]lesson=/);
  expect(playground.errors).toEqual([]);
});

test('a bad, hostile or newer lesson file from the menu is refused and the run is left alone', async ({
  playground,
  page,
}) => {
  const run = await makeRun(playground);
  const problem = page.getByTestId('file-problem');
  const runFile = JSON.stringify({ format: 'raft-playground-run', version: 1, seed: 3 });
  for (const [name, text, message] of [
    ...BAD_LESSONS,
    ['run.json', runFile, en.lessons.file.notLesson('raft-playground-lesson')] as const,
  ]) {
    await chooseLessonFile(page, name, text);
    await expect(problem).toContainText(`The lesson “${name}” was not opened: `);
    await expect(problem).toContainText(message);
    await expect(problem).toContainText('Nothing was changed.');
    await expectRun(playground, run);
  }
  expect(await page.evaluate(() => 'polluted' in {})).toBe(false);
  expect(playground.errors).toEqual([]);
});

test('a script in a lesson’s narration is shown as text and never runs', async ({
  playground,
  page,
}) => {
  const script = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const hostile = withSteps([{ narration: { en: script } }, ...example.steps.slice(1)]);
  await playground.open({ paused: true, hook: true });
  await chooseLessonFile(page, 'script.json', hostile);
  await expect(playground.lessonNarration).toHaveText(script);
  await expect(playground.lessonNarration.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a dropped lesson file opens as a lesson, a dropped run file as a run', async ({
  playground,
  page,
}) => {
  const run = await makeRun(playground);
  const runFile = readFileSync(await (await playground.download('Save run file')).path(), 'utf8');
  await dropFile(page, 'three-servers.json', exampleText);
  await expectExampleAtStep1(playground);
  await dropFile(page, 'saved-run.json', runFile);
  await expect(playground.runNotice).toContainText('Opened saved-run.json, paused at');
  await expectRun(playground, run);
  expect(playground.errors).toEqual([]);
});

test('a dropped file that is bad, newer or neither a run nor a lesson changes nothing', async ({
  playground,
  page,
}) => {
  const run = await makeRun(playground);
  const problem = page.getByTestId('file-problem');
  for (const [name, text, message] of BAD_LESSONS) {
    await dropFile(page, name, text);
    if (name === 'malformed.json' || name === 'truncated.json')
      // Not JSON: it claims to be nothing, so it is said as a file's problem.
      await expect(problem).toContainText(`“${name}” was not opened: `);
    else await expect(problem).toContainText(`The lesson “${name}” was not opened: `);
    await expect(problem).toContainText(message);
    await expectRun(playground, run);
  }
  await dropFile(page, 'package.json', '{"name": "left-pad", "version": 1}');
  await expect(problem).toHaveText(
    en.share.badFile(
      'package.json',
      en.share.problems.notRunOrLesson('raft-playground-run', 'raft-playground-lesson'),
    ),
  );
  await dropFile(page, 'newer-run.json', '{"format": "raft-playground-run", "version": 3}');
  await expect(problem).toContainText('“newer-run.json” was not opened: It was saved by a newer');
  await expectRun(playground, run);
  expect(playground.errors).toEqual([]);
});

test('a refusal is said in the page’s language', async ({ playground, page }) => {
  await page.addInitScript(() => window.localStorage.setItem('raft-playground:language', 'zh'));
  await playground.open({ seed: 4242, paused: true, hook: true });
  const newer = JSON.stringify({ ...example, version: 2 });
  await dropFile(page, 'newer.json', newer);
  await expect(page.getByTestId('file-problem')).toHaveText(
    zh.lessons.file.refused('newer.json', zh.lessons.file.newer(2, 1)),
  );
  await chooseLessonFile(page, 'truncated.json', exampleText.slice(0, 40), zh.lessons.ui);
  await expect(page.getByTestId('file-problem')).toContainText('课程“truncated.json”没有打开');
  await expect(playground.lessonPanel).toHaveCount(0);
  expect(await playground.hook('inputLog')).toEqual([]);
});

/** A lesson link's word, packed in Node as the page packs it (deflate-raw, base64url). */
const packed = (text: string) => deflateRawSync(Buffer.from(text)).toString('base64url');

test('a link that holds a lesson opens it at its first step', async ({ playground, page }) => {
  await page.goto(`./?test=1#lesson=${packed(JSON.stringify(example))}`);
  await expectExampleAtStep1(playground);
  expect(playground.errors).toEqual([]);
});

test('a bad lesson link says what is wrong and the default run starts', async ({ browser }) => {
  const word = packed(exampleText);
  const cases: [fragment: string, message: string][] = [
    ['lesson=%%%not-base64', en.share.problems.notBase64('lesson')],
    [`lesson=${word.slice(0, word.length - 7)}`, en.share.problems.notDeflate('lesson')],
    [`lesson=${packed(JSON.stringify({ ...example, version: 5 }))}`, en.lessons.file.newer(5, 1)],
    [`lesson=${packed(BAD_LESSONS[3]![1])}`, en.lessons.file.unknownField('__proto__')],
    [`lesson=${packed(BAD_LESSONS[4]![1])}`, en.lessons.file.tooMany('steps', 101, 100)],
  ];
  for (const [fragment, message] of cases) {
    // A browser of its own: no saved session to fall back on.
    const context = await browser.newContext();
    const playground = new Playground(await context.newPage());
    await playground.page.goto(`./?test=1#${fragment}`);
    await expect(playground.page.getByTestId('lesson-problem')).toHaveText(
      en.lessons.file.badLink(message),
    );
    await expectDefaultRun(playground);
    expect(playground.errors).toEqual([]);
    await context.close();
  }
});

test('a lesson file beside the page opens by its address (?lessonFile=)', async ({
  playground,
  page,
}) => {
  await page.goto(`./?lessonFile=${EXAMPLE_PATH}&test=1`);
  await expectExampleAtStep1(playground);
  // The address still names the file: a reload opens the lesson again.
  await expect(page).toHaveURL(/[?&]lessonFile=lessons(%2F|\/)three-servers\.json(&|$)/);
  expect(playground.errors).toEqual([]);
});

test('a lesson file beside the page that is missing, elsewhere or bad is said and nothing opens', async ({
  browser,
}) => {
  const f = en.lessons.file;
  const cases: [path: string, message: string | RegExp][] = [
    ['lessons/nonesuch.json', f.notFound('lessons/nonesuch.json', 'HTTP 404')],
    ['https://example.com/lesson.json', f.badName('https://example.com/lesson.json')],
    ['//example.com/lesson.json', f.badName('//example.com/lesson.json')],
    ['../lesson.json', f.badName('../lesson.json')],
    ['lessons/offline.json', f.notFound('lessons/offline.json', 'Failed to fetch')],
    [
      'lessons/cut.json',
      /^The lesson “lessons\/cut\.json” was not opened: It is not valid JSON, perhaps cut short .* Nothing was changed\.$/,
    ],
    ['lessons/newer.json', f.refused('lessons/newer.json', f.newer(2, 1))],
  ];
  for (const [path, message] of cases) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Files a teacher might have put beside the page: a network that fails, a file cut short, a newer one.
    await page.route('**/lessons/offline.json', (route) => route.abort('failed'));
    await page.route('**/lessons/cut.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: exampleText.slice(0, 300) }),
    );
    await page.route('**/lessons/newer.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ...example, version: 2 }),
      }),
    );
    const playground = new Playground(page);
    await page.goto(`./?lessonFile=${encodeURIComponent(path)}&test=1`);
    await expect(page.getByTestId('lesson-problem')).toHaveText(message);
    await expectDefaultRun(playground);
    await context.close();
  }
});
