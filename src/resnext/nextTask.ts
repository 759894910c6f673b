/**
 * Resolves in a later task of the event loop, so the page can paint and take input between two pieces of
 * work. (Awaiting an already-settled promise, such as `data()` on the WASM and CPU backends, does not: the
 * code after it runs in the same task.)
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A pause between tasks (nextTask) that adds up how long it waited, so that work split into tasks can be timed
 * without the waits: `waited()` is the sum so far, in milliseconds.
 */
export function timedPause(): { pause: () => Promise<void>; waited: () => number } {
  let waited = 0;
  return {
    pause: async () => {
      const t = performance.now();
      await nextTask();
      waited += performance.now() - t;
    },
    waited: () => waited,
  };
}
