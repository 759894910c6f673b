/*
 * How long the page waits for the worker before it gives up on it, terminates it and computes on the page.
 * The bounds are generous, so that only a worker that has stopped answering (a driver hang, a kernel that
 * never ends) is given up on, never a slow machine:
 * - starting its backend (packages, binaries, the checks) and loading a model (with the canary: one forward
 *   pass): 2 minutes each;
 * - a classification or a block input: 20 times the longest this model has taken there (its canary, or its
 *   slowest answer), and at least 10 s; 2 minutes while nothing has been measured for the model yet.
 */
export const SLOW_REQUEST_MS = 120_000;
export const REQUEST_FLOOR_MS = 10_000;
const REQUEST_FACTOR = 20;

/** The wait for a classification or a block input of a model that takes `expectedMs` (null: unknown). */
export function requestTimeoutMs(expectedMs: number | null): number {
  return expectedMs === null ? SLOW_REQUEST_MS : Math.max(REQUEST_FLOOR_MS, REQUEST_FACTOR * expectedMs);
}
