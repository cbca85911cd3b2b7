// ESLint flat config. Besides the usual checks it enforces two rules of
// DESIGN.md that the compiler cannot see:
//   1. the layer import direction raft <- app <- check <- sim <- runtime <- ui;
//   2. determinism: no clock, timer or unseeded randomness in the headless
//      layers (raft, app, check, sim), and no browser or Node API there.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layers of src/, innermost first. A layer may import only itself and the layers before it. */
const LAYERS = ['raft', 'app', 'check', 'sim', 'runtime', 'ui'];
/** Layers that must run identically in Node and in the browser, from a seed alone. */
const HEADLESS = ['raft', 'app', 'check', 'sim'];
/**
 * src/server, the real cluster: Node only, outside the chain. It may import
 * the headless layers and Node's APIs; only scripts, bench and its own tests
 * import it, never another layer.
 */
const SERVER = 'server';

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];

/**
 * Import patterns that leave `layer` for a layer to its right. Matches
 * relative imports that climb out of the layer ('../sim/index.ts',
 * '../../ui/App.tsx') and paths through src/ ('src/ui/x').
 */
function outwardImportPatterns(layer) {
  const outward = [...LAYERS.slice(LAYERS.indexOf(layer) + 1), SERVER];
  const allowed = LAYERS.slice(0, LAYERS.indexOf(layer) + 1).join(', ');
  return [
    {
      regex: importOf(outward),
      message: `src/${layer} may import only from ${allowed} (DESIGN.md: raft <- app <- check <- sim <- runtime <- ui; src/server is Node-only).`,
    },
  ];
}

/** Matches relative imports that climb into one of `layers`, and paths through src/. */
function importOf(layers) {
  return `^(?:(?:\\./)?(?:\\.\\./)+|(?:.*/)?src/)(?:${layers.join('|')})(?:/|$)`;
}

/** src/server may import the headless layers and Node, not the browser runtime or the page. */
const serverBlock = {
  name: 'layer/server',
  files: ['src/server/**/*.ts'],
  languageOptions: { globals: globals.node },
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: importOf(['runtime', 'ui']),
            message: `src/server may import only from ${HEADLESS.join(', ')} and Node's APIs.`,
          },
        ],
      },
    ],
  },
};

const hostImportPaths = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => ({
    name,
    message: 'Headless layers must run in Node and in the browser alike: no Node API here.',
  }));

const hostImportPatterns = [
  {
    group: ['node:*'],
    message: 'Headless layers must run in Node and in the browser alike: no Node API here.',
  },
  {
    group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3', 'd3-*'],
    message: 'Rendering libraries belong to src/ui, not to the headless layers.',
  },
];

const determinism =
  'breaks determinism: a run must be a pure function of (options, seed, input log).';
const clockAndTimerGlobals = [
  { name: 'Date', message: `Date ${determinism} Use the virtual clock.` },
  { name: 'setTimeout', message: `setTimeout ${determinism} Use the virtual clock (tick()).` },
  { name: 'setInterval', message: `setInterval ${determinism} Use the virtual clock (tick()).` },
  { name: 'setImmediate', message: `setImmediate ${determinism}` },
  { name: 'requestAnimationFrame', message: `requestAnimationFrame ${determinism}` },
  { name: 'requestIdleCallback', message: `requestIdleCallback ${determinism}` },
];
const hostGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'Worker',
  'MessageChannel',
  'BroadcastChannel',
  'crypto',
  'process',
  'Buffer',
  'require',
].map((name) => ({
  name,
  message: `${name} is a host API; headless layers use only what they are given (DESIGN.md).`,
}));
const mathRandom = {
  object: 'Math',
  property: 'random',
  message: `Math.random ${determinism} Use the seeded PRNG from src/sim.`,
};
const clockProperties = [
  { object: 'performance', property: 'now', message: `performance.now ${determinism}` },
  ...['Date', 'setTimeout', 'setInterval', 'performance', 'Math'].map((property) => ({
    object: 'globalThis',
    property,
    message: `globalThis.${property} ${determinism}`,
  })),
];

/** One config block per layer, for its source files and (more loosely) its tests. */
function layerBlocks(layer) {
  const files = [`src/${layer}/**/*.{ts,tsx}`];
  const headless = HEADLESS.includes(layer);
  const source = {
    name: `layer/${layer}`,
    files,
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: headless ? hostImportPaths : [],
          patterns: [...outwardImportPatterns(layer), ...(headless ? hostImportPatterns : [])],
        },
      ],
      ...(headless && {
        'no-restricted-globals': ['error', ...clockAndTimerGlobals, ...hostGlobals],
        'no-restricted-properties': ['error', mathRandom, ...clockProperties],
      }),
    },
  };
  // Tests may use Node APIs and wall-clock time (timeouts, benchmarks), but
  // still respect the layers, and still seed their randomness.
  const tests = {
    name: `layer/${layer}/tests`,
    files: TEST_FILES.map((pattern) => `src/${layer}/${pattern}`),
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: outwardImportPatterns(layer) }],
      'no-restricted-properties': ['error', mathRandom],
    },
  };
  return [source, tests];
}

export default defineConfig(
  {
    name: 'ignores',
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'coverage/',
      '.vite/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    name: 'typescript',
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // The house style swaps role step functions as etcd does
      // (`this.stepRole = this.stepLeader`), always called through `this`.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true },
      ],
    },
  },
  {
    // Plain JavaScript (configs, scripts) is not in tsconfig: no type-aware rules there.
    name: 'javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'node-side',
    files: ['scripts/**', 'bench/**', 'e2e/**', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'browser',
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    name: 'react',
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },
  ...LAYERS.flatMap(layerBlocks),
  serverBlock,
);
