import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { appQuery, expect, test as harness } from './harness';
import { freePort } from './support/freePort';
import { SECTIONS, waitForSection, navLink } from './support/sections';
import { paintedFigure } from '../src/app/startup/firstFigures';
import { heldBackPage } from './support/heldBack';

/*
 * The build works under any path: built with base /resnext-explorer/ and served only there, the app walks
 * every section and loads the weights without a single request outside that path.
 *
 * That build is a production build (mode 'production', as `npm run build`), so it is also the one the test
 * hooks are looked for in: none may be there (src/app/backend/testHooks.ts), while the browser tests' own build
 * (E2E_OUT_DIR, mode 'e2e') holds them all. No build of its own: the check reads the two builds the run makes
 * anyway.
 */

const BASE = '/resnext-explorer/';

/** What only the browser tests' bundle may hold: the hooks' names, and the injected fault's message. */
const TEST_HOOK_STRINGS = [
  '__resnextDebug',
  '__resnextInjectFault',
  '__resnextNoInferenceWorker',
  '__resnextHangInferenceWorker',
  'Test fault injected',
];

/** Every emitted .js file under `dir` (the page's chunks, the inference worker's, the service worker's). */
async function scripts(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.js')) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), await readFile(path, 'utf8'));
    }
  }
  return files;
}

/** The test-hook strings each file holds (files holding none left out). */
function hooksIn(files: Map<string, string>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [name, text] of files) {
    const hits = TEST_HOOK_STRINGS.filter((s) => text.includes(s));
    if (hits.length) found[name] = hits;
  }
  return found;
}

const test = harness.extend<object, { productionBuild: string; basePathURL: string }>({
  productionBuild: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const outDir = await mkdtemp(join(tmpdir(), 'resnext-explorer-base-'));
      await build({
        root: process.cwd(),
        base: BASE,
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      });
      await provide(outDir);
      await rm(outDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  basePathURL: [
    async ({ productionBuild: outDir }, provide) => {
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
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  baseURL: async ({ basePathURL }, provide) => provide(basePathURL),
});

test.use({ serviceWorkers: 'allow' });

test('the production build holds no test hook, the browser tests’ build holds them all @wasm', async ({
  productionBuild,
}) => {
  const production = await scripts(productionBuild);
  const worker = [...production.keys()].filter((name) => /inference\.worker-.+\.js$/.test(name));
  expect(worker).toHaveLength(1);
  expect(production.has('sw.js')).toBe(true);
  expect(hooksIn(production)).toEqual({});

  // not vacuous: the same strings are found where the hooks are built in, the worker's bundle included
  const tests = await scripts(process.env.E2E_OUT_DIR!);
  const found = hooksIn(tests);
  expect(new Set(Object.values(found).flat())).toEqual(new Set(TEST_HOOK_STRINGS));
  const testWorker = Object.keys(found).filter((name) => /inference\.worker-.+\.js$/.test(name));
  expect(testWorker).toHaveLength(1);
  expect(found[testWorker[0]]).toContain('Test fault injected');
});

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

test('built with --base /resnext-explorer/, the first paint shows from under the path: the Overview in the page, Numbers fetched @wasm', async ({
  browser,
  basePathURL,
}) => {
  // the app's scripts held back: what shows is the first paint alone
  const { context: ctx, page, asked: requested } = await heldBackPage(browser, '**/assets/*.js');
  await page.goto(`${basePathURL}?section=overview&lang=en`);
  await expect(page.locator(paintedFigure('overview', 'en', 'svg path')).first()).toBeVisible();
  // the head's scripts asked for the section's chunk under the path
  expect(requested.some((p) => /^\/resnext-explorer\/assets\/OverviewSection-/.test(p))).toBe(true);
  requested.length = 0;
  await page.goto(`${basePathURL}?section=numbers&lang=en`);
  await expect(page.locator(paintedFigure('numbers', 'en')).first()).toBeVisible();
  expect(requested).toContain('/resnext-explorer/first-paint/numbers.en.html');
  expect(requested.filter((p) => !p.startsWith(BASE))).toEqual([]);
  await ctx.close();
});
