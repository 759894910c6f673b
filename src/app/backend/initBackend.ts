import { installDebugHook } from './debugHook';
import { selectBackend, type SelectOptions } from './selectBackend';
import { tfjsDriver } from './tfjsDriver';
import type { BackendInfo, BackendPreference } from './types';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Starts the preferred TensorFlow.js backend, or the best one that works (see selectBackend).
 * Calls run one after another, so a quick change of mind never leaves two backends starting at once.
 */
export function initBackend(
  preference: BackendPreference,
  options: SelectOptions = {},
): Promise<BackendInfo> {
  const run = queue.then(async () => {
    const info = await selectBackend(preference, tfjsDriver, options);
    // the browser tests' bundle only (src/app/backend/testHooks.ts)
    if (__TEST_HOOKS__) await installDebugHook();
    return info;
  });
  queue = run.catch(() => undefined);
  return run;
}
