// Finds a Chromium for the end-to-end tests, and installs one if it can.
//
// Order: the PLAYWRIGHT_CHROMIUM environment variable, the distribution's
// chromium (/usr/bin/chromium, /usr/bin/chromium-browser), then the browser
// that `npx playwright install chromium` downloads. Used by scripts/test.mjs
// and by playwright.config.ts (so `npx playwright test` works on its own).
//
// Run directly: `node scripts/chromium.mjs` prints the path, installing a
// browser first if none is found and it knows how.

import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Launch flags: no sandbox (CI runs as root), and no network chatter that
 * this machine's closed network would refuse. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-gpu',
];

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Playwright's own downloaded Chromium would be, or null. */
function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && isExecutable(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The path of a usable Chromium, or null. Never installs anything.
 * @returns {string | null}
 */
export function findChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(
      `PLAYWRIGHT_CHROMIUM is set to ${fromEnv}, but no executable is there. ` +
        'Point it at a Chromium binary, or unset it to let the tests look for one.',
    );
  }
  for (const path of SYSTEM_PATHS) if (isExecutable(path)) return path;
  return playwrightChromium();
}

export const INSTALL_HELP = [
  'No Chromium was found for the end-to-end tests. Install one, then run the tests again:',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
  '  anywhere else:  npx playwright install chromium',
  'or point PLAYWRIGHT_CHROMIUM at an existing Chromium or Chrome binary.',
].join('\n');

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * The path of a usable Chromium, installing one first if none is found:
 * with apt-get when running as root, else with `npx playwright install`.
 * Throws an Error whose message says what to run when both fail.
 * @returns {string}
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    if (isRoot && hasCommand('apt-get')) {
      console.error('No Chromium found; installing the chromium package with apt-get ...');
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    } else {
      console.error('No Chromium found; running `npx playwright install chromium` ...');
      execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
    }
  } catch {
    // Fall through to the message below: the install could not run here.
  }
  const installed = findChromium();
  if (installed) return installed;
  throw new Error(INSTALL_HELP);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
