// StrykerJS over the core (issue 17): `npm run mutate` mutates src/raft,
// src/app and src/check; `npm run mutate -- src/raft/log.ts` one file (see
// scripts/mutate.mjs). Each mutant runs only the unit tests of those three
// folders that cover it (mutate.vitest.config.ts); a mutant the TypeScript
// checker rejects counts as a compile error, not as killed. Incremental: a
// run re-tests only the mutants whose code or covering tests changed since
// the last one. Reports (HTML, JSON) go to reports/mutation/, which git ignores.
const REPORTS = 'reports/mutation';

export default {
  mutate: [
    'src/raft/**/*.ts',
    'src/app/**/*.ts',
    'src/check/**/*.ts',
    '!**/*.test.ts',
    // Test helpers and re-exports: no behaviour of the core lives there.
    '!**/testing.ts',
    '!**/index.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'mutate.vitest.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `${REPORTS}/stryker-incremental.json`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${REPORTS}/mutation.html` },
  jsonReporter: { fileName: `${REPORTS}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // The machine is shared: two test processes at most (scripts/mutate.mjs runs it niced).
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // The targets: 90% for src/raft and src/app, 85% for src/check.
  thresholds: { high: 90, low: 85, break: null },
};
