/*
 * The app as a reader gets it: the first prediction with an empty cache (navigation start → top-1 shown,
 * three fresh contexts) and the JavaScript the Overview section loads before any interaction.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { manifest, root } from './stage';

export interface AppResult {
  firstPredictionMs?: number[];
  overviewJs?: { path: string; bytes: number; gzipBytes: number }[];
  overviewJsGzipBytes?: number;
  defaultWeights?: { path: string; bytes: number | undefined };
  /** the first line of the error that stopped the measurement */
  error?: string;
}

async function overviewScripts(browser: Browser, appUrl: string): Promise<string[]> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const scripts = new Set<string>();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js') || u.pathname.endsWith('.mjs')) scripts.add(u.pathname);
  });
  await page.goto(`${appUrl}/?section=overview`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  await ctx.close();
  return [...scripts].sort();
}

export async function benchApp(browser: Browser, appUrl: string): Promise<AppResult> {
  const firstPrediction: number[] = [];
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${appUrl}/?section=classify&backend=wasm`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-testid="top1"]', { timeout: 120_000 });
    firstPrediction.push(await page.evaluate(() => performance.now()));
    await ctx.close();
  }
  const files = (await overviewScripts(browser, appUrl)).map((p) => {
    const bytes = readFileSync(path.join(root, 'dist', p));
    return { path: p, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const m = manifest();
  const def = m.files.find((f) => f.path === m.default);
  return {
    firstPredictionMs: firstPrediction,
    overviewJs: files,
    overviewJsGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
    defaultWeights: { path: m.default, bytes: def?.bytes },
  };
}
