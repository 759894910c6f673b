/** Median and run count of a timed operation; runs adapt to a time budget for slow (software GPU) backends. */
export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
  warmup: number;
}

export interface TimingOptions {
  warmup: number;
  /** runs wanted; fewer when they would not fit in budgetMs (never fewer than minRuns) */
  runs: number;
  minRuns: number;
  budgetMs: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function timeIt(fn: () => Promise<void>, opts: TimingOptions): Promise<Timing> {
  let last = 0;
  for (let i = 0; i < opts.warmup; i++) {
    const t0 = performance.now();
    await fn();
    last = performance.now() - t0;
  }
  const fit = last > 0 ? Math.floor(opts.budgetMs / last) : opts.runs;
  const runs = Math.max(opts.minRuns, Math.min(opts.runs, fit));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), minMs: Math.min(...times), runs, warmup: opts.warmup };
}
