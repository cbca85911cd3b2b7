// `npm test`: every check, in order, so a student sees all failures at once.
//
//   1. typecheck   tsc --noEmit
//   2. lint        eslint .
//   3. unit        vitest run
//   4. e2e         playwright test (built page in Chromium)
//
// Each stage runs even when an earlier one failed. The exit code is non-zero
// if any stage failed, and the very last line printed is `N passed, N failed`,
// counting unit and e2e tests (a failed typecheck or lint counts as 1 failed).
//
// Options: --skip-e2e runs stages 1-3 only (quick loop while editing).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Longest any one stage may run before it is stopped and counted as failed. */
const STAGE_TIMEOUT_MS = 20 * 60_000;
/** First port tried for the preview server, and how many after it. */
const PORT_FIRST = 4179;
const PORT_TRIES = 50;

/** The JavaScript file behind a package's command, run with this Node. */
function binOf(pkg, name = pkg) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const rel = typeof bin === 'string' ? bin : bin[name];
  return join(dirname(manifestPath), rel);
}

/** Runs a command with inherited output; resolves to its exit code (1 on timeout or signal). */
function run(args, env = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    const timer = setTimeout(() => {
      console.error(`\nStopped after ${STAGE_TIMEOUT_MS / 60_000} minutes: ${args.join(' ')}`);
      child.kill('SIGTERM');
    }, STAGE_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      console.error(error.message);
      resolvePromise(1);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolvePromise(signal ? 1 : (code ?? 1));
    });
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function portIsFree(port) {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePromise(true)));
  });
}

async function freePort() {
  for (let port = PORT_FIRST; port < PORT_FIRST + PORT_TRIES; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port between ${PORT_FIRST} and ${PORT_FIRST + PORT_TRIES - 1}.`);
}

function banner(title) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 60 - title.length))}`);
}

/** A check that is not a test (typecheck, lint) counts as one test, passed or failed. */
async function checkStage(title, args) {
  banner(title);
  const code = await run(args);
  return { title, ok: code === 0, passed: 0, failed: code === 0 ? 0 : 1 };
}

async function unitStage(work) {
  banner('unit tests (vitest)');
  const jsonPath = join(work, 'vitest.json');
  const code = await run([
    binOf('vitest'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonPath}`,
  ]);
  const report = readJson(jsonPath);
  let passed = 0;
  let failed = 0;
  if (report) {
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    // A file that fails to load has no failed test, but it did fail.
    for (const file of report.testResults ?? []) {
      const failedInFile = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      if (file.status === 'failed' && failedInFile.length === 0) failed += 1;
    }
  }
  if (code !== 0 && failed === 0) failed = 1;
  return { title: 'unit', ok: code === 0 && failed === 0, passed, failed };
}

async function e2eStage(work) {
  banner('end-to-end tests (playwright)');
  let chromium;
  try {
    chromium = ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return { title: 'e2e', ok: false, passed: 0, failed: 1 };
  }
  const port = await freePort();
  const jsonPath = join(work, 'playwright.json');
  console.log(`Chromium: ${chromium}; serving the built page on port ${port}`);
  const code = await run([binOf('@playwright/test', 'playwright'), 'test'], {
    PLAYWRIGHT_CHROMIUM: chromium,
    PLAYGROUND_PORT: String(port),
    PLAYGROUND_OUT_DIR: join(work, 'dist'),
    PLAYGROUND_E2E_JSON: jsonPath,
  });
  const report = readJson(jsonPath);
  const stats = report?.stats ?? {};
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  let failed = stats.unexpected ?? 0;
  if (code !== 0 && failed === 0) failed = 1; // e.g. the web server did not start
  return { title: 'e2e', ok: code === 0 && failed === 0, passed, failed };
}

async function main() {
  const skipE2e = process.argv.includes('--skip-e2e');
  const work = mkdtempSync(join(tmpdir(), 'raft-playground-test-'));
  const results = [];
  try {
    results.push(
      await checkStage('typecheck (tsc)', [
        binOf('typescript', 'tsc'),
        '--noEmit',
        '-p',
        'tsconfig.json',
      ]),
    );
    results.push(await checkStage('lint (eslint)', [binOf('eslint'), '.']));
    results.push(await unitStage(work));
    if (!skipE2e) results.push(await e2eStage(work));
  } finally {
    if (existsSync(work)) rmSync(work, { recursive: true, force: true });
  }

  banner('summary');
  for (const r of results) {
    const counts =
      r.title === 'unit' || r.title === 'e2e' ? ` (${r.passed} passed, ${r.failed} failed)` : '';
    console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.title}${counts}`);
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const allOk = results.every((r) => r.ok);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = allOk ? 0 : 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
