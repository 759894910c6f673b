/**
 * Resolves in a later task of the event loop, so the page can paint and take input between two pieces of
 * work. (Awaiting an already-settled promise, such as `data()` on the WASM and CPU backends, does not: the
 * code after it runs in the same task.)
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
