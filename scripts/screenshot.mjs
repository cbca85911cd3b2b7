// `npm run screenshot`: builds the page, serves it, steps seed 12345 until a
// leader is elected, and saves docs/screenshot.png for the README.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'docs', 'screenshot.png');
const SEED = 12345;
/** Most presses of "Step" before giving up on an election. */
const STEPS_MAX = 300;

await build({ root, logLevel: 'warn' });
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 760, height: 640 } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address.');
  await page.goto(`${url}?seed=${SEED}&paused=1`);
  const leaders = page.getByTestId(/^role-S\d+$/).filter({ hasText: /^leader$/ });
  for (let step = 0; step < STEPS_MAX && (await leaders.count()) === 0; step++) {
    await page.getByRole('button', { name: 'Step' }).click();
  }
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`Saved ${output}`);
} finally {
  await browser.close();
  await server.close();
}
