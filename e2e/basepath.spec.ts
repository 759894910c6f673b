import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { appQuery, expect, test as harness } from './harness';
import { freePort } from './support/freePort';
import { SECTIONS, waitForSection, navLink } from './support/sections';

/*
 * The build works under any path: built with base /resnext-explorer/ and served only there, the app walks
 * every section and loads the weights without a single request outside that path.
 */

const BASE = '/resnext-explorer/';

const test = harness.extend<object, { basePathURL: string }>({
  basePathURL: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const outDir = await mkdtemp(join(tmpdir(), 'resnext-explorer-base-'));
      await build({
        root: process.cwd(),
        base: BASE,
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      });
      const port = await freePort();
      const server = await preview({
        root: process.cwd(),
        base: BASE,
        logLevel: 'warn',
        build: { outDir },
        preview: { host: '127.0.0.1', port, strictPort: true, open: false },
      });
      await provide(`http://127.0.0.1:${port}${BASE}`);
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  baseURL: async ({ basePathURL }, provide) => provide(basePathURL),
});

test.use({ serviceWorkers: 'allow' });

test('built with --base /resnext-explorer/, every section works and nothing is requested outside the path @wasm', async ({
  page,
  basePathURL,
}) => {
  test.setTimeout(600_000);
  const outside: string[] = [];
  const requested: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    requested.push(url);
    if (!new URL(url).pathname.startsWith(BASE)) outside.push(url);
  });

  await page.goto(`${basePathURL}${appQuery('section=overview')}`);
  await expect(page.locator('#section-title')).toBeVisible();
  for (const id of SECTIONS) {
    await navLink(page, id).click();
    await waitForSection(page, id);
    expect(new URL(page.url()).pathname).toBe(BASE);
  }
  // the weights, the WASM binaries, the manifests and the service worker all came from under the base path
  expect(requested.some((u) => /\/resnext-explorer\/models\/.+\.safetensors$/.test(u))).toBe(true);
  expect(requested.some((u) => /\/resnext-explorer\/assets\/.+\.wasm$/.test(u))).toBe(true);
  // every link and script of the page (icons, web app manifest) and the service worker live there too
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>('link[href], script[src]')].map((e) =>
      'href' in e ? e.href : e.src,
    ),
  );
  expect(hrefs.some((h) => h.endsWith('/manifest.webmanifest'))).toBe(true);
  for (const h of hrefs) expect(new URL(h).pathname, h).toMatch(/^\/resnext-explorer\//);
  const worker = await page.evaluate(() =>
    navigator.serviceWorker.ready.then((r) => ({ scope: r.scope, script: r.active?.scriptURL ?? '' })),
  );
  expect(worker).toEqual({ scope: basePathURL, script: `${basePathURL}sw.js` });
  expect(outside).toEqual([]);
});
