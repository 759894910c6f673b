/*
 * The phone profile: a mid-range phone opening a shared link (375×812, the CPU slowed 4× by the DevTools
 * protocol's Emulation.setCPUThrottlingRate, 10 Mbit/s down with 40 ms latency, a fresh context: cold cache, no
 * service worker). Per section: navigation start → its first figure on screen (the animation frame after the
 * figure's content is in the document), the longest main-thread task until then (Long Tasks API), and the
 * JavaScript requested until then (bytes gzip-compressed at level 9, as the Overview's budget is counted).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { emulateNetwork } from './network';

export const PHONE = {
  name: '375×812, CPU 4×, 10 Mbit/s + 40 ms, cold',
  width: 375,
  height: 812,
  cpuSlowdown: 4,
  downMbps: 10,
  upMbps: 5,
  latencyMs: 40,
} as const;

/** Each section's first figure, as the reader sees it: drawn content inside the figure. */
export const FIRST_FIGURES = {
  overview: '#fig-block svg *',
  forms: '#fig-forms-morph svg *',
  step: '#fig-network svg *',
  classify: '#fig-classify-preview canvas',
  numbers: '#fig-arch-imagenet table tr',
} as const;
export type PhoneSection = keyof typeof FIRST_FIGURES;

export interface PhoneRun {
  /** navigation start → the frame after the first figure's content appeared */
  firstFigureMs: number;
  /** the longest main-thread task that started before then */
  longestTaskMs: number;
  /** JavaScript requested before the figure: files and their gzip size */
  scripts: string[];
  jsGzipBytes: number;
}

export interface PhoneResult {
  section: PhoneSection;
  runs: PhoneRun[];
}

interface PageMeasure {
  figureMs: number;
  longest: number;
  scripts: { name: string; start: number }[];
}

/** Installed before the page's own scripts: notes when the figure appears, and every long task. */
function watchScript(selector: string): string {
  return `(() => {
    const w = window;
    w.__phone = { figureMs: null, tasks: [] };
    try {
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__phone.tasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
    } catch (e) {}
    const seen = () => {
      if (w.__phone.figureMs !== null || !document.querySelector(${JSON.stringify(selector)})) return false;
      w.__phone.figureMs = -1;
      requestAnimationFrame(() => { w.__phone.figureMs = performance.now(); });
      return true;
    };
    const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
    mo.observe(document, { childList: true, subtree: true });
  })();`;
}

const gzipCache = new Map<string, number>();
function gzipSize(distDir: string, pathname: string): number {
  let n = gzipCache.get(pathname);
  if (n === undefined) {
    try {
      n = gzipSync(readFileSync(path.join(distDir, pathname)), { level: 9 }).length;
    } catch {
      n = 0;
    }
    gzipCache.set(pathname, n);
  }
  return n;
}

export async function benchPhone(
  browser: Browser,
  appUrl: string,
  distDir: string,
  runs: number,
  log: (line: string) => void = () => {},
): Promise<PhoneResult[]> {
  const results: PhoneResult[] = [];
  // BENCH_PHONE_SECTIONS=overview,step limits the run to some sections
  const only = process.env.BENCH_PHONE_SECTIONS?.split(',');
  const sections = (Object.keys(FIRST_FIGURES) as PhoneSection[]).filter((s) => !only || only.includes(s));
  for (const section of sections) {
    const done: PhoneRun[] = [];
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({
        viewport: { width: PHONE.width, height: PHONE.height },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        serviceWorkers: 'block',
      });
      try {
        const page = await ctx.newPage();
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
        await emulateNetwork(cdp, PHONE);
        await page.addInitScript(watchScript(FIRST_FIGURES[section]));
        await page.goto(`${appUrl}/?section=${section}`, { waitUntil: 'commit' });
        await page.waitForFunction(
          () => ((window as unknown as { __phone: { figureMs: number | null } }).__phone.figureMs ?? -1) > 0,
          undefined,
          { timeout: 120_000, polling: 50 },
        );
        const m = await page.evaluate((): PageMeasure => {
          const p = (window as unknown as { __phone: { figureMs: number; tasks: [number, number][] } })
            .__phone;
          const scripts = performance
            .getEntriesByType('resource')
            .filter((e) => /\.m?js$/.test(new URL(e.name).pathname))
            .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime }));
          const before = p.tasks.filter(([start]) => start < p.figureMs);
          return { figureMs: p.figureMs, longest: Math.max(0, ...before.map(([, d]) => d)), scripts };
        });
        // what the page requested before the figure: its resource entries plus the document's own scripts
        const scripts = [
          ...new Set(
            m.scripts
              .filter((s) => s.start < m.figureMs)
              .map((s) => s.name.replace(/^.*?\/assets\//, 'assets/')),
          ),
        ].sort();
        const base = new URL(appUrl).pathname.replace(/\/$/, '');
        const jsGzipBytes = scripts.reduce(
          (n, s) => n + gzipSize(distDir, s.startsWith('assets/') ? s : s.slice(base.length)),
          0,
        );
        const run = { firstFigureMs: m.figureMs, longestTaskMs: m.longest, scripts, jsGzipBytes };
        done.push(run);
        log(
          `    phone ${section}: first figure ${(run.firstFigureMs / 1000).toFixed(2)} s, longest task ` +
            `${run.longestTaskMs.toFixed(0)} ms, JS before it ${(run.jsGzipBytes / 1000).toFixed(1)} KB gzip`,
        );
      } finally {
        await ctx.close();
      }
    }
    results.push({ section, runs: done });
  }
  return results;
}
