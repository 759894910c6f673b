import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { sectionChunks } from '../sectionPreloadPlugin';
import { inlineScript } from '../inlineScripts';

const RENDER_SCRIPT = 'scripts/first-paint/render.ts';

const PLACEHOLDER = '<div id="first-paint" aria-hidden="true" inert></div>';

/**
 * The first paint: each section's first screen, drawn at build time by the app's own components
 * (scripts/first-paint/render.ts, in a process of its own). The first section's (the Overview's) is written into
 * index.html in both languages, with its style sheets in the head; the others ship as
 * `first-paint/<section>.<lang>.html`. index.html lists the sections that have one (`<meta name="first-paint">`);
 * firstPaintScript.js, inline at the end of the head, shows the one the address asks for until the page's own
 * figure has painted.
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
        const bundle = ctx.bundle as Record<string, { type: string; source?: string | Uint8Array }>;
        const folder = path.join(await rendered, 'first-paint');
        const copies = await Promise.all(
          (['en', 'zh'] as const).map(
            async (lang) =>
              `<div data-first-paint="${lang}" lang="${lang === 'zh' ? 'zh-CN' : 'en'}">` +
              `${await readFile(path.join(folder, `${inline}.${lang}.html`), 'utf8')}</div>`,
          ),
        );
        if (!html.includes(PLACEHOLDER)) throw new Error(`index.html has no ${PLACEHOLDER}`);
        const box = `<div id="first-paint" aria-hidden="true" inert data-section="${inline}">${copies.join('')}</div>`;
        // The style sheets the first screen needs (the app's, the first section's) are written into the head:
        // nothing is fetched before the page can paint. Each keeps a disabled <link> beside its <style>: a
        // disabled sheet is neither fetched nor applied, and the app's loader, which looks for a sheet's <link>
        // before it adds one, finds it and does not fetch the sheet again when a section imports it.
        const entrySheets = [...html.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)].map(
          (m) => m[1],
        );
        const chunks = sectionChunks(ctx.bundle as never);
        const sheets = [
          ...entrySheets,
          ...(chunks[inline] ?? []).filter((f) => f.endsWith('.css')).map((f) => `${base}${f}`),
        ];
        const styles = sheets.map((href) => {
          const asset = bundle[href.slice(base.length)];
          if (asset?.type !== 'asset' || asset.source === undefined)
            throw new Error(`first paint: no ${href} in the bundle`);
          const css =
            typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          if (/<\/style/i.test(css)) throw new Error(`first paint: ${href} cannot be written into a <style>`);
          return `<style data-href="${href}">${css}</style><link rel="stylesheet" crossorigin href="${href}" disabled>`;
        });
        let out = html;
        for (const href of entrySheets)
          out = out.replace(`<link rel="stylesheet" crossorigin href="${href}">`, '');
        // the meta the script reads, the style sheets, then the script, right after the charset and the policy:
        // it runs at once (no style sheet is pending) and marks the page before the body is parsed
        const sectionSheets = Object.fromEntries(
          sections.map((id) => [
            id,
            (chunks[id] ?? []).filter((f) => f.endsWith('.css') && !sheets.includes(`${base}${f}`)),
          ]),
        );
        const block =
          `\n    <meta name="first-paint" content="${sections.join(' ')}" data-inline="${inline}" data-base="${base}" ` +
          `data-sheets="${escapeAttribute(JSON.stringify(sectionSheets))}">\n` +
          `    ${styles.join('\n    ')}\n` +
          `    <script>${inlineScript('firstPaint')}</script>`;
        const anchor =
          /<meta http-equiv="Content-Security-Policy"[^>]*>/i.exec(out) ??
          /<meta charset="[^"]*"\s*\/?>/i.exec(out);
        if (!anchor) throw new Error('first paint: index.html has no <meta charset>');
        const at = anchor.index + anchor[0].length;
        return (out.slice(0, at) + block + out.slice(at)).replace(PLACEHOLDER, () => box);
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

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

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
