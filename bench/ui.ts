// npm run bench:ui — prints JSON: the playground page in Chromium (built as
// a user gets it): frame times at 1x for 5 and 9 nodes with a long log and
// clients at work (the stage shows the ring, the logs, the state and the
// clients at once; 9 nodes twice: then with the side panel's events too), long
// tasks, time to the first leader, the JavaScript shipped (gzipped), and the
// CPU the page uses over 5 s while paused.
// Targets (issue 5): p95 frame time under 16.7 ms at 1x with 9 nodes, 2,000
// entries and 10 clients; no long task over 50 ms; a leader within 1.5 s of
// opening the page; under 250 KB of JavaScript gzipped; no frames and no
// timers while paused.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/chromium.mjs';

const NODE_COUNTS = [5, 9] as const;
const LOG_ENTRIES = 2_000;
const CLIENTS = 10;
/** Wall time measured at 1x, after a warm-up. */
const MEASURE_WALL_MS = 5_000;
const WARM_UP_WALL_MS = 1_000;
const PAUSED_WALL_MS = 5_000;
const LONG_TASK_MS = 50;
const TARGET_P95_FRAME_MS = 16.7;
const TARGET_FIRST_LEADER_MS = 1_500;
const TARGET_BUNDLE_GZIP_KB = 250;
const PAGE_TIMEOUT_MS = 120_000;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[k] ?? NaN) * 100) / 100;
}

/** Counts animation frame requests and timers the page asks for (injected before its scripts). */
function countScheduling(): void {
  const w = window as unknown as { __sched: { frames: number; timers: number } };
  w.__sched = { frames: 0, timers: 0 };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => {
    w.__sched.frames++;
    return raf(cb);
  };
  const st = window.setTimeout.bind(window);
  window.setTimeout = ((cb: TimerHandler, ms?: number, ...rest: unknown[]) => {
    w.__sched.timers++;
    return st(cb, ms, ...rest);
  }) as typeof window.setTimeout;
  const si = window.setInterval.bind(window);
  window.setInterval = ((cb: TimerHandler, ms?: number, ...rest: unknown[]) => {
    w.__sched.timers++;
    return si(cb, ms, ...rest);
  }) as typeof window.setInterval;
}

/**
 * A page in its own context. tsx (esbuild, keepNames) wraps functions in
 * __name(), which the functions handed to page.evaluate carry along; the
 * page gets a no-op for it first.
 */
async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  return page;
}

async function open(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(browser);
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(countScheduling);
  await page.goto(url);
  await page.getByTestId('sim-time').and(page.locator('[data-status="running"]')).waitFor();
  return { page, errors };
}

/** Milliseconds from navigation until a node on the ring shows the leader role. */
async function firstLeaderMs(browser: Browser, base: string): Promise<number> {
  const page = await newPage(browser);
  await page.goto(`${base}?seed=1`);
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolveMs) => {
        const leader = () => document.querySelector('g.node[data-status="leader"]');
        if (leader()) return resolveMs(performance.now());
        const observer = new MutationObserver(() => {
          if (!leader()) return;
          observer.disconnect();
          resolveMs(performance.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
  await page.close();
  return Math.round(ms);
}

/**
 * `sideTab`: a tab of the side panel shown beside the stage while playing
 * (else the side panel is hidden, as it is by default at this width).
 */
async function framesAt1x(
  browser: Browser,
  base: string,
  nodes: number,
  loaded: boolean,
  sideTab?: string,
) {
  const { page, errors } = await open(browser, `${base}?seed=1&nodes=${nodes}&paused=1&test=1`);
  const logLength = await page.evaluate(
    ([entries, clients]) => window.__raftBench!.load(entries, clients),
    loaded ? ([LOG_ENTRIES, CLIENTS] as const) : ([0, 0] as const),
  );
  if (sideTab) {
    await page.getByRole('button', { name: 'Show details' }).click();
    await page.getByRole('tab', { name: sideTab }).click();
  }
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '1x' });
  await page.getByRole('button', { name: 'Play' }).click();
  const sample = await page.evaluate(
    async ([warmUpMs, measureMs]) => {
      await new Promise((r) => setTimeout(r, warmUpMs));
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTasks.push(e.duration);
      });
      observer.observe({ type: 'longtask' });
      const stamps: number[] = [];
      const start = performance.now();
      await new Promise<void>((done) => {
        const frame = (t: number) => {
          stamps.push(t);
          if (t - start < measureMs) requestAnimationFrame(frame);
          else done();
        };
        requestAnimationFrame(frame);
      });
      observer.disconnect();
      return { stamps, longTasks };
    },
    [WARM_UP_WALL_MS, MEASURE_WALL_MS] as const,
  );
  const virtualMs = Number(await page.getByTestId('sim-time').getAttribute('data-ms'));
  await page.getByRole('button', { name: 'Pause' }).click();
  const deltas = sample.stamps.slice(1).map((t, k) => t - (sample.stamps[k] ?? t));
  const sorted = [...deltas].sort((a, b) => a - b);
  const flights = await page.getByTestId('flight').count();
  await page.close();
  return {
    nodes,
    inView: sideTab ? `stage and ${sideTab}` : 'stage',
    logLength,
    clients: loaded ? CLIENTS : 0,
    frames: deltas.length,
    frameMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    },
    longTasks: sample.longTasks.length,
    longTasksOver50Ms: sample.longTasks.filter((d) => d > LONG_TASK_MS).length,
    longestTaskMs: Math.round(Math.max(0, ...sample.longTasks)),
    virtualMsAtEnd: virtualMs,
    flightsDrawnAtEnd: flights,
    errors,
  };
}

