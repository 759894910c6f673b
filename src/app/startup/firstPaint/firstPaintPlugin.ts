import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { sectionChunks } from '../sectionPreloadPlugin';

const RENDER_SCRIPT = 'scripts/first-paint/render.ts';

const PLACEHOLDER = '<div id="first-paint" aria-hidden="true" inert></div>';
const FIRST_PAINT_SCRIPT = 'first-paint.js';

/**
 * The first paint: each section's first screen, drawn at build time by the app's own components
 * (scripts/first-paint/render.ts, in a process of its own). The first section's (the Overview's) is written into
 * index.html in both languages, with its style sheets in the head; the others ship as
 * `first-paint/<section>.<lang>.html`. index.html lists the sections that have one (`<meta name="first-paint">`);
 * public/first-paint.js, run right after the placeholder, shows the one the address asks for until the page's
 * own figure has painted.
 */
export function firstPaint(sections: readonly string[]): Plugin {
  const [inline] = sections;
  let root = process.cwd();
  let base = '/';
  let rendered: Promise<string> | null = null;
  return {
    name: 'first-paint',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    buildStart() {
      // drawn while the bundle builds
      rendered = mkdtemp(path.join(tmpdir(), 'first-paint-')).then(async (dir) => {
        await run(root, [RENDER_SCRIPT, dir, base]);
        return dir;
      });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html: string, ctx: IndexHtmlTransformContext) {
        if (!rendered || !ctx.bundle) return html;
        const folder = path.join(await rendered, 'first-paint');
        const copies = await Promise.all(
          (['en', 'zh'] as const).map(
            async (lang) =>
              `<div data-first-paint="${lang}" lang="${lang === 'zh' ? 'zh-CN' : 'en'}">` +
              `${await readFile(path.join(folder, `${inline}.${lang}.html`), 'utf8')}</div>`,
          ),
        );
        if (!html.includes(PLACEHOLDER)) throw new Error(`index.html has no ${PLACEHOLDER}`);
        const box =
          `<div id="first-paint" aria-hidden="true" inert data-section="${inline}">${copies.join('')}</div>\n` +
          `    <script src="${base}${FIRST_PAINT_SCRIPT}"></script>`;
        // the section's own style sheets hold up the first paint as the app's do
        const sheets = (sectionChunks(ctx.bundle as never)[inline] ?? []).filter((f) => f.endsWith('.css'));
        return {
          // the app's bundle gives way to what the first paint needs (the page, its style sheets, first-paint.js)
          html: html
            .replace(PLACEHOLDER, () => box)
            .replace(/<script type="module" /g, '<script type="module" fetchpriority="low" ')
            .replace(/<link rel="modulepreload" /g, '<link rel="modulepreload" fetchpriority="low" '),
          tags: [
            {
              tag: 'meta',
              attrs: { name: 'first-paint', content: sections.join(' ') },
              injectTo: 'head-prepend',
            },
            // the script that shows the first paint is asked for at once, not when the parser reaches it
            {
              tag: 'link',
              attrs: { rel: 'preload', as: 'script', href: `${base}${FIRST_PAINT_SCRIPT}` },
              injectTo: 'head-prepend',
            },
            ...sheets.map((f) => ({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${f}` },
              injectTo: 'head' as const,
            })),
          ],
        };
      },
    },
    async generateBundle() {
      if (!rendered) return;
      const dir = await rendered;
      const folder = path.join(dir, 'first-paint');
      for (const name of await readdir(folder)) {
        if (name.startsWith(`${inline}.`)) continue;
        this.emitFile({
          type: 'asset',
          fileName: `first-paint/${name}`,
          source: await readFile(path.join(folder, name)),
        });
      }
    },
    async closeBundle() {
      if (rendered) await rm(await rendered, { recursive: true, force: true });
    },
  };
}

function run(cwd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd,
      // React's act() (which waits for every update) exists only in its development build
      env: { ...process.env, NODE_ENV: 'development', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`first paint: ${args[0]} exited with ${code}\n${log.slice(-4000)}`)),
    );
  });
}
