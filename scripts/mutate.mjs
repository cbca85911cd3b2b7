#!/usr/bin/env node
// `npm run mutate [-- FILE ...] [-- --stryker-flag ...]`: StrykerJS over the
// core (stryker.config.mjs), niced, since the machine is shared. Files under
// src/ named on the command line (src/raft/log.ts, or a glob) narrow the run
// to them; everything else passes through to `stryker run` (e.g. --concurrency 1).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../stryker.config.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const stryker = join(
  dirname(require.resolve('@stryker-mutator/core/package.json')),
  'bin',
  'stryker.js',
);

const args = process.argv.slice(2);
const files = args.filter((a) => a.startsWith('src/'));
const flags = args.filter((a) => !files.includes(a));
const missing = files.filter((f) => !f.includes('*') && !existsSync(resolve(root, f)));
if (missing.length > 0) {
  console.error(
    `No such file: ${missing.join(', ')}. Name files under src/raft, src/app or src/check.`,
  );
  process.exit(2);
}
// --mutate replaces the config's list, so its exclusions (tests, helpers) go along.
const excluded = config.mutate.filter((pattern) => pattern.startsWith('!'));
const mutate = files.length > 0 ? ['--mutate', [...files, ...excluded].join(',')] : [];
// The porcupine corpus is read beside the repository; the sandbox Stryker
// copies the project into is elsewhere, so its tests are told where it is.
const corpus = resolve(root, '../shared/corpora/porcupine');
const env = { ...process.env };
if (!env.RAFT_CORPUS_DIR && existsSync(corpus)) env.RAFT_CORPUS_DIR = corpus;
const run = spawnSync(
  'nice',
  ['-n', '15', process.execPath, stryker, 'run', 'stryker.config.mjs', ...mutate, ...flags],
  { cwd: root, stdio: 'inherit', env },
);
process.exitCode = run.status ?? 1;
