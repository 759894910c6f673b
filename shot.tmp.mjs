import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const [w,h,q,name,click] = process.argv.slice(2);
const ctx = await b.newContext({ viewport: { width: +w, height: +h }, reducedMotion: 'reduce', colorScheme: process.env.SCHEME||'light' });
const p = await ctx.newPage();
p.on('pageerror', e => console.log('ERR', e.message));
await p.goto(`http://127.0.0.1:5731/?backend=wasm&${q}`);
await p.waitForTimeout(3000);
if (click) { await p.click(click); await p.waitForTimeout(500); }
console.log('header', JSON.stringify(await p.evaluate(() => document.querySelector('header').getBoundingClientRect().height)));
await p.screenshot({ path: `/tmp/shellshots/${name}.png` });
await b.close();
