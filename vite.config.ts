import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation gives performance.now() fine resolution in the page
// and its workers (and allows SharedArrayBuffer should we need it).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  base: './',
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
  },
});
