import type { Page } from '@playwright/test';
import type { ResnextDebug } from '../src/app/backend/debugHook';
import { inference as en } from '../src/i18n/en/inference';
import { backendIndicator, expect, gotoApp, test } from './harness';
import { waitForDebugHook, workerTensors } from './support/memory';

/**
 * The inference worker (src/app/worker/): classifications and the layers before the stepped block run in a
 * Web Worker on the page's backend, after the same checks and the canary; when it cannot, the page computes
 * and says why. On WebAssembly, the backend the reader most often gets.
 */

type DebugWindow = Window & { __resnextDebug?: ResnextDebug };

const debugInference = (page: Page) =>
  page.evaluate(() => (window as DebugWindow).__resnextDebug!.inference());

/** The ten probabilities as the table shows them, and the top class. */
async function shownResult(page: Page): Promise<string> {
  const rows = page.locator('[data-section="classify"] .classify-result table tbody tr');
  await expect(rows).toHaveCount(10);
  return (await rows.allInnerTexts()).join('\n');
}

async function classifyCat(page: Page): Promise<void> {
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
}

/** Shows the horse sample and waits for its classification. */
async function classifyHorse(page: Page): Promise<void> {
  await page.locator('[data-section-body="classify"] button[data-sample="horse"]').click();
  await expect(page.getByTestId('top1')).toHaveAttribute('data-image', 'horse.jpg', { timeout: 120_000 });
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', 'horse');
}

test('inference worker @wasm: classifications and the stepped block’s input come from the worker, equal to the page’s, and its tensors hold steady', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await gotoApp(page, 'section=classify');
  await classifyCat(page);
  await waitForDebugHook(page);
  // The worker gets the model once the page's canary has passed: the first picture may be the page's.
  const site = page.getByTestId('inference-site');
  await expect(site).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(site).toHaveAttribute('data-backend', 'wasm');
  await expect(site).toHaveText(en['inference.ready']);
  await classifyHorse(page);
  await expect(page.getByTestId('inference-time')).toHaveAttribute('data-site', 'worker');
  const fromWorker = await shownResult(page);

  // The step-through: the blocks before the chosen one run in the worker.
  const before = (await debugInference(page)).answered;
  await gotoApp(page, 'section=step');
  await expect(page.getByTestId('step-walker')).toHaveAttribute('data-block', /layer/, { timeout: 150_000 });
  await waitForDebugHook(page);
  await expect(site).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  expect(before.classify).toBeGreaterThan(0);

  // Three pictures through the step-through and back: the worker's tensors are where they were.
  const tensors = await workerTensors(page);
  expect(tensors).toBeGreaterThan(0);
  // the first trace may have been the page's or the worker's, depending on which was ready first
  const answeredBefore = (await debugInference(page)).answered.blockInput;
  for (const sample of ['horse', 'rocket', 'cat']) {
    await page.getByTestId('image-select').selectOption(sample);
    await expect(page.getByTestId('image-select')).toHaveAttribute('data-image', `${sample}.jpg`);
    await expect(page.getByTestId('step-walker')).toHaveAttribute('data-block', /layer/, {
      timeout: 150_000,
    });
  }
  expect(await workerTensors(page)).toBe(tensors);
  expect((await debugInference(page)).answered.blockInput - answeredBefore).toBe(3);
  const state = await debugInference(page);
  console.log(
    `inference worker: started in ${state.startMs?.toFixed(0)} ms, canary ${state.canary?.ms.toFixed(0)} ms ` +
      `(max |logit − PyTorch| ${state.canary?.maxAbsDiff.toExponential(1)}); ${tensors} tensors in the worker ` +
      'before and after three pictures',
  );
  expect(state.canary!.maxAbsDiff).toBeLessThanOrEqual(1e-2);

  // Without the worker, the page computes the same probabilities.
  await page.addInitScript(() => {
    window.__resnextNoInferenceWorker = true;
  });
  await gotoApp(page, 'section=classify');
  await classifyCat(page);
  await classifyHorse(page);
  await expect(page.getByTestId('inference-time')).toHaveAttribute('data-site', 'page');
  await expect(page.getByTestId('inference-site')).toHaveCount(0);
  expect(await shownResult(page)).toBe(fromWorker);
});

test('inference worker @wasm: a kernel broken only in the worker fails its canary; the page computes, right, and says why in English and Chinese', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => {
    window.__resnextInjectFault = { backend: 'wasm', where: 'worker' };
  });
  await gotoApp(page, 'section=classify');
  await classifyCat(page);
  const site = page.getByTestId('inference-site');
  await expect(site).toHaveAttribute('data-phase', 'failed', { timeout: 120_000 });
  await expect(site).toHaveAttribute('data-failure', 'canary');
  // The page's backend was not touched and passed its own canary; its classification stands.
  await expect(backendIndicator(page)).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('backend-canary')).toHaveAttribute('data-status', 'passed', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('inference-time')).toHaveAttribute('data-site', 'page');
  // "Network: runs on the page, because its background thread failed the correctness check (logits off by …)"
  const [before, after] = en['inference.failed']
    .replace('{reason}', en['inference.failed.canary'])
    .split('{diff}');
  const text = await site.innerText();
  expect(text.startsWith(before) && text.endsWith(after), text).toBe(true);
  expect(Number(text.slice(before.length, text.length - after.length)), text).toBeGreaterThan(1e-2);

  await gotoApp(page, 'section=classify&lang=zh');
  await classifyCat(page);
  await expect(site).toHaveAttribute('data-phase', 'failed', { timeout: 120_000 });
  await expect(site).toHaveText(/[\u4e00-\u9fff]/);
  await expect(site).not.toHaveText(/background thread|off by/);
});

test('inference worker @wasm: a worker that stops answering is timed out; the page classifies and says why', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => {
    window.__resnextHangInferenceWorker = true;
  });
  await gotoApp(page, 'section=classify');
  await classifyCat(page);
  const site = page.getByTestId('inference-site');
  // the worker starts, passes its checks and canary, then never answers a classification
  await expect(site).toHaveAttribute('data-phase', /^(ready|failed)$/, { timeout: 120_000 });
  await classifyHorse(page);
  await expect(site).toHaveAttribute('data-phase', 'failed');
  await expect(site).toHaveAttribute('data-failure', 'timeout');
  await expect(page.getByTestId('inference-time')).toHaveAttribute('data-site', 'page');
  // "Network: runs on the page, because its background thread did not answer within 10 s"
  const [before, after] = en['inference.failed']
    .replace('{reason}', en['inference.failed.timeout'])
    .split('{seconds}');
  const text = await site.innerText();
  expect(text.startsWith(before) && text.endsWith(after), text).toBe(true);
  expect(Number(text.slice(before.length, text.length - after.length)), text).toBeGreaterThanOrEqual(10);
});
