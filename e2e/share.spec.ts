import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, Playground, test } from './fixtures.ts';

// Sharing and saving (issue 6): a link that holds the whole run, run files,
// the session saved as you go, and exports. A run is a pure function of
// (options, seed, input log), so "the same run" is checked as the same trace
// hash at the same instant (window.__raft, src/ui/testHook.ts).

const SEED = 4242;

/** A link that holds 8 actions is far shorter than this; a chat takes it whole. */
const LINK_CHARS_MAX = 2_000;

/** A run with an election, a proposal, a client's login and write, and a crash. */
async function makeRun(playground: Playground): Promise<{ hash: string; now: number }> {
  await playground.open({ seed: SEED, paused: true, hook: true });
  await playground.stepUntilLeader();
  await playground.propose();
  await playground.login('ada', 'lovelace-1843');
  await playground.runUntilOpDone();
  await playground.setUserState('ada', 'notes on the engine');
  await playground.runUntilOpDone();
  await playground.show('Servers');
  await playground.crashButton(2).click();
  await playground.runFor(300);
  const hash = await playground.hook('traceHash');
  expect(hash).not.toBeNull();
  return { hash: hash!, now: await playground.hook('now') };
}

/** The page shows this run at this instant, paused. */
async function expectRun(playground: Playground, run: { hash: string; now: number }) {
  await expect(playground.simTime).toHaveAttribute('data-status', 'running');
  await expect(playground.simTime).toHaveAttribute('data-ms', String(run.now));
  expect(await playground.hook('now')).toBe(run.now);
  expect(await playground.hook('traceHash')).toBe(run.hash);
  await expect(playground.playButton).toBeVisible();
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

test.describe.configure({ timeout: 60_000 });

test('a copied link opens the identical run in a new browser', async ({ playground, browser }) => {
  await playground.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const run = await makeRun(playground);
  const link = await playground.copyLink();
  await expect(playground.page.getByTestId('share-status')).toContainText('Link copied');
  expect(await playground.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toContain('#run=');
  expect(link.length).toBeLessThan(LINK_CHARS_MAX);

  // Another browser: nothing saved, so only the link can make the same run.
  const context = await browser.newContext();
  const other = new Playground(await context.newPage());
  await other.page.goto(link);
  await expect(other.runNotice).toContainText('Opened the run from the link, paused at');
  await expectRun(other, run);
  // The run's client operations are listed as the clients panel listed them.
  await expect(other.clientOps).toHaveCount(2);
  await expect(other.clientOps.first()).toHaveAttribute('data-progress', 'done');
  await expect(other.clientOps.first()).toContainText('notes on the engine');
  // The link is spent: the address names the run's seed, and a reload finds the session.
  expect(other.page.url()).not.toContain('#run=');
  expect(other.page.url()).toContain(`seed=${SEED}`);
  // The login went as a hash: no password in the link's run.
  expect(JSON.stringify(await other.hook('inputLog'))).not.toContain('lovelace-1843');
  expect(other.errors).toEqual([]);
  await context.close();
  expect(playground.errors).toEqual([]);
});

test('a saved run file opens the same run again', async ({ playground }) => {
  const run = await makeRun(playground);
  const download = await playground.download('Save run file');
  expect(download.suggestedFilename()).toBe(`raft-run-seed${SEED}-${run.now}ms.json`);
  const path = await download.path();
  const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  expect(file).toMatchObject({ format: 'raft-playground-run', version: 1, seed: SEED });
  expect(JSON.stringify(file)).not.toContain('lovelace-1843');

  // The run goes on, then the file brings back the instant it was saved at.
  await playground.show('Servers');
  await playground.restartButton(2).click();
  await playground.runFor(200);
  expect(await playground.hook('traceHash')).not.toBe(run.hash);
  await playground.openRunFile({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: readFileSync(path),
  });
  await expect(playground.runNotice).toContainText(`Opened raft-run-seed${SEED}-${run.now}ms.json`);
  await expectRun(playground, run);
  expect(playground.errors).toEqual([]);
});

test('a bad run file says what is wrong and leaves the run alone', async ({ playground }) => {
  const run = await makeRun(playground);
  const good = readFileSync(await (await playground.download('Save run file')).path(), 'utf8');
  const spec = JSON.parse(good) as Record<string, unknown>;
  const cases: [name: string, text: string, message: string][] = [
    ['truncated.json', good.slice(0, good.length / 2), 'It is not valid JSON, perhaps cut short'],
    [
      'newer.json',
      JSON.stringify({ ...spec, version: 2, replicas: 'new' }),
      'It was saved by a newer Raft Playground (format 2); this page is older and reads format 1 only.',
    ],
    ['types.json', JSON.stringify({ ...spec, seed: 'forty' }), '“seed” must be a whole number'],
    [
      'ids.json',
      JSON.stringify({ ...spec, inputs: [{ at: 1, kind: 'crash', id: 8 }] }),
      '“inputs[0]” cannot apply: There is no server S8; this cluster has S1..S5.',
    ],
    [
      'hostile.json',
      `{"__proto__":{"polluted":true},${good.trim().slice(1)}`,
      '“__proto__” is not part of a run',
    ],
    ['other.json', '{"name": "left-pad", "version": 1}', 'It is not a Raft Playground run file'],
    [
      'many.json',
      JSON.stringify({
        ...spec,
        inputs: Array.from({ length: 10_001 }, () => ({ at: 0, kind: 'heal' })),
      }),
      '“inputs” has 10,001 items; at most 10,000 are allowed.',
    ],
  ];
  for (const [name, text, message] of cases) {
    await playground.openRunFile({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(playground.shareProblem).toContainText(`“${name}” was not opened: ${message}`);
    await expect(playground.shareProblem).toContainText('The current run is unchanged.');
    await expectRun(playground, run);
  }
  expect(await playground.page.evaluate(() => 'polluted' in {})).toBe(false);
  expect(playground.errors).toEqual([]);
});

test('a bad link says what is wrong and the default run starts', async ({ browser }) => {
  const json = JSON.stringify({ version: 1, seed: 3 });
  const valid = base64url(deflateRawSync(Buffer.from(json)));
  const cases: [fragment: string, message: string][] = [
    ['run=%%%not-base64', 'it has characters a copied link never has'],
    [`run=${valid.slice(0, valid.length - 3)}`, 'the link was probably cut short'],
    [
      `run=${base64url(deflateRawSync(Buffer.from('{"version":7,"seed":3}')))}`,
      'It was saved by a newer Raft Playground (format 7); this page is older',
    ],
    [`run=${valid}`, '“options” is missing.'],
  ];
  for (const [fragment, message] of cases) {
    // A browser of its own: no saved session to fall back on.
    const context = await browser.newContext();
    const playground = new Playground(await context.newPage());
    await playground.page.goto(`/?test=1#${fragment}`);
    const problem = playground.page.getByTestId('opening-problem');
    await expect(problem).toContainText('The run in this link could not be opened:');
    await expect(problem).toContainText(message);
    await expect(problem).toContainText('The default run starts instead.');
    await expect(playground.simTime).toHaveAttribute('data-status', 'running');
    expect((await playground.hook('options'))?.seed).toBe(1);
    expect(await playground.hook('inputLog')).toEqual([]);
    expect(playground.errors).toEqual([]);
    await context.close();
  }
});

test('reloading the page brings the session back at its instant', async ({ playground }) => {
  const run = await makeRun(playground);
  await playground.sessionSavedAt(run.now);
  await playground.page.reload();
  await expect(playground.runNotice).toContainText('Restored your session, paused at');
  await expectRun(playground, run);
  expect(playground.errors).toEqual([]);
});

/** An exported SVG, parsed by the browser: whether it parses, and what it holds. */
async function parseSvg(playground: Playground, text: string) {
  return playground.page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.nodeName,
      namespace: root.namespaceURI,
      circles: root.querySelectorAll('circle').length,
      background: root.firstElementChild?.getAttribute('fill') ?? null,
      styled: root.querySelectorAll('[class]').length,
    };
  }, text);
}

test('the ring exports as SVG and PNG, the feed and history as text', async ({ playground }) => {
  await playground.open({ seed: SEED, paused: true, hook: true });
  await playground.stepUntilLeader();
  await playground.login('ada', 'lovelace-1843');
  await playground.runUntilOpDone();
  const now = await playground.now();

  const light = await playground.download('Ring as SVG');
  expect(light.suggestedFilename()).toBe(`raft-ring-seed${SEED}-${now}ms.svg`);
  const lightSvg = await parseSvg(playground, readFileSync(await light.path(), 'utf8'));
  expect(lightSvg).toMatchObject({
    error: null,
    root: 'svg',
    namespace: 'http://www.w3.org/2000/svg',
    background: '#ffffff',
    // Self-contained: every style is inlined, no class is left to a style sheet.
    styled: 0,
  });
  expect(lightSvg.circles).toBeGreaterThan(5);

  await playground.page.getByRole('button', { name: 'Dark theme' }).click();
  const dark = await playground.download('Ring as SVG');
  const darkSvg = await parseSvg(playground, readFileSync(await dark.path(), 'utf8'));
  expect(darkSvg).toMatchObject({ error: null, background: '#161a22', styled: 0 });

  const png = await playground.download('Ring as PNG');
  expect(png.suggestedFilename()).toBe(`raft-ring-seed${SEED}-${now}ms.png`);
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  const events = await playground.download('Events as text');
  expect(events.suggestedFilename()).toBe(`raft-events-seed${SEED}-${now}ms.txt`);
  const eventsText = readFileSync(await events.path(), 'utf8');
  expect(eventsText).toContain(`Raft Playground: events of seed ${SEED} up to`);
  expect(eventsText).toMatch(/\telections\t/);

  const history = await playground.download('History as text');
  const historyText = readFileSync(await history.path(), 'utf8');
  expect(historyText).toContain(`client history of seed ${SEED}`);
  expect(historyText).toContain('Operation 1, client ada: login, ok');
  expect(historyText).not.toContain('lovelace-1843');
  expect(playground.errors).toEqual([]);
});
