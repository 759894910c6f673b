import { STALL_MS } from '../../resnext/downloadLimits';

declare global {
  interface Window {
    /** Browser tests only: how long a weights download may go without a byte before it restarts. */
    __resnextStallMs?: number;
  }
}

/**
 * How long a weights download may go without a byte before it restarts: STALL_MS, or in the browser tests'
 * build only (`__TEST_HOOKS__`) the time a test sets in `window.__resnextStallMs`, so a stall test need not wait
 * the full time. The production build has no such switch.
 */
export function testStallMs(): number {
  if (__TEST_HOOKS__ && typeof window !== 'undefined' && typeof window.__resnextStallMs === 'number')
    return window.__resnextStallMs;
  return STALL_MS;
}
