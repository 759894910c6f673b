import type { HtmlTagDescriptor, Plugin } from 'vite';
import { SAMPLES, DEFAULT_SAMPLE } from '../model/image/samples';
import { showsPicture } from './firstFigures';
import { inlineScript } from './inlineScripts';

/*
 * The chunks of the section named in the address are requested together with the main bundle, not after it
 * has run (used by vite.config.ts, not by the app). At build time this lists, per section, the chunks and
 * style sheets its lazy component needs beyond the main bundle, in a <meta name="section-chunks"> of
 * index.html; sectionPreloadScript.js, a small classic script inline in the head, reads the address and adds a
 * <link rel="modulepreload"> (or a style preload) for each, while the main bundle is still downloading.
 */

/** `src/i18n/<lang>/index.ts`: a language's catalog, listed as `lang:<lang>`. */
const CATALOG_ENTRY = /[\\/]src[\\/]i18n[\\/]([a-z]+)[\\/]index\.ts$/;

/** `src/app/sections/<id>/<Name>Section.tsx`: a section's lazy component. */
const SECTION_ENTRY = /[\\/]src[\\/]app[\\/]sections[\\/]([a-z]+)[\\/][A-Za-z]+Section\.tsx$/;

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
  /** the modules whose code the chunk holds (none: a facade re-exporting another chunk's) */
  moduleIds: readonly string[];
  viteMetadata?: { importedCss: Set<string> };
}

type BundleLike = Record<string, ChunkLike | { type: 'asset' }>;

/**
 * Per section id (and per language, `lang:en`, for its catalog), the files its component needs that the main
 * entry does not load already, and the facades onto them: a module the main bundle imports on demand (the
 * picture decoder) but the section's chunks import statically is loaded through a facade, a chunk of one
 * `export … from` line, which would otherwise be one more round trip when the section first asks for it.
 */
export function sectionChunks(bundle: BundleLike): Record<string, string[]> {
  const chunk = (name: string): ChunkLike | null => {
    const c = bundle[name];
    return c && c.type === 'chunk' ? c : null;
  };
  const closure = (start: string): Set<string> => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      const c = chunk(name);
      if (!c) return;
      seen.add(name);
      c.imports.forEach(visit);
    };
    visit(start);
    return seen;
  };
  const entry = Object.values(bundle).find((c): c is ChunkLike => c.type === 'chunk' && c.isEntry);
  const inMain = entry ? closure(entry.fileName) : new Set<string>();
  const out: Record<string, string[]> = {};
  for (const c of Object.values(bundle)) {
    if (c.type !== 'chunk' || !c.facadeModuleId) continue;
    const lang = CATALOG_ENTRY.exec(c.facadeModuleId)?.[1];
    const id = lang ? `lang:${lang}` : SECTION_ENTRY.exec(c.facadeModuleId)?.[1];
    if (!id) continue;
    const files: string[] = [];
    for (const name of closure(c.fileName)) {
      if (inMain.has(name)) continue;
      files.push(name);
      for (const css of chunk(name)?.viteMetadata?.importedCss ?? [])
        if (!files.includes(css)) files.push(css);
    }
    for (const f of Object.values(bundle)) {
      if (f.type !== 'chunk' || f.moduleIds.length > 0 || f.isEntry || files.includes(f.fileName)) continue;
      const onto = f.imports.filter((name) => !inMain.has(name));
      if (onto.length > 0 && onto.every((name) => files.includes(name))) files.push(f.fileName);
    }
    if (showsPicture(id)) files.push(SAMPLE_TOKEN);
    out[id] = files;
  }
  return out;
}

/** Stands in a section's list for the sample photo the address names (`sample:<id>`, the first by default). */
export const SAMPLE_TOKEN = 'sample';

/**
 * The sample photos (`sample:<id>` → its file under the base, `sample:` the default), and the token in the list
 * of each section whose first figure is the photo: the photo is fetched beside the section's chunks, not once
 * the section has rendered.
 */
function samplePreloads(): Record<string, string[]> {
  const out: Record<string, string[]> = { 'sample:': [`samples/${DEFAULT_SAMPLE.file}`] };
  for (const s of SAMPLES) out[`sample:${s.id}`] = [`samples/${s.file}`];
  return out;
}

export function sectionPreload(): Plugin {
  let base = '/';
  return {
    name: 'resnext-explorer:section-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return;
        const map = { ...sectionChunks(ctx.bundle as unknown as BundleLike), ...samplePreloads() };
        // at the end of the head: the first paint's style sheets, written into the head, are there to be skipped
        const tags: HtmlTagDescriptor[] = [
          {
            tag: 'meta',
            attrs: { name: 'section-chunks', content: JSON.stringify(map), 'data-base': base },
            injectTo: 'head',
          },
          // inline: it runs as the head is parsed, before the main bundle's own files are asked for
          { tag: 'script', children: inlineScript('sectionPreload'), injectTo: 'head' },
        ];
        return tags;
      },
    },
  };
}

const TFJS_PACKAGE = /[\\/]node_modules[\\/]@tensorflow[\\/](tfjs-[a-z-]+)[\\/]/;
const KERNEL_MODULE = /[\\/]src[\\/]resnext[\\/]kernels[\\/]/;

/**
 * Chunk file names that say what they hold: `tfjs-core-…`, `tfjs-backend-wasm-…` for TensorFlow.js's packages,
 * `kernel-…` for the project's own kernels, so that the request log shows when the engine loads (the tests of
 * the first figure check that none of them comes before it).
 */
export function chunkFileName(chunk: { name: string; moduleIds: readonly string[] }): string {
  const tfjs = chunk.moduleIds.map((id) => TFJS_PACKAGE.exec(id)?.[1]).find(Boolean);
  // a chunk of the project's own code that only names a TensorFlow.js file (a `?url` import) keeps its name
  const own = chunk.moduleIds.some((id) => !/[\\/]node_modules[\\/]/.test(id) && /[\\/]src[\\/]/.test(id));
  if (tfjs && !own) return `assets/${tfjs}-[hash].js`;
  if (chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => KERNEL_MODULE.test(id)))
    return 'assets/kernel-[name]-[hash].js';
  return 'assets/[name]-[hash].js';
}

interface GraphInfo {
  importedIds: readonly string[];
}

/**
 * The chunk of every module the entry (src/main.tsx) imports statically, directly or through others: one file
 * (`app-…`) instead of the many small shared chunks the bundler would otherwise split them into, each one more
 * request before the first figure. Modules loaded on demand (the sections, the engine) keep their own chunks.
 */
export function mainGraphChunk(
  entry: string,
): (id: string, ctx: { getModuleInfo(id: string): GraphInfo | null }) => string | null {
  let graph: Set<string> | null = null;
  return (id, ctx) => {
    if (!graph) {
      graph = new Set();
      const todo = [entry];
      while (todo.length) {
        const m = todo.pop() as string;
        if (graph.has(m)) continue;
        graph.add(m);
        for (const next of ctx.getModuleInfo(m)?.importedIds ?? []) todo.push(next);
      }
    }
    return graph.has(id) && id !== entry ? 'app' : null;
  };
}
