/*
 * Cold first prediction over an emulated network (Chrome DevTools Protocol Network.emulateNetworkConditions):
 * a fresh browser context (empty cache, no service worker yet) opens Classify and waits for the top-1 class.
 * Also records when the weights download started and ended, from the page's resource timing.
 */
import type { Browser, CDPSession } from 'playwright-core';

export interface NetworkProfile {
  name: string;
  /** Mbit/s down */
  downMbps: number;
  /** Mbit/s up */
  upMbps: number;
  latencyMs: number;
}

export const NETWORK_PROFILES: readonly NetworkProfile[] = [
  { name: '10 Mbit/s, 40 ms', downMbps: 10, upMbps: 5, latencyMs: 40 },
  { name: '1.6 Mbit/s, 150 ms', downMbps: 1.6, upMbps: 0.75, latencyMs: 150 },
];

/** Throttles the page of `cdp` to `profile` (download, upload, latency). */
export async function emulateNetwork(
  cdp: CDPSession,
  profile: Pick<NetworkProfile, 'downMbps' | 'upMbps' | 'latencyMs'>,
): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: (profile.downMbps * 1e6) / 8,
    uploadThroughput: (profile.upMbps * 1e6) / 8,
  });
}

export interface NetworkRun {
  /** navigation start → top-1 shown */
  firstPredictionMs: number;
  /** navigation start → the weights request started / finished */
  weightsStartMs: number | null;
  weightsEndMs: number | null;
  weightsBytes: number | null;
}

export interface NetworkResult {
  profile: NetworkProfile;
  runs: NetworkRun[];
}

export async function benchNetwork(
  browser: Browser,
  appUrl: string,
  runs: number,
  log: (line: string) => void = () => {},
): Promise<NetworkResult[]> {
  const results: NetworkResult[] = [];
  // BENCH_NETWORK_PROFILES=10 limits the run to the profiles of those download speeds (Mbit/s)
  const only = process.env.BENCH_NETWORK_PROFILES?.split(',').map(Number);
  for (const profile of NETWORK_PROFILES.filter((p) => !only || only.includes(p.downMbps))) {
    const done: NetworkRun[] = [];
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext();
      try {
        const page = await ctx.newPage();
        await emulateNetwork(await ctx.newCDPSession(page), profile);
        await page.goto(`${appUrl}/?section=classify&backend=wasm`, { waitUntil: 'commit' });
        await page.waitForSelector('[data-testid="top1"][data-class]', { timeout: 600_000 });
        const run = await page.evaluate(() => {
          const firstPredictionMs = performance.now();
          const w = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.safetensors')) as
            PerformanceResourceTiming | undefined;
          return {
            firstPredictionMs,
            weightsStartMs: w ? w.startTime : null,
            weightsEndMs: w ? w.responseEnd : null,
            weightsBytes: w ? w.encodedBodySize : null,
          };
        });
        done.push(run);
        log(
          `    ${profile.name}: first prediction ${(run.firstPredictionMs / 1000).toFixed(2)} s, weights ` +
            `${run.weightsStartMs?.toFixed(0) ?? '?'}–${run.weightsEndMs?.toFixed(0) ?? '?'} ms`,
        );
      } finally {
        await ctx.close();
      }
    }
    results.push({ profile, runs: done });
  }
  return results;
}
