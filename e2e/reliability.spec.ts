import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { backendIndicator, expect, gotoApp, test, waitForBackend } from './harness';
import { loseGpu, waitForDebugHook } from './support/memory';
import { sectionBody, waitForSection } from './support/sections';

const { en, zh } = catalogs;

interface ManifestFile {
  path: string;
  sha256: string;
}
const manifest = JSON.parse(
  readFileSync(new URL('../public/models/manifest.json', import.meta.url), 'utf8'),
) as {
  default: string;
  files: ManifestFile[];
};
const DEFAULT_WEIGHTS = manifest.default;
const DEFAULT_SHA = manifest.files.find((f) => f.path === DEFAULT_WEIGHTS)!.sha256;

const top1 = (page: Page) => page.getByTestId('top1');

/** Classifies a shipped photo and waits for the finished result on `backend`. */
async function classifySample(page: Page, sample: string, cls: string, backend: string): Promise<void> {
  const body = sectionBody(page, 'classify');
  await body.locator(`button[data-sample="${sample}"]`).click();
  await expect(top1(page)).toHaveAttribute('data-image', `${sample}.jpg`, { timeout: 180_000 });
  await expect(page.getByTestId('inference-time')).toHaveAttribute('data-backend', backend, {
    timeout: 180_000,
  });
  await expect(body.locator('.classify-bars')).not.toHaveClass(/is-stale/, { timeout: 180_000 });
  await expect(top1(page)).toHaveAttribute('data-class', cls);
}

/** A message template cut at a placeholder whose value the test cannot know. */
const before = (template: string, placeholder: string) => template.slice(0, template.indexOf(placeholder));

test('integrity @wasm: tampered default weights give a clear error, no predictions, and the page keeps working', async ({
  page,
}) => {
  test.setTimeout(400_000);
  let tampered = 0;
  await page.route(`**/models/${DEFAULT_WEIGHTS}`, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    // one bit of one weight, deep in the data section: the file still parses, only the hash can tell
    body[body.length - 1001] ^= 0x10;
    tampered++;
    await route.fulfill({ response, body });
  });

  await gotoApp(page, 'section=classify&sample=cat');
  const error = page.getByTestId('model-error');
  await expect(error).toBeVisible({ timeout: 180_000 });
  const file = DEFAULT_WEIGHTS;
  const template = en['error.weights.integrity'].replace('{file}', file);
  await expect(error).toContainText(before(template, '{actual}'));
  await expect(error).toContainText(`expected ${DEFAULT_SHA}`);
  expect(tampered).toBeGreaterThan(0);
  // nothing was classified with the wrong weights
  await expect(top1(page)).toHaveCount(0);
  await expect(sectionBody(page, 'classify').locator('svg.prob-bars')).toHaveCount(0);

  // the error speaks the reader's language
  await page.getByTestId('lang-select').selectOption('zh');
  await expect(error).toContainText(
    before(zh['error.weights.integrity'].replace('{file}', file), '{actual}'),
  );
  await page.getByTestId('lang-select').selectOption('en');

  // the rest of the app works: the animation, the forms proof (random weights), the backend switch
  await page.getByRole('navigation').locator('a[data-section="overview"]').click();
  await waitForSection(page, 'overview');
  await page.getByTestId('stm-next').click();
  await expect(page.getByTestId('stm-svg')).toHaveAttribute('data-phase', 'split');
  await page.getByRole('navigation').locator('a[data-section="forms"]').click();
  await waitForSection(page, 'forms');
  await expect(page.getByTestId('proof-verdict')).toHaveAttribute('data-ok', 'true');

  // back in Classify the download is tried again, and refused again
  await page.getByRole('navigation').locator('a[data-section="classify"]').click();
  await expect(error).toContainText(before(template, '{actual}'), { timeout: 180_000 });
  await expect(top1(page)).toHaveCount(0);

  // with the real file served again, Try again loads the model and classifies
  const refused = tampered;
  await page.unroute(`**/models/${DEFAULT_WEIGHTS}`);
  await error.getByRole('button', { name: en['classify.model.retry'] }).click();
  await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  await expect(error).toHaveCount(0);
  expect(tampered).toBe(refused);
});

