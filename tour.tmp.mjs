import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w,h] of [[1280,900],[375,812]]) {
  const ctx = await b.newContext({ viewport: { width: w, height: h }, reducedMotion: 'reduce' });
  const p = await ctx.newPage();
  p.on('pageerror', e => console.log('ERR', e.message));
  for (let i = 0; i < 10; i++) {
    await p.goto(`http://127.0.0.1:5731/?backend=wasm&tour=${i}&section=${['overview','overview','overview','overview','forms','step','classify','numbers','numbers','numbers'][i]}`);
    await p.waitForTimeout(i===5?6000:2500);
    const r = await p.evaluate(() => {
      const t = document.querySelector('[data-tour-target]'); const c = document.querySelector('[data-testid="tour-dialog"]');
      const box = (e) => { if (!e) return null; const r = e.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top), Math.round(r.right), Math.round(r.bottom)]; };
      const tb = box(t), cb = box(c);
      const overlap = tb && cb && !(tb[2] <= cb[0] || cb[2] <= tb[0] || tb[3] <= cb[1] || cb[3] <= tb[1]);
      return { target: t ? (t.id || t.getAttribute('data-testid') || t.getAttribute('data-story') || t.tagName) : null, tb, cb, overlap };
    });
    console.log(w, i, JSON.stringify(r));
    if (i === 1 || i === 7) await p.screenshot({ path: `/tmp/shellshots/tour-${w}-${i}.png` });
  }
  await ctx.close();
}
await b.close();
