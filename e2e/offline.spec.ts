import type { Page } from '@playwright/test';
import { expect, gotoApp, test } from './harness';
import { SECTIONS, sectionBody, waitForSection } from './support/sections';

test.use({ serviceWorkers: 'allow' });

/*
 * Offline after one visit: the service worker precaches the app and the default weights, and keeps the
 * weights of any other model the reader used. With the network gone, a reload still opens every section,
 * Classify predicts, and a family model used before loads again.
 */

async function chooseModel(page: Page, id: string, summary: string): Promise<void> {
  await page.getByTestId('model-select').selectOption(id);
  await expect(page.getByTestId('model-summary')).toContainText(summary, { timeout: 180_000 });
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', /.+/, { timeout: 180_000 });
  await expect(sectionBody(page, 'classify').locator('.classify-bars')).not.toHaveClass(/is-stale/, {
    timeout: 180_000,
  });
}

test('after one visit the app works offline: every section, Classify, and a family model used before @wasm', async ({
  page,
  context,
}) => {
  test.setTimeout(600_000);
  await gotoApp(page, 'section=classify');
  await waitForSection(page, 'classify');
  // the worker installs (precaching the shell and the default weights) and takes control of the page
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 180_000,
  });
  // a family model used while online is kept for later
  await chooseModel(page, 'family_8x14d', '8×14d');
  await chooseModel(page, 'resnext29_32x4d', '32×4d');

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#section-title')).toBeVisible();
  for (const id of SECTIONS) {
    await page.getByRole('navigation').locator(`a[data-section="${id}"]`).click();
    await waitForSection(page, id);
  }
  await page.getByRole('navigation').locator('a[data-section="classify"]').click();
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  await chooseModel(page, 'family_8x14d', '8×14d');
  // still offline: nothing above touched the network
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await context.setOffline(false);
});

test('the page offers a web app manifest with installable icons @wasm', async ({ page, request }) => {
  await gotoApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(new URL(href!, page.url()).href)).json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toBe('ResNeXt Explorer');
  expect(manifest.display).toBe('standalone');
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png' && !i.purpose);
    expect(icon, size).toBeTruthy();
    const res = await request.get(new URL(icon!.src, new URL(href!, page.url())).href);
    expect(res.ok()).toBe(true);
    expect(res.headers()['content-type']).toContain('image/png');
  }
});