test('content security policy @wasm: the build forbids every other origin and blocks a request to one', async ({
  page,
  context,
}) => {
  const response = await page.goto('/?section=overview&backend=wasm');
  const header = response!.headers()['content-security-policy'] ?? '';
  expect(header).toMatch(/default-src 'self'/);
  expect(header).toMatch(/frame-ancestors 'none'/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toMatch(/default-src 'self'/);
  expect(meta).toMatch(/object-src 'none'/);
  expect(meta).not.toMatch(/frame-ancestors/);
  await waitForBackend(page);

  // A script that tries to send data elsewhere, on a page of its own: the harness's page rightly fails
  // on any such attempt, and the browser logs each refusal as a console error.
  const probe = await context.newPage();
  const origin = new URL(page.url()).origin;
  const outgoing: string[] = [];
  const consoleErrors: string[] = [];
  const foreign = (url: string) =>
    !url.startsWith('data:') && new URL(url.startsWith('blob:') ? url.slice(5) : url).origin !== origin;
  probe.on('request', (r) => {
    if (foreign(r.url())) outgoing.push(r.url());
  });
  const failures = new Map<string, string>();
  probe.on('requestfailed', (r) => failures.set(r.url(), r.failure()?.errorText ?? ''));
  probe.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await probe.goto('/?section=overview&backend=wasm');
  await expect(probe.locator('#section-title')).toBeVisible();
  const blocked = await probe.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const fetched = await fetch('https://example.com/collect?x=1').then(
      () => 'sent',
      () => 'blocked',
    );
    const img = new Image();
    const loaded = new Promise<string>((resolve) => {
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('blocked');
    });
    img.src = 'https://example.com/pixel.gif';
    const image = await loaded;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { fetched, image, violations: [...new Set(violations)].sort() };
  });
  expect(blocked).toEqual({ fetched: 'blocked', image: 'blocked', violations: ['connect-src', 'img-src'] });
  // whatever the browser started for them was stopped by the policy, never sent
  expect(outgoing.every((url) => url.startsWith('https://example.com/'))).toBe(true);
  for (const url of outgoing)
    await expect.poll(() => failures.get(url) ?? '', { message: url }).toMatch(/csp/i);
  expect(consoleErrors.length).toBeGreaterThan(0);
  for (const text of consoleErrors) expect(text).toMatch(/Content Security Policy/);
  await probe.close();
});

/** Loses the GPU twice: the first loss restarts the same backend, the second hands over to another. */
async function loseTwice(page: Page, gpu: 'webgl' | 'webgpu'): Promise<void> {
  test.setTimeout(600_000);
  const label = en[`backend.name.${gpu}`];
  await gotoApp(page, 'section=classify&sample=cat');
  await expect(top1(page)).toHaveAttribute('data-class', 'cat', { timeout: 240_000 });
  const first = await waitForBackend(page);
  expect(first.backend).toBe(gpu);
  await waitForDebugHook(page);
  const indicator = backendIndicator(page);

  expect(await loseGpu(page)).toBe(gpu);
  await expect(indicator).toHaveAttribute('data-reason', 'recovered', { timeout: 120_000 });
  const restarted = await waitForBackend(page);
  expect(restarted).toMatchObject({ status: 'ready', backend: gpu });
  expect(restarted.text).toContain(en['backend.reason.recovered']);
  await classifySample(page, 'horse', 'horse', gpu);
  await classifySample(page, 'cat', 'cat', gpu);

  expect(await loseGpu(page)).toBe(gpu);
  await expect(indicator).toHaveAttribute('data-reason', 'gpu-lost', { timeout: 120_000 });
  const replaced = await waitForBackend(page);
  test
    .info()
    .annotations.push({ type: 'after two losses', description: `${replaced.backend}: ${replaced.text}` });
  expect(replaced.status).toBe('ready');
  expect(replaced.backend).not.toBe(gpu);
  expect(replaced.text).toContain(en['backend.reason.gpu-lost'].replace('{lost}', label));
  await classifySample(page, 'horse', 'horse', replaced.backend);

  await page.getByTestId('lang-select').selectOption('zh');
  await expect(indicator).toContainText(zh['backend.reason.gpu-lost'].replace('{lost}', label));
}

test('lost GPU @webgl: a lost WebGL context is restarted, then replaced, and Classify keeps working', async ({
  page,
}) => {
  await loseTwice(page, 'webgl');
});

test('lost GPU @webgpu: a destroyed WebGPU device is restarted, then replaced, and Classify keeps working', async ({
  page,
}) => {
  await loseTwice(page, 'webgpu');
});
