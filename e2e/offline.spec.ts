import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, RUN_WALL_MS_MAX, test } from './fixtures.ts';

// A class with a poor network, or only a USB stick: the build must run from a
// folder (file://) and, once visited, with the network gone.

/** The build the suite serves (playwright.config.ts). */
const OUT_DIR = resolve(process.env.PLAYGROUND_OUT_DIR ?? 'dist');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** A static server for the build, with the isolation headers; closing it is the network going away. */
async function serveBuild(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = join(OUT_DIR, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

test('the build opened from a folder runs the cluster in the page', async ({ playground }) => {
  await playground.page.goto(`${pathToFileURL(join(OUT_DIR, 'index.html')).href}?seed=3`);
  await expect(playground.simTime).toHaveAttribute('data-status', 'running');
  await expect(playground.leader).toHaveText(/^S\d$/, { timeout: RUN_WALL_MS_MAX });
  expect(playground.errors).toEqual([]);
});

test('after one visit the page reloads and runs with the network gone', async ({ playground }) => {
  const { page } = playground;
  const { url, server } = await serveBuild();
  try {
    // Paused, so the reload opens paused too, whether it restores the saved session or not.
    await page.goto(`${url}?seed=3&paused=1`);
    await expect(playground.simTime).toHaveAttribute('data-status', 'running');
    // Installed, with every file of the build cached, and in control of the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((done) =>
          navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
        );
    });
  } finally {
    await new Promise((done) => server.close(done));
  }
  await expect(page.request.get(url)).rejects.toThrow();

  await page.reload();
  await expect(playground.simTime).toHaveAttribute('data-status', 'running');
  await playground.runUntil(() =>
    expect(playground.leader).toHaveText(/^S\d$/, { timeout: RUN_WALL_MS_MAX }),
  );
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(playground.errors).toEqual([]);
});
