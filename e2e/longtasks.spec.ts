import type { Page } from '@playwright/test';
import type { ResnextDebug } from '../src/app/backend/debugHook';
import { expect, gotoApp, test } from './harness';
import { observeLongTasks, takeLongTasks } from './support/longTasks';
import { waitForDebugHook } from './support/memory';

/**
 * Reports (prints) the main thread's long tasks on the production build while a reader steps through the
 * block, switches the sample picture and moves the cardinality slider: with the inference worker running the
 * network (src/app/worker/), then with the page running it. It measures; it asserts no timing. It asserts where
 * the network ran in each pass: in the first, the worker is ready before the pictures are switched and answers
 * all three (the step-through's blocks before the stepped one); in the second there is no worker and it answers
 * none, so the two passes' figures are worker and page figures.
 */

type DebugWindow = Window & { __resnextDebug?: ResnextDebug };

function report(phase: string, tasks: number[]) {
  const max = tasks.length ? Math.max(...tasks) : 0;
  const total = tasks.reduce((a, b) => a + b, 0);
  console.log(
    `long tasks, ${phase}: ${tasks.length}, longest ${max.toFixed(0)} ms, total ${total.toFixed(0)} ms`,
  );
}

/** Loads the step-through, steps, switches pictures, then moves the slider in Forms, reporting each phase. */
async function scenario(page: Page, where: 'worker' | 'page') {
  await gotoApp(page, 'section=step');
  const walker = page.getByTestId('step-walker');
  await expect(walker).toHaveAttribute('data-block', /layer/, { timeout: 150_000 });
  report(`${where}, load until the trace is ready`, await takeLongTasks(page));

  for (let i = 0; i < 6; i++) {
    const before = await page.getByTestId('step-position').getAttribute('data-step-index');
    await page.getByTestId('step-next').click();
    await expect(page.getByTestId('step-position')).not.toHaveAttribute('data-step-index', before ?? '');
  }
  report(`${where}, stepping 6 steps`, await takeLongTasks(page));

  // Where the network runs for the picture switches: the worker (once it has passed its checks and canary;
  // the first trace may be the page's), or the page.
  const site = page.getByTestId('inference-site');
  if (where === 'worker') await expect(site).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  else await expect(site).toHaveCount(0);
  await waitForDebugHook(page);
  const answered = () =>
    page.evaluate(() => (window as DebugWindow).__resnextDebug!.inference().answered.blockInput);
  const before = await answered();
  await takeLongTasks(page);

  for (const sample of ['horse', 'rocket', 'cat']) {
    await page.getByTestId('image-select').selectOption(sample);
    await expect(page.getByTestId('image-select')).toHaveAttribute('data-image', `${sample}.jpg`);
    await expect(walker).toHaveAttribute('data-block', /layer/, { timeout: 150_000 });
  }
  report(`${where}, switching 3 samples`, await takeLongTasks(page));
  expect(await answered(), `block inputs the worker answered in the ${where} pass`).toBe(
    before + (where === 'worker' ? 3 : 0),
  );

  await gotoApp(page, 'section=forms');
  await takeLongTasks(page);
  const slider = page.getByTestId('cardinality-slider');
  await slider.focus();
  for (const key of ['Home', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'End']) await page.keyboard.press(key);
  await expect(page.getByTestId('forms-proof')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  report(`${where}, moving the cardinality slider (with the proof that follows)`, await takeLongTasks(page));
}

test('long tasks @wasm: reported while stepping, switching samples and moving a slider, with the inference worker and without', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await observeLongTasks(page);
  await scenario(page, 'worker');
  // The same with the network on the page (the way the app runs where there are no workers).
  await page.addInitScript(() => {
    window.__resnextNoInferenceWorker = true;
  });
  await scenario(page, 'page');
});
