/**
 * The engine (src/resnext) holds no UI: none of its source files imports the app, the renderers, the catalogs
 * or a UI library, and none spells a message key of the catalogs (step texts, diagram labels and the like
 * belong to src/app).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './i18n/en';

const SRC = dirname(fileURLToPath(import.meta.url));
const ENGINE = join(SRC, 'resnext');
const FORBIDDEN_DIRS = ['app', 'viz', 'i18n', 'bench'].map((d) => join(SRC, d));
const FORBIDDEN_PACKAGES = /^(react|react-dom|d3|d3-[\w-]+)(\/|$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test(util)?\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Import specifiers of a source text (static and dynamic imports, re-exports). */
function importsOf(text: string): string[] {
  const found = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)];
  return found.map((m) => m[1]);
}

/** Problems of one engine file: imports of UI code and spelled message keys (or key patterns). */
function problemsOf(file: string, text: string, keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const spec of importsOf(text)) {
    if (FORBIDDEN_PACKAGES.test(spec)) out.push(`imports ${spec}`);
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (FORBIDDEN_DIRS.some((d) => target === d || target.startsWith(d + '/'))) out.push(`imports ${spec}`);
    }
  }
  const namespaces = new Set(keys.map((k) => k.split('.')[0]));
  for (const m of text.matchAll(/['"`]([a-zA-Z]+)\.([\w.${}-]+)['"`]/g)) {
    const literal = `${m[1]}.${m[2]}`;
    const pattern = new RegExp(`^${literal.replace(/[.]/g, '\\.').replace(/\$\{[^}]*\}/g, '[^.]+')}$`);
    if (namespaces.has(m[1]) && keys.some((k) => pattern.test(k)))
      out.push(`spells the message key ${literal}`);
  }
  return out;
}

describe('the engine holds no UI', () => {
  const keys = Object.keys(en);

  it('flags an import of the app and a spelled step key, so the check can fail', () => {
    const file = join(ENGINE, 'planted.ts');
    const text =
      "import { en } from '../i18n/en';\nimport * as d3 from 'd3';\nconst k = `step.${id}.title`;\n";
    expect(problemsOf(file, text, keys)).toEqual([
      'imports ../i18n/en',
      'imports d3',
      'spells the message key step.${id}.title',
    ]);
    expect(problemsOf(file, "import { x } from './spec';\nconst b = 'layer1.0';\n", keys)).toEqual([]);
  });

  it.each(sourceFiles(ENGINE).map((f) => [relative(SRC, f), f]))('%s', (_name, file) => {
    expect(problemsOf(file, readFileSync(file, 'utf8'), keys)).toEqual([]);
  });
});
