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
import {
  FIRST_FIGURES as SECTION_FIGURES,
  FIRST_PAINT_SECTIONS,
  liveFigure,
  paintedFigure,
} from '../../src/app/startup/firstFigures';
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

/**
 * Each section's first figure, as the reader sees it (src/app/startup/firstFigures.ts): the first paint's copy
 * where the build drew one, else the app's own; the app's own is timed as well.
 */
const FIRST_FIGURES = Object.fromEntries(
  (Object.keys(SECTION_FIGURES) as (keyof typeof SECTION_FIGURES)[]).map((s) => [
    s,
    {
      seen: (FIRST_PAINT_SECTIONS as readonly string[]).includes(s)
        ? `${liveFigure(s)}, ${paintedFigure(s)}`
        : liveFigure(s),
      live: liveFigure(s),
    },
  ]),
) as Record<keyof typeof SECTION_FIGURES, { seen: string; live: string }>;
export type PhoneSection = keyof typeof SECTION_FIGURES;

export interface PhoneRun {
  /** navigation start → the frame after the first figure's content appeared */
  firstFigureMs: number;
  /** navigation start → the frame after the app's own figure appeared (later than the first where the first paint shows) */
  liveFigureMs: number;
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
  liveMs: number;
  longest: number;
  scripts: { name: string; start: number }[];
}

/** Installed before the page's own scripts: notes when the figure appears (seen, and the app's own), and every long task. */
function watchScript(figure: { seen: string; live: string }): string {
  return `(() => {
    const w = window;
    w.__phone = { figureMs: null, liveMs: null, fcp: 0, tasks: [] };
    try {
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__phone.tasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
      // nothing is on screen before the first contentful paint (the time the browser presented that frame)
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') w.__phone.fcp = e.startTime;
      }).observe({ type: 'paint', buffered: true });
    } catch (e) {}
    const note = (key, selector) => {
      if (w.__phone[key] !== null || !document.querySelector(selector)) return;
      w.__phone[key] = -1;
      requestAnimationFrame(() => { w.__phone[key] = performance.now(); });
    };
    const mo = new MutationObserver(() => {
      note('figureMs', ${JSON.stringify(figure.seen)});
      note('liveMs', ${JSON.stringify(figure.live)});
      if (w.__phone.liveMs !== null) mo.disconnect();
    });
    // the first paint shows once its nodes are in and the page is marked (data-first-paint, by the head's script;
    // a fetched screen once data-first-paint-staging is gone)
    mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-first-paint', 'data-first-paint-staging'] });
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
          () => ((window as unknown as { __phone: { liveMs: number | null } }).__phone.liveMs ?? -1) > 0,
          undefined,
          { timeout: 120_000, polling: 50 },
        );
        const m = await page.evaluate((): PageMeasure => {
          const p = (
            window as unknown as {
              __phone: { figureMs: number; liveMs: number; fcp: number; tasks: [number, number][] };
            }
          ).__phone;
          // a figure in the document before the first contentful paint shows with that paint
          p.figureMs = Math.max(p.figureMs, p.fcp);
          const scripts = performance
            .getEntriesByType('resource')
            .filter((e) => /\.m?js$/.test(new URL(e.name).pathname))
            .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime }));
          const before = p.tasks.filter(([start]) => start < p.figureMs);
          return {
            figureMs: p.figureMs,
            liveMs: p.liveMs,
            longest: Math.max(0, ...before.map(([, d]) => d)),
            scripts,
          };
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
        const run = {
          firstFigureMs: m.figureMs,
          liveFigureMs: m.liveMs,
          longestTaskMs: m.longest,
          scripts,
          jsGzipBytes,
        };
        done.push(run);
        log(
          `    phone ${section}: first figure ${(run.firstFigureMs / 1000).toFixed(2)} s (the app's own ` +
            `${(run.liveFigureMs / 1000).toFixed(2)} s), longest task ` +
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
