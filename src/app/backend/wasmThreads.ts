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

/**
 * Threads for XNNPACK: every logical core up to 4. tfjs's own default is half the cores, which is a single
 * thread on a two-core laptop; the page's main thread is one of them and idles while a prediction runs.
 */
export function wasmThreadCount(hardwareConcurrency: number | undefined): number {
  return Math.min(4, Math.max(1, Math.floor(hardwareConcurrency ?? 1)));
}
