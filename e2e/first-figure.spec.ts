import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { appQuery, expect, test } from './harness';

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
    await page.goto(`${origin}/${appQuery('section=classify&backend=wasm')}`);
    await expect(page.getByTestId('download-restarts')).toHaveAttribute('data-restarts', '1', {
      timeout: 120_000,
    });
    await expect(page.getByTestId('top1')).toHaveAttribute('data-class', /.+/, { timeout: 180_000 });
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
