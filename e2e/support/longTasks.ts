import type { Page } from '@playwright/test';

type LongTaskWindow = Window & { __longTasks?: number[] };

/** From the next page load on, records the main thread's long tasks (a `longtask` PerformanceObserver). */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as LongTaskWindow;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks!.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks (their durations, ms) since the last call, and clears the list. */
export const takeLongTasks = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const w = window as LongTaskWindow;
    const out = w.__longTasks ?? [];
    w.__longTasks = [];
    return out;
  });
