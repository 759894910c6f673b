import type { KnipConfig } from 'knip';

/**
 * What `npm run lint` fails on: files nothing imports, exports and exported types no other module uses,
 * dependencies nothing imports and imports of packages package.json does not list. Shared with the config's
 * test (src/knipConfig.test.ts), which runs knip with these rules on a small project of its own.
 */
export const rules = {
  files: 'error',
  exports: 'error',
  types: 'error',
  nsExports: 'error',
  nsTypes: 'error',
  duplicates: 'error',
  dependencies: 'error',
  devDependencies: 'error',
  unlisted: 'error',
  unresolved: 'error',
  binaries: 'error',
} as const;

const config: KnipConfig = {
  // index.html (src/main.tsx), the configs of Vite, Vitest, Playwright and ESLint, the unit tests and the
  // browser tests are found by knip's plugins; the rest is listed here.
  entry: [
    // bench.html's script (built by scripts/bench/vite.bench.config.ts)
    'src/bench/main.ts',
    // the workers, started with `new Worker(new URL(...))`
    'src/app/worker/inference.worker.ts',
    'src/app/sections/lab/lab.worker.ts',
    // the first paint's renderer, loaded by path through Vite (scripts/first-paint/render.ts)
    'src/app/startup/firstPaint/renderFirstScreen.tsx',
    // command-line tools, run with tsx
    'scripts/**/*.ts',
  ],
  project: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'e2e/**/*.ts', '*.{ts,js}'],
  // axe-core is read from disk by path (require.resolve in e2e/support/axe.ts), never imported
  ignoreDependencies: ['axe-core'],
  // Debian's clang, which scripts/ensure-test-deps.sh installs for the WASM kernel's rebuild test
  ignoreBinaries: ['clang'],
  rules,
};

export default config;
