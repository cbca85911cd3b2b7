import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

const SW_SOURCE = new URL('../src/offline/sw.ts', import.meta.url);

/** Every file under `dir`, relative to it, with forward slashes. */
function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // no public folder
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path).map((f) => `${name}/${f}`)
      : [relative(dir, path).split('\\').join('/')];
  });
}

/**
 * Emits sw.js (src/offline/sw.ts) with the list of every file the build
 * writes, and a version that changes when any of them does, so a new build
 * installs a new cache and the old one is deleted.
 */
export function offline(): Plugin {
  let publicDir = '';
  return {
    name: 'raft-playground:offline',
    apply: 'build',
    enforce: 'post',
    configResolved: (config) => {
      publicDir = config.publicDir;
    },
    async generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((f) => f !== 'index.html' && !f.endsWith('.map'));
      const files = ['', ...built, ...filesUnder(publicDir)].sort();
      const version = createHash('sha256');
      for (const [name, chunk] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b)))
        version.update(name).update(chunk.type === 'chunk' ? chunk.code : chunk.source);
      const { code } = await transform(readFileSync(SW_SOURCE, 'utf8'), {
        loader: 'ts',
        format: 'iife',
        minify: true,
        define: {
          PRECACHE: JSON.stringify(files),
          VERSION: JSON.stringify(version.digest('hex').slice(0, 16)),
        },
      });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}
