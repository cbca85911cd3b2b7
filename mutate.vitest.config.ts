import { defineConfig } from 'vitest/config';
import base from './vite.config';

// The unit tests that judge the mutants of src/raft, src/app and src/check
// (stryker.config.mjs): the tests of those three folders only, so a mutant is
// killed by a test of the core itself, not by a simulator run that happens to
// cross it. (Spread, not mergeConfig: that would append to `include`.)
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['src/{raft,app,check}/**/*.test.ts'] },
});
