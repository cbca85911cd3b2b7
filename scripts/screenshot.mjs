// `npm run screenshot`: builds the page, serves it, and saves the README's
// two pictures at 1440x900: docs/screenshot.png, seed 12345 in the middle of
// a partition (the old leader cut off with an entry it cannot commit, the
// majority's new leader committing a client's write) with the logs and the
// state in view; and docs/presenter.png, the partition lesson in presenter
// mode, its narration on the stage.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docs = join(root, 'docs');
const SEED = 12345;
const VIEWPORT = { width: 1440, height: 900 };
/** Longest wall time to wait for the run to reach a state, ms. */
const WAIT_WALL_MS = 30_000;

/** Plays at full speed until `done()` resolves, then pauses. */
async function runUntil(page, done) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'max' });
  await page.getByRole('button', { name: 'Play' }).click();
  await done();
  await page.getByRole('button', { name: 'Pause' }).click();
}

const leaderName = (page) => page.getByTestId('leader').innerText();
const opDone = (page) =>
  page
    .getByTestId('client-op')
    .first()
    .and(page.locator('[data-progress="done"]'))
    .waitFor({ timeout: WAIT_WALL_MS });

async function partitionPicture(page, url) {
  await page.goto(`${url}?seed=${SEED}&paused=1`);
  await page.getByTestId('sim-time').and(page.locator('[data-status="running"]')).waitFor();
  await runUntil(page, () =>
    page.locator('g.node[data-status="leader"]').waitFor({ timeout: WAIT_WALL_MS }),
  );
  await page.getByRole('button', { name: 'Log in demo user alice' }).click();
  await runUntil(page, () => opDone(page));
  const clients = page.getByTestId('clients');
  await clients.getByLabel('New state').fill('before the cut');
  await clients.getByRole('button', { name: 'Set state' }).click();
  await runUntil(page, () => opDone(page));

  // Cut the leader off: a proposal there stays uncommitted, the majority elects another.
  const old = await leaderName(page);
  await page.getByTestId(`node-${old}`).click();
  await page.getByRole('menuitem', { name: `Isolate ${old}` }).click();
  await page.getByRole('button', { name: 'Propose' }).click();
  await runUntil(page, () =>
    page
      .getByTestId('leader')
      .filter({ hasText: /^S\d$/ })
      .filter({ hasNotText: old })
      .waitFor({ timeout: WAIT_WALL_MS }),
  );
  await page.getByRole('button', { name: 'Log in demo user bob' }).click();
  await runUntil(page, () => opDone(page));
  await clients.getByLabel('New state').fill('after the cut');
  await clients.getByRole('button', { name: 'Set state' }).click();
  await runUntil(page, () => opDone(page));

  // The new leader's newest entry selected: the logs mark where it is held.
  const leader = await leaderName(page);
  const cells = page
    .getByTestId('logs-view')
    .getByRole('gridcell', { name: new RegExp(`^${leader} index \\d+, term`) });
  await cells.last().click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(docs, 'screenshot.png') });
}

async function presenterPicture(page, url) {
  await page.goto(`${url}?lesson=partition`);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await page.locator('html[data-presenter]').waitFor({ state: 'attached' });
  await page
    .getByTestId('lesson-panel')
    .and(page.locator('[data-phase="paused"]'))
    .waitFor({ timeout: WAIT_WALL_MS });
  await page.getByTestId('lesson-panel').getByRole('button', { name: 'Next' }).click();
  await page
    .getByTestId('lesson-panel')
    .and(page.locator('[data-step="2"][data-phase="paused"]'))
    .waitFor({ timeout: WAIT_WALL_MS });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(docs, 'presenter.png') });
}

await build({ root, logLevel: 'warn' });
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
try {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address.');
  mkdirSync(docs, { recursive: true });
  // Each picture in a fresh context: no saved session, theme or presenter mode carries over.
  for (const picture of [partitionPicture, presenterPicture]) {
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
    await picture(await context.newPage(), url);
    await context.close();
  }
  console.log(`Saved ${join(docs, 'screenshot.png')} and ${join(docs, 'presenter.png')}`);
} finally {
  await browser.close();
  await server.close();
}
