import type { OnProgress } from './modelLoader';

/**
 * Passes on at most one byte count every `intervalMs` (by `now`, in ms): the first one, a restart and the
 * last one of a download (loaded equals total) are always passed on.
 */
export function throttleProgress(report: OnProgress, now: () => number, intervalMs: number): OnProgress {
  let last = -Infinity;
  let lastRestarts = 0;
  return (loaded, total, restarts = 0) => {
    const t = now();
    if (t - last < intervalMs && loaded !== total && restarts === lastRestarts) return;
    last = t;
    lastRestarts = restarts;
    report(loaded, total, restarts);
  };
}
