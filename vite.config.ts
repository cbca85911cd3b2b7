import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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
  "connect-src 'self'",
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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
  },
});
