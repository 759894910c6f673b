import type { Page } from '@playwright/test';
import { backendIndicator, expect, gotoApp, test, waitForBackend } from './harness';
import { loseGpu, waitForDebugHook } from './support/memory';

/**
 * Every error a reader can reach from the Classify and Forms sections, with the page in 简体中文: each
 * message on screen must be in Chinese (the engine's English text must never show through).
 */

const CHINESE = /[\u4e00-\u9fff]/;

/** The text of every error or note on screen that explains why something did not run as asked. */
async function errorTexts(page: Page): Promise<string[]> {
  return page
    .locator('[role="alert"], [data-testid$="-error"], [data-testid="proof-budget"]')
    .allInnerTexts();
}

async function expectAllChinese(page: Page, extra: string[] = []) {
  const texts = [...(await errorTexts(page)), ...extra].filter((s) => s.trim());
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text, text).toMatch(CHINESE);
}

test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });

test('errors in 简体中文 @wasm: bad upload, wrong architecture, missing address, a web page, an over-budget block', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.route('**/missing.safetensors', (route) =>
    route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>404</title>' }),
  );
  await page.route('**/page.safetensors', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>a web page</p>' }),
  );
  await gotoApp(page, 'section=classify&lang=zh');
  const error = page.getByTestId('weights-error');
  const alerts = page.locator('.classify-custom [role="alert"]');

  // a file that is not safetensors
  await page.getByTestId('weights-file').setInputFiles({
    name: 'notes.safetensors',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('these are not weights at all, just some text'),
  });
  await expect(error).toHaveAttribute('data-key', 'error.weights.header-length');
  await expectAllChinese(page);

  // safetensors of an unknown network
  const header = JSON.stringify({ 'foo.weight': { dtype: 'F32', shape: [2], data_offsets: [0, 8] } });
  const padded = header + ' '.repeat((8 - (header.length % 8)) % 8);
  const bytes = Buffer.alloc(8 + padded.length + 8);
  bytes.writeUInt32LE(padded.length, 0);
  bytes.write(padded, 8, 'utf8');
  await page
    .getByTestId('weights-file')
    .setInputFiles({ name: 'other.safetensors', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(error).toHaveAttribute('data-key', 'error.weights.unknown-architecture');
  await expectAllChinese(page);
  await expect(alerts).toHaveCount(1);

  // an address where nothing is: "not found", not a broken safetensors header
  await page.getByTestId('weights-url').fill('models/missing.safetensors');
  await page.getByTestId('weights-load').click();
  await expect(error).toHaveAttribute('data-key', 'error.app.not-found');
  await expect(error).toContainText('没有找到');
  await expectAllChinese(page);
  await expect(alerts).toHaveCount(1);

  // an address that answers with a web page
  await page.getByTestId('weights-url').fill('models/page.safetensors');
  await page.getByTestId('weights-load').click();
  await expect(error).toHaveAttribute('data-key', 'error.app.web-page');
  await expect(error).toContainText('网页');
  await expectAllChinese(page);
  await expect(alerts).toHaveCount(1);

  // a malformed address replaces the last error rather than stacking under it
  await page.getByTestId('weights-url').fill('http://[::1');
  await page.getByTestId('weights-load').click();
  await expect(page.getByTestId('weights-url-hint')).toHaveAttribute('data-problem', 'invalid');
  await expect(error).toHaveCount(0);

  // a block above the memory budget: the proof runs reduced and says so in Chinese
  await gotoApp(page, 'section=forms&stage=r50-conv5&cardinality=64&d=128&keepComplexity=0&lang=zh');
  await expect(page.getByTestId('proof-budget')).toBeVisible();
  await expectAllChinese(page);
});

/*
 * The samples on WebGL, then a lost GPU, which can only be had on a GPU backend: WebGL's context is lost
 * through WEBGL_lose_context, as a driver reset would. The app starts the backend again and says so in the
 * backend indicator; the model is rebuilt there and classifies again. Every message on screen, the
 * indicator's included, is in Chinese. Last, a change of backend rebuilds the model without downloading the
 * weights again. (The same samples on WASM, with the bars and the crop: e2e/classify.spec.ts.)
 */
test('errors in 简体中文 @webgl: the samples are classified on WebGL; a lost GPU backend is restarted and says so; a change of backend downloads nothing', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await gotoApp(page, 'section=classify&lang=zh');
  await waitForDebugHook(page);
  const top1 = page.getByTestId('top1');
  const time = page.getByTestId('inference-time');
  await expect(top1).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  await expect(top1).toHaveAttribute('data-origin', 'sample');
  await expect(time).toHaveAttribute('data-backend', 'webgl', { timeout: 180_000 });
  expect(Number(await time.getAttribute('data-ms'))).toBeGreaterThan(0);
  // On a software GPU no inference worker is started (src/app/worker/InferenceGate.tsx), and the page says so.
  await expect(time).toHaveAttribute('data-site', 'page');
  const site = page.getByTestId('inference-site');
  await expect(site).toHaveAttribute('data-phase', 'off');
  await expectAllChinese(page, [await site.innerText()]);

  expect(await loseGpu(page)).toBe('webgl');
  const indicator = backendIndicator(page);
  await expect(indicator).toHaveAttribute('data-reason', /^(recovered|gpu-lost)$/, { timeout: 180_000 });
  const after = await waitForBackend(page);
  expect(after.status).toBe('ready');
  // "与 GPU 的连接中断…": restarted (recovered) or another backend took over (gpu-lost)
  expect(after.text).toContain('与 GPU 的连接中断');
  await expectAllChinese(page, [after.text]);

  // the model is rebuilt on the restarted backend and classifies another picture
  await page.locator('[data-section-body="classify"] button[data-sample="horse"]').click();
  await expect(top1).toHaveAttribute('data-image', 'horse.jpg', { timeout: 180_000 });
  await expect(top1).toHaveAttribute('data-class', 'horse', { timeout: 180_000 });
  await expect(time).toHaveAttribute('data-backend', after.backend, { timeout: 180_000 });
  await expectAllChinese(page, [await indicator.innerText()]);

  // a change of backend rebuilds the model there from the weights already in memory
  const weights: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.safetensors')) weights.push(r.url());
  });
  const other = after.backend === 'wasm' ? 'webgl' : 'wasm';
  await page.getByTestId('backend-select').selectOption(other);
  await expect(time).toHaveAttribute('data-backend', other, { timeout: 180_000 });
  await expect(top1).toHaveAttribute('data-class', 'horse');
  expect(weights).toEqual([]);
});

test.describe('a failed download', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource: net::ERR_FAILED/] });

  test('errors in 简体中文 @wasm: the shipped weights fail to download, and a retry loads them', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    let failed = 0;
    await page.route('**/*.safetensors', (route) => {
      failed++;
      return route.abort('failed');
    });
    await gotoApp(page, 'section=classify&lang=zh');
    const error = page.getByTestId('model-error');
    await expect(error).toBeVisible({ timeout: 180_000 });
    expect(failed).toBeGreaterThan(0);
    await expectAllChinese(page);

    // the network is back: one click downloads the weights again and the model classifies
    await page.unroute('**/*.safetensors');
    await error.getByRole('button').click();
    await expect(error).toHaveCount(0);
    await expect(page.getByTestId('top1')).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  });
});
