import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, gotoApp, test } from './harness';
import { SECTIONS, sectionBody, waitForSection, navLink } from './support/sections';

test.use({ serviceWorkers: 'allow' });

/*
 * Offline after one visit: the service worker precaches the app and keeps the weights the reader used (the
 * page stores the ones it downloaded before the worker was in charge). The first visit downloads the default
 * weights once. With the network gone, a reload still opens every section, Classify predicts, and a family
 * model used before loads again.
 */

const MANIFEST = JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as {
  default: string;
  files: { path: string; sha256: string }[];
};
const DEFAULT_WEIGHTS = MANIFEST.default;

/** Whether a request went out to the network: the page's own that no worker answered, or the worker's. */
async function reachedNetwork(request: Request): Promise<boolean> {
  if (request.serviceWorker()) return true;
  const response = await request.response().catch(() => null);
  return !response?.fromServiceWorker();
}

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
  // every request for weights, the worker's included (Playwright reports those on the context)
  const weights: Request[] = [];
  context.on('request', (r) => {
    if (r.url().endsWith('.safetensors')) weights.push(r);
  });
  await gotoApp(page, 'section=classify');
  await waitForSection(page, 'classify');
  // the worker installs (precaching the shell and the default weights) and takes control of the page
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 180_000,
  });
  // a family model used while online is kept for later
  await chooseModel(page, 'family_8x14d', '8×14d');
  await chooseModel(page, 'resnext29_32x4d', '32×4d');
  // the family model came through the worker, which is how its requests are seen here at all
  expect(weights.some((r) => r.serviceWorker() && r.url().endsWith('resnext29_8x14d.safetensors'))).toBe(
    true,
  );
  // the default weights went over the network once: the page's download (started with the page), stored by
  // the page for the worker, which served the second load from it
  const defaultOnNetwork = [];
  for (const r of weights) {
    if (r.url().endsWith(`/models/${DEFAULT_WEIGHTS}`) && (await reachedNetwork(r))) defaultOnNetwork.push(r);
  }
  expect(defaultOnNetwork.map((r) => r.url())).toHaveLength(1);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#section-title')).toBeVisible();
  for (const id of SECTIONS) {
    await navLink(page, id).click();
    await waitForSection(page, id);
  }
  await navLink(page, 'classify').click();
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  await chooseModel(page, 'family_8x14d', '8×14d');
  // still offline: nothing above touched the network
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await context.setOffline(false);
});

test('a visit that never opened Classify still leaves Classify working offline @wasm', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await gotoApp(page, 'section=overview');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 180_000,
  });
  // the weights downloaded with the page are kept, though no section asked for the model
  await expect
    .poll(
      () =>
        page.evaluate(async (file) => {
          for (const name of await caches.keys()) {
            if ((await (await caches.open(name)).keys()).some((r) => r.url.endsWith(`/models/${file}`)))
              return true;
          }
          return false;
        }, DEFAULT_WEIGHTS),
      { timeout: 60_000 },
    )
    .toBe(true);
  // a new page load, so nothing is left in memory
  await context.setOffline(true);
  await gotoApp(page, 'section=classify');
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  await context.setOffline(false);
});

test('a new release waiting in the service worker is announced @wasm', async ({ page }) => {
  await gotoApp(page, 'section=overview');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 180_000,
  });
  const notice = page.getByTestId('update-notice');
  await expect(notice).toHaveCount(0);
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting),
  ).toBeFalsy();
  // the next release: the server now has a worker script with other bytes
  const sw = join(process.env.E2E_OUT_DIR ?? 'dist', 'sw.js');
  const script = readFileSync(sw, 'utf8');
  writeFileSync(sw, `${script}\n// the next release\n`);
  try {
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(notice).toBeVisible({ timeout: 60_000 });
  } finally {
    writeFileSync(sw, script);
  }
  await expect(notice).toContainText('A new version of ResNeXt Explorer is ready.');
  await expect(notice.getByRole('button', { name: 'Reload to update' })).toBeVisible();
  // the new worker waits for the reader
  expect(
    await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)),
  ).toBe(true);
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

test('a cached weights file that fails its hash is deleted and downloaded again; the page classifies @wasm', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await gotoApp(page, 'section=overview');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 180_000,
  });
  // once the default weights are in the weights cache, one byte of that copy is changed
  const copy = (file: string, change: boolean) =>
    page.evaluate(
      async ({ file, change }) => {
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          const key = (await cache.keys()).find((r) => r.url.endsWith(`/models/${file}`));
          const res = key && (await cache.match(key));
          if (!key || !res) continue;
          const bytes = new Uint8Array(await res.arrayBuffer());
          if (change) {
            bytes[bytes.length >> 1] ^= 0x01;
            await cache.put(key, new Response(bytes, { headers: res.headers }));
          }
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
          return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
        }
        return null;
      },
      { file, change },
    );
  const expected = MANIFEST.files.find((f) => f.path === DEFAULT_WEIGHTS)!.sha256;
  await expect.poll(() => copy(DEFAULT_WEIGHTS, false), { timeout: 60_000 }).toBe(expected);
  const changed = await copy(DEFAULT_WEIGHTS, true);
  expect(changed).not.toBeNull();
  expect(changed).not.toBe(expected);

  const weights: Request[] = [];
  context.on('request', (r) => {
    if (r.url().endsWith(`/models/${DEFAULT_WEIGHTS}`)) weights.push(r);
  });
  // a new page load: the worker answers with the changed copy, the page's check fails, the copy is deleted and
  // the file downloaded from the network, and kept again
  await gotoApp(page, 'section=classify');
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });
  await expect(page.getByTestId('model-error')).toHaveCount(0);
  const fromNetwork = [];
  for (const r of weights) if (await reachedNetwork(r)) fromNetwork.push(r);
  expect(fromNetwork).toHaveLength(1);
  await expect.poll(() => copy(DEFAULT_WEIGHTS, false), { timeout: 60_000 }).toBe(expected);
});
