import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, INSTALL_HELP } from './scripts/chromium.mjs';

// The tests run against the built page (what a user gets), served by
// `vite preview` with the same COOP/COEP headers as the dev server.
// scripts/test.mjs picks a free port and a private build folder, so two runs
// on one machine do not collide; run alone, the defaults below apply.
const PORT_DEFAULT = 4179;
const port = Number(process.env.PLAYGROUND_PORT ?? PORT_DEFAULT);
const outDir = process.env.PLAYGROUND_OUT_DIR ?? 'dist';
const baseURL = `http://127.0.0.1:${port}/`;
// Vite's own script run by this Node: no npx, so no npm chatter in the output.
const vite = `"${process.execPath}" ./node_modules/vite/bin/vite.js`;

// scripts/test.mjs finds (or installs) Chromium and passes it down in
// PLAYWRIGHT_CHROMIUM; `npx playwright test` on its own looks for one here.
const executablePath = findChromium();
if (!executablePath) throw new Error(INSTALL_HELP);

/** Startup bound for build + preview on a 2-core machine. */
const WEB_SERVER_TIMEOUT_MS = 120_000;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYGROUND_E2E_JSON ?? 'playwright-report/results.json' }],
  ],
  use: {
    baseURL,
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: [...CHROMIUM_ARGS] },
      },
    },
  ],
  webServer: {
    command: `${vite} build --logLevel warn --outDir "${outDir}" --emptyOutDir && ${vite} preview --outDir "${outDir}" --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: WEB_SERVER_TIMEOUT_MS,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
