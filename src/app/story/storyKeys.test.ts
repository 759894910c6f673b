import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, LANGS } from '../../i18n';

const ROOTS = ['src/app/story', 'src/app/tour', 'src/viz/inception'];
const KEY = /'((?:story|tour)\.[\w.]+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const used = new Set(
  ROOTS.flatMap(sources).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(KEY)].map((m) => m[1])),
);
const storyKeys = Object.keys(catalogs.en).filter((k) => /^(story|tour)\./.test(k));

describe('story and tour messages', () => {
  it('finds the keys the code uses', () => {
    expect(used.size).toBeGreaterThan(20);
  });

  it.each(LANGS)('%s has every key the story and the tour use', (lang) => {
    const missing = [...used].filter((k) => !(k in catalogs[lang]));
    expect(missing).toEqual([]);
  });

  it('has no story or tour message that nothing shows', () => {
    expect(storyKeys.filter((k) => !used.has(k))).toEqual([]);
  });
});