async function pausedCpu(browser: Browser, base: string) {
  const { page, errors } = await open(browser, `${base}?seed=1`);
  await page.locator('g.node[data-status="leader"]').first().waitFor();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Play' }).waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    const sched = await page.evaluate(
      () => (window as unknown as { __sched: { frames: number; timers: number } }).__sched,
    );
    return {
      task: get('TaskDuration'),
      script: get('ScriptDuration'),
      layout: get('LayoutDuration'),
      ...sched,
    };
  };
  // Let the last frame settle, then measure a quiet stretch.
  await page.waitForTimeout(500);
  const before = await metric();
  await page.waitForTimeout(PAUSED_WALL_MS);
  const after = await metric();
  await page.close();
  return {
    wallS: PAUSED_WALL_MS / 1000,
    cpuMs: Math.round((after.task - before.task) * 1000 * 10) / 10,
    scriptMs: Math.round((after.script - before.script) * 1000 * 10) / 10,
    animationFramesRequested: after.frames - before.frames,
    timersSet: after.timers - before.timers,
    errors,
  };
}

function bundleGzipKb(outDir: string) {
  const assets = join(outDir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const sizes = files.map((f) => ({
    file: f,
    gzipBytes: gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
  }));
  const total = sizes.reduce((s, f) => s + f.gzipBytes, 0);
  return { totalKb: Math.round(total / 102.4) / 10, files: sizes };
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'raft-bench-ui-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: [...CHROMIUM_ARGS],
  });
  const base = `http://127.0.0.1:${port}/`;
  try {
    const bundle = bundleGzipKb(outDir);
    const firstLeader = await firstLeaderMs(browser, base);
    const runs = [];
    for (const nodes of NODE_COUNTS) runs.push(await framesAt1x(browser, base, nodes, true));
    // The side panel's event feed beside the stage: one more view that redraws as events come.
    runs.push(await framesAt1x(browser, base, 9, true, 'Events'));
    // The same without the long log and the clients: what the ring and the protocol cost alone.
    const baseline = [];
    for (const nodes of NODE_COUNTS) baseline.push(await framesAt1x(browser, base, nodes, false));
    const paused = await pausedCpu(browser, base);
    const nine = runs.filter((r) => r.nodes === 9);
    const nineP95 = Math.max(...nine.map((r) => r.frameMs.p95));
    const result = {
      browser: `Chromium ${browser.version()}`,
      note: 'Frame time = interval between animation frames while playing at 1x after loading the log and starting the clients through the test hook.',
      bundle,
      timeToFirstLeaderMs: firstLeader,
      framesAt1x: runs,
      framesAt1xNoLoad: baseline,
      paused,
      targets: {
        nineNodesP95FrameMs: {
          value: nineP95,
          target: `< ${TARGET_P95_FRAME_MS}, with the stage alone and with the side panel's events`,
          met: nineP95 < TARGET_P95_FRAME_MS,
        },
        longTasksOver50Ms: {
          value: runs.reduce((s, r) => s + r.longTasksOver50Ms, 0),
          target: '0',
          met: runs.every((r) => r.longTasksOver50Ms === 0),
        },
        timeToFirstLeaderMs: {
          value: firstLeader,
          target: `<= ${TARGET_FIRST_LEADER_MS}`,
          met: firstLeader <= TARGET_FIRST_LEADER_MS,
        },
        bundleGzipKb: {
          value: bundle.totalKb,
          target: `< ${TARGET_BUNDLE_GZIP_KB}`,
          met: bundle.totalKb < TARGET_BUNDLE_GZIP_KB,
        },
        pausedNoFramesNoTimers: {
          value: { frames: paused.animationFramesRequested, timers: paused.timersSet },
          target: '0 and 0',
          met: paused.animationFramesRequested === 0 && paused.timersSet === 0,
        },
      },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
