/** Median and run count of a timed operation; runs adapt to a time budget for slow (software GPU) backends. */
export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
  warmup: number;
}

/** Calls of a conv per timed run in the benchmark; its timing is reported per call. */
export const CONV_CALLS_PER_RUN = 10;

export interface TimingOptions {
  warmup: number;
  /** runs wanted; fewer when they would not fit in budgetMs (never fewer than minRuns) */
  runs: number;
  minRuns: number;
  budgetMs: number;
  /**
   * Awaited after every run, warm-up included, outside the timed part: a page yields to the event loop here
   * (and may throw to stop), so that no task holds the main thread for more than one run.
   */
  pause?: () => Promise<void>;
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
    await opts.pause?.();
  }
  const fit = last > 0 ? Math.floor(opts.budgetMs / last) : opts.runs;
  const runs = Math.max(opts.minRuns, Math.min(opts.runs, fit));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    await opts.pause?.();
  }
  return { medianMs: median(times), minMs: Math.min(...times), runs, warmup: opts.warmup };
}

/**
 * Times two contenders in alternation (a, b, a, b, …) after warming both up, so that a change in machine load
 * during the run weighs on both alike. Runs follow opts as in timeIt, budgeted on the pair.
 */
export async function timePair(
  a: () => Promise<void>,
  b: () => Promise<void>,
  opts: TimingOptions,
): Promise<[Timing, Timing]> {
  let last = 0;
  for (let i = 0; i < opts.warmup; i++) {
    const t0 = performance.now();
    await a();
    await b();
    last = performance.now() - t0;
  }
  const fit = last > 0 ? Math.floor(opts.budgetMs / last) : opts.runs;
  const runs = Math.max(opts.minRuns, Math.min(opts.runs, fit));
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    // Which one goes first alternates too, so neither always runs right after the other.
    const order = i % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const k of order) {
      const t0 = performance.now();
      await (k === 0 ? a() : b());
      times[k].push(performance.now() - t0);
    }
  }
  const timing = (xs: number[]): Timing => ({
    medianMs: median(xs),
    minMs: Math.min(...xs),
    runs,
    warmup: opts.warmup,
  });
  return [timing(times[0]), timing(times[1])];
}
