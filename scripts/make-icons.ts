/**
 * Renders the app icons of the web app manifest (public/icons/*.png) from the SVGs with Debian's Chromium:
 *   npx tsx scripts/make-icons.ts
 * icon-*.png: the favicon with its rounded corners; maskable-*.png: the full-bleed variant whose drawing
 * stays inside the safe zone a launcher may crop to a circle.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ICONS: [svg: string, png: string, size: number][] = [
  ['public/favicon.svg', 'public/icons/icon-192.png', 192],
  ['public/favicon.svg', 'public/icons/icon-512.png', 512],
  ['public/icons/maskable.svg', 'public/icons/maskable-192.png', 192],
  ['public/icons/maskable.svg', 'public/icons/maskable-512.png', 512],
  ['public/icons/maskable.svg', 'public/icons/apple-touch-icon.png', 180],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [svg, png, size] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const markup = readFileSync(svg, 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${markup}`,
    );
    await page.screenshot({ path: png, omitBackground: true });
    await page.close();
    console.log(`${png}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
