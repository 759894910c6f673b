import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { appQuery, expect, test } from './harness';
import { paintedFigure } from '../src/app/startup/firstFigures';
import { heldBackPage } from './support/heldBack';

/**
 * The first figure comes first (src/app/startup/firstFigure.ts): on the Overview nothing of the compute engine
 * (TensorFlow.js's chunks, the project's kernels, WebAssembly) and not the weights is requested before the block
 * figure is in the page; the engine starts after it. And a weights download that stalls restarts from where it
 * stopped (src/resnext/resumableFetch.ts) and a prediction follows.
 */

const ENGINE = /\/assets\/(tfjs-|kernel-)|\.wasm$|\.safetensors$|\.worker-/;

test('@wasm the Overview figure is drawn before the engine and the weights are requested', async ({
  page,
}) => {
  const requests: { url: string; at: number }[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
  // the wall-clock time the figure's content entered the document
  await page.addInitScript(() => {
    const w = window as unknown as { __figureAt?: number };
    const mo = new MutationObserver(() => {
      if (w.__figureAt || !document.querySelector('#fig-block svg *')) return;
      w.__figureAt = Date.now();
      mo.disconnect();
    });
    mo.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`/${appQuery('section=overview')}`);
  await expect(page.locator('#fig-block svg *').first()).toBeAttached();
  // the engine does start once the figure has painted
  await expect
    .poll(() => requests.some((r) => /\/assets\/tfjs-core-/.test(r.url)), { timeout: 60_000 })
    .toBe(true);
  const figureAt = await page.evaluate(() => (window as unknown as { __figureAt: number }).__figureAt);
  const before = requests.filter((r) => r.at <= figureAt).map((r) => new URL(r.url).pathname);
  expect(before.length).toBeGreaterThan(0);
  expect(before.filter((p) => ENGINE.test(p))).toEqual([]);
  // the Overview's own chunk was asked for beside the main bundle, by the address
  expect(before.some((p) => /\/assets\/OverviewSection-/.test(p))).toBe(true);
  await expect(page.locator('link[rel="modulepreload"][href*="/assets/OverviewSection-"]')).toHaveCount(1);
});

test('@wasm a stalled weights download restarts from where it stopped, and a prediction follows', async ({
  browser,
  baseURL,
}) => {
  const upstream = new URL(baseURL ?? '');
  const weights: { range: string | undefined; status: number }[] = [];
  const held: http.ServerResponse[] = [];
  // Stands between the page and the test server: the first weights response sends 256 KiB, then nothing;
  // the next one (the restart) waits a second before it answers, so the page shows that it restarted.
  const proxy = http.createServer((req, res) => {
    const isWeights = /\.safetensors$/.test(req.url?.split('?')[0] ?? '');
    const first = isWeights && weights.length === 0;
    const forward = () => {
      const up = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (upRes) => {
          if (isWeights) weights.push({ range: req.headers.range, status: upRes.statusCode ?? 0 });
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          if (!first) return void upRes.pipe(res);
          let sent = 0;
          upRes.on('data', (chunk: Buffer) => {
            if (sent >= 256 * 1024) return;
            const part = chunk.subarray(0, 256 * 1024 - sent);
            sent += part.length;
            res.write(part);
            if (sent >= 256 * 1024) {
              upRes.pause();
              held.push(res);
            }
          });
        },
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    };
    if (isWeights && !first) setTimeout(forward, 1000);
    else forward();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // the browser tests' build only: a stall is a download without a byte for 1.5 s (the app waits longer)
    await page.addInitScript(() => {
      (window as unknown as { __resnextStallMs: number }).__resnextStallMs = 1500;
    });
    // every restart count the progress bar shows, noted as it is shown (it shows only while the restart
    // downloads, which a poll from the test can miss on a busy machine)
    await page.addInitScript(() => {
      const w = window as unknown as { __restartsShown: string[] };
      w.__restartsShown = [];
      new MutationObserver(() => {
        const n = document.querySelector('[data-testid="download-restarts"]')?.getAttribute('data-restarts');
        if (n && w.__restartsShown.at(-1) !== n) w.__restartsShown.push(n);
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(`${origin}/${appQuery('section=classify&backend=wasm')}`);
    await expect(page.getByTestId('top1')).toHaveAttribute('data-class', /.+/, { timeout: 180_000 });
    expect(
      await page.evaluate(() => (window as unknown as { __restartsShown: string[] }).__restartsShown),
    ).toEqual(['1']);
    expect(weights).toEqual([
      { range: undefined, status: 200 },
      { range: `bytes=${256 * 1024}-`, status: 206 },
    ]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    for (const res of held) res.destroy();
    await new Promise((resolve) => proxy.close(resolve));
  }
});

/** What a block figure shows: its text, and how many of each kind of shape it draws. */
async function figureSignature(page: import('@playwright/test').Page, selector: string) {
  return page.locator(selector).evaluate((fig) => ({
    text: [...fig.querySelectorAll('svg text')].map((t) => t.textContent?.trim() ?? ''),
    shapes: Object.fromEntries(
      ['path', 'rect', 'line', 'circle'].map((s) => [s, fig.querySelectorAll(`svg ${s}`).length]),
    ),
  }));
}

test('@wasm the first paint: the Overview drawn into the build shows before any script of the app runs, in the browser’s language, and is the figure the app then draws', async ({
  browser,
}) => {
  // a reader whose browser prefers Chinese opens a plain link: the address names only the section; nothing but
  // the page itself arrives: every script and style sheet of the build is held back
  const {
    context: ctx,
    page: blocked,
    asked: fetched,
  } = await heldBackPage(browser, '**/assets/**', { locale: 'zh-CN' });
  await blocked.goto('/?section=overview');
  // index.html holds the Overview in both languages; the Chinese one shows, the English one does not
  const shown = '#first-paint > [data-first-paint="zh"] [data-first-paint-figure="fig-block"]';
  await expect(blocked.locator(shown)).toBeVisible();
  await expect(blocked.locator('#first-paint > [data-first-paint="en"]')).toBeHidden();
  await expect(blocked.locator('html')).toHaveAttribute('data-first-paint', 'zh');
  await expect(blocked.locator('#first-paint > [data-first-paint="zh"]')).toHaveAttribute('lang', 'zh-CN');
  // a picture, not the page: nothing in it has an id, a test hook, or takes focus
  expect(
    await blocked
      .locator('#first-paint [id], #first-paint [data-testid], #first-paint [data-figure]')
      .count(),
  ).toBe(0);
  await expect(blocked.locator('#first-paint')).toHaveAttribute('inert', '');
  const picture = await figureSignature(blocked, shown);
  expect(picture.shapes.path).toBeGreaterThan(0);
  // styled by the sheets written into the page (the header lays out as a flex row or a grid, not as a block)
  expect(
    await blocked
      .locator('#first-paint > [data-first-paint="zh"] .site-header')
      .evaluate((h) => getComputedStyle(h).display),
  ).toMatch(/^(flex|grid)$/);
  // the scripts that showed it are in the page: no first-paint.js or other classic script was asked for
  expect(fetched.filter((p) => p.endsWith('.js') && !p.startsWith('/assets/'))).toEqual([]);

  // the same address with the app: the app's own figure takes the picture's place and draws the same thing
  const page = await ctx.newPage();
  await page.goto('/?section=overview');
  await expect(page.locator('#fig-block svg path').first()).toBeVisible();
  await expect(page.locator('#first-paint')).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-first-paint', /.*/);
  expect(await figureSignature(page, '#fig-block')).toEqual(picture);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  expect(ids.length).toBe(new Set(ids).size);
  await ctx.close();
});

test('@wasm an address that asks for more than a section and a language gets no first paint', async ({
  browser,
}) => {
  // the app's scripts held back: what shows is the first paint alone
  const { context: ctx, page, asked } = await heldBackPage(browser, '**/assets/*.js');
  for (const query of [
    '?section=overview&lang=en&cardinality=8',
    '?section=overview&lang=en#fig-block',
    '?section=step&lang=en',
  ]) {
    asked.length = 0;
    await page.goto(`/${query}`, { waitUntil: 'load' });
    // the head's scripts have run: the section's chunk was asked for beside the main bundle
    expect(asked.some((p) => /^\/assets\/(Overview|Step)Section-/.test(p))).toBe(true);
    await expect(page.locator('#first-paint')).toBeEmpty();
    await expect(page.locator('html')).not.toHaveAttribute('data-first-paint', /.*/);
    expect(asked.filter((p) => p.includes('/first-paint/'))).toEqual([]);
  }
  // while a plain address does get one (here fetched: the Numbers' is not in index.html), also when it arrives
  // after the page is parsed while the app's bundle is still on its way (held here for two seconds)
  asked.length = 0;
  await page.route('**/assets/index-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.abort();
  });
  await page.goto('/?section=numbers&lang=en', { waitUntil: 'load' });
  await expect(page.locator(paintedFigure('numbers', 'en')).first()).toBeVisible();
  expect(asked.filter((p) => p.includes('/first-paint/'))).toEqual(['/first-paint/numbers.en.html']);
  await ctx.close();
});

test('@wasm a fetched first screen is laid out a part at a time, unseen, and shown whole', async ({
  browser,
}) => {
  // the app's scripts held back: what the page does with the screen is the head's script alone
  const { context: ctx, page } = await heldBackPage(browser, '**/assets/*.js', {
    viewport: { width: 375, height: 812 },
  });
  // each task's changes reach the observer together: one record per task that laid out a part
  await page.addInitScript(() => {
    const w = window as unknown as { __stages: { later: number; hidden: boolean; staging: boolean }[] };
    w.__stages = [];
    new MutationObserver((records) => {
      if (
        !records.some(
          (r) =>
            r.attributeName === 'data-first-paint-later' || r.attributeName === 'data-first-paint-staging',
        )
      )
        return;
      const box = document.getElementById('first-paint');
      w.__stages.push({
        later: document.querySelectorAll('#first-paint [data-first-paint-later]').length,
        hidden: !!box && getComputedStyle(box).visibility === 'hidden',
        staging: document.documentElement.hasAttribute('data-first-paint-staging'),
      });
    }).observe(document, {
      attributes: true,
      subtree: true,
      attributeFilter: ['data-first-paint-later', 'data-first-paint-staging'],
    });
  });
  await page.goto('/?section=numbers&lang=en');
  await expect(page.locator(paintedFigure('numbers', 'en')).first()).toBeVisible();
  const stages = await page.evaluate(
    () =>
      (window as unknown as { __stages: { later: number; hidden: boolean; staging: boolean }[] }).__stages,
  );
  const laying = stages.filter((s) => s.staging);
  // more than one part, each in a task of its own, with fewer parts left after each, all unseen
  expect(laying.length).toBeGreaterThan(2);
  expect(laying.every((s) => s.hidden)).toBe(true);
  for (let i = 1; i < laying.length; i++) expect(laying[i].later).toBeLessThan(laying[i - 1].later);
  // shown once every part is in: nothing left out, nothing hidden
  const shown = stages[stages.length - 1];
  expect(shown).toEqual({ later: 0, hidden: false, staging: false });
  await expect(page.locator('#first-paint [data-first-paint-later]')).toHaveCount(0);
  await ctx.close();
});
