import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { offline } from './scripts/offline.ts';

// Cross-origin isolation gives performance.now() fine resolution in the page
// and its workers (and allows SharedArrayBuffer should we need it).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// No inline script anywhere: scripts, workers and styles come from our own
// origin (workers may also be blob: URLs, as Vite makes for inline workers).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data:",
  // A live cluster of `npm run serve` on this machine (src/ui/live), and nothing else.
  "connect-src 'self' http://127.0.0.1:* http://localhost:* ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// The policy goes into the built page only: the dev server injects an inline
// script for React Fast Refresh, which this policy would (rightly) block.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'raft-playground:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The build is one classic script (IIFE), not an ES module: Chromium refuses
 * module scripts on file:// pages, and a class may open the playground from a
 * folder on a USB stick. A classic script has no import.meta.url, so the
 * files it loads (the node worker) are found from the page's own address:
 * the build keeps every file where the page expects it, relative to the page.
 */
const classicScript = {
  cssCodeSplit: false,
  // One script by design (above); its budget, 250 KB gzipped, is measured by bench:ui.
  chunkSizeWarningLimit: 1_000,
  rolldownOptions: {
    transform: { define: { 'import.meta.url': 'document.baseURI' } },
    output: { format: 'iife' },
  },
} as const;

/** A classic script runs after parsing when deferred, as the module script it replaces did. */
function classicScriptTag(): Plugin {
  return {
    name: 'raft-playground:classic-script',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: (html) =>
      html
        .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
        .replace(/ crossorigin(?=[ >])/g, ''),
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), classicScriptTag(), offline()],
  build: classicScript,
  experimental: {
    renderBuiltUrl: (file: string, { hostType }: { hostType: string }) =>
      hostType === 'js'
        ? { runtime: `new URL(${JSON.stringify(file)}, document.baseURI).href` }
        : { relative: true },
  },
  base: './',
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  test: {
    // Unit tests live beside the code; e2e/ belongs to Playwright.
    include: ['src/**/*.test.ts'],
    environment: 'node',
    passWithNoTests: true,
    // No test asserts on time; this only keeps a loaded 2-core machine (CI
    // with the browser tests beside) from failing a long but correct test.
    testTimeout: 60_000,
    // The same for a suite's set-up, such as starting a real cluster of servers.
    hookTimeout: 60_000,
  },
});
