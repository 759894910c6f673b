/*
 * What the first Intl.NumberFormat of a page costs: in a fresh page with the CPU slowed as the phone profile
 * slows it (scripts/bench/phone.ts), the time to create the first formatter and format one number, then a second
 * one with other options. Prints every run and the median. `npm run bench:intl` (BENCH_INTL_RUNS, default 5).
 */
import { chromium } from 'playwright-core';
import { PHONE } from './phone';

const runs = Number(process.env.BENCH_INTL_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  for (const locale of ['en-US', 'zh-CN']) {
    const first: number[] = [];
    const second: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto('data:text/html,<p>');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
      const [a, b] = await page.evaluate((l) => {
        const t0 = performance.now();
        new Intl.NumberFormat(l, { maximumFractionDigits: 0 }).format(70144);
        const t1 = performance.now();
        new Intl.NumberFormat(l, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(1.5);
        return [t1 - t0, performance.now() - t1];
      }, locale);
      first.push(Math.round(a));
      second.push(Math.round(b * 10) / 10);
      await context.close();
    }
    console.log(
      `${locale}, CPU ${PHONE.cpuSlowdown}×: first Intl.NumberFormat ${median(first)} ms (runs ${first.join(', ')}); ` +
        `the next ${median(second)} ms (${second.join(', ')})`,
    );
  }
} finally {
  await browser.close();
}
