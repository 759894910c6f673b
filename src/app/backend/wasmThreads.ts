declare const __TFJS_WASM_THREADS_SAFE__: boolean | undefined;

/**
 * Whether this bundle can start tfjs WASM worker threads: always in development (not minified), and in a
 * build only when the tfjsWasmThreads Vite plugin has fixed the threaded factory.
 */
export function wasmThreadsSafe(): boolean {
  return (
    import.meta.env.DEV || (typeof __TFJS_WASM_THREADS_SAFE__ !== 'undefined' && __TFJS_WASM_THREADS_SAFE__)
  );
}
