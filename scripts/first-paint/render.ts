/**
 * The first paint (src/app/startup/firstPaint/): draws each section's first screen, in English and Chinese,
 * with the app's own components in a DOM of Node's (linkedom), and writes `first-paint/<section>.<lang>.html`
 * into the build. Run by the Vite plugin firstPaintPlugin.ts in a process of its own (the DOM it sets up is
 * global), or by hand: npx tsx scripts/first-paint/render.ts OUT_DIR [BASE].
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { createServer } from 'vite';
import { installDom } from './dom';

const [outDir, base = '/'] = process.argv.slice(2);
if (!outDir) throw new Error('usage: render.ts OUT_DIR [BASE]');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { document } = installDom();
process.env.FIRST_PAINT_RENDER = '1';
const server = await createServer({
  root,
  base,
  configFile: path.join(root, 'vite.config.ts'),
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const render = (await server.ssrLoadModule(
    '/src/app/startup/firstPaint/renderFirstScreen.tsx',
  )) as typeof import('../../src/app/startup/firstPaint/renderFirstScreen');
  const { toSnapshot } = (await server.ssrLoadModule(
    '/src/app/startup/firstPaint/snapshot.ts',
  )) as typeof import('../../src/app/startup/firstPaint/snapshot');
  const { FIRST_PAINT_SECTIONS } = (await server.ssrLoadModule(
    '/src/app/startup/firstFigures.ts',
  )) as typeof import('../../src/app/startup/firstFigures');
  mkdirSync(path.join(outDir, 'first-paint'), { recursive: true });
  for (const section of FIRST_PAINT_SECTIONS) {
    for (const lang of ['en', 'zh'] as const) {
      const container = document.createElement('div');
      document.body.appendChild(container);
      const started = Date.now();
      const html = await render.renderFirstScreen(section, lang, container);
      const { document: doc } = parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`);
      const box = doc.body.firstElementChild as Element;
      toSnapshot(box);
      const file = path.join(outDir, 'first-paint', `${section}.${lang}.html`);
      writeFileSync(file, box.innerHTML);
      container.remove();
      console.log(
        `[first paint] ${section} (${lang}): ${box.innerHTML.length} characters, ${Date.now() - started} ms`,
      );
    }
  }
} finally {
  await server.close();
}
// what the app left running in this DOM (a timer, a watcher) must not keep the build waiting
process.exit(0);
