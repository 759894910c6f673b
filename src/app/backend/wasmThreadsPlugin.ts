import type { Plugin } from 'vite';

/*
 * Build-time fix for the multi-threaded WASM backend (used by vite.config.ts, not by the app).
 *
 * tfjs-backend-wasm starts its worker threads from `factory.toString()`, so the Emscripten factory must not
 * refer to variables outside itself. It checks `typeof _scriptDir !== "undefined" && _scriptDir` for a
 * variable of the enclosing closure; a minifier rewrites that to `e !== void 0 && e`, which throws
 * "e is not defined" in every worker. Pointing the check at a global no one defines keeps it a `typeof`
 * test. In the page nothing changes: `_scriptDir` comes from document.currentScript, which is null for
 * the ES modules Vite emits.
 */

const THREADED_FACTORY = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const GUARD = 'typeof _scriptDir !== "undefined" && _scriptDir';
const SAFE_GUARD = 'typeof __tfjsWasmScriptDir !== "undefined" && __tfjsWasmScriptDir';

/** Marks the build as fixed, so the app only enables WASM threads where they can start. */
const WASM_THREADS_DEFINE = '__TFJS_WASM_THREADS_SAFE__';

export function tfjsWasmThreads(): Plugin {
  return {
    name: 'resnext-explorer:tfjs-wasm-threads',
    config: () => ({ define: { [WASM_THREADS_DEFINE]: 'true' } }),
    transform(code, id) {
      if (!THREADED_FACTORY.test(id)) return null;
      if (!code.includes(GUARD)) {
        this.error(
          `tfjs-wasm-threads: "${GUARD}" not found in ${id}; check the fix against this tfjs version`,
        );
      }
      return { code: code.split(GUARD).join(SAFE_GUARD), map: null };
    },
  };
}
