import type { Plugin } from 'vite';

/*
 * Test hooks (window.__resnextDebug, __resnextInjectFault, __resnextNoInferenceWorker,
 * __resnextHangInferenceWorker) exist only in the bundle the browser tests build: e2e/support/globalSetup.ts
 * builds with this mode, and the constant __TEST_HOOKS__ (src/testHooks.d.ts) is true there and false in every
 * other build, so that the production build drops every hook as dead code (e2e/basepath.spec.ts checks it).
 * Used by vite.config.ts, not by the app.
 */
export const TEST_HOOKS_MODE = 'e2e';

export function testHooks(): Plugin {
  return {
    name: 'resnext-explorer:test-hooks',
    config: (_config, { mode }) => ({
      define: { __TEST_HOOKS__: JSON.stringify(mode === TEST_HOOKS_MODE) },
    }),
  };
}
