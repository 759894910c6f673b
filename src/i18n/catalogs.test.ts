import { describe, expect, it } from 'vitest';
import { LANGS, catalogs } from './index';

const PLACEHOLDER = /\{(\w+)\}/g;

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

type AreaModule = Record<string, Record<string, string>>;

/** Each area file's catalog, by area name ('common', 'overview', …), for one language folder. */
function areaCatalogs(modules: Record<string, AreaModule>): Map<string, Record<string, string>> {
  const areas = new Map<string, Record<string, string>>();
  for (const [path, mod] of Object.entries(modules)) {
    const area = /\/(\w+)\.ts$/.exec(path)?.[1];
    if (!area || area === 'index') continue;
    areas.set(area, mod[area] ?? {});
  }
  return areas;
}

const areasByLang = {
  en: areaCatalogs(import.meta.glob<AreaModule>('./en/*.ts', { eager: true })),
  zh: areaCatalogs(import.meta.glob<AreaModule>('./zh/*.ts', { eager: true })),
};

describe('message catalogs', () => {
  const reference = Object.keys(catalogs.en).sort();

  it('has messages to compare', () => {
    expect(reference.length).toBeGreaterThan(0);
  });

  it.each(LANGS)('%s has exactly the same keys as every other language', (lang) => {
    for (const other of LANGS) {
      const missing = Object.keys(catalogs[other]).filter((k) => !(k in catalogs[lang]));
      expect(missing, `keys in ${other} but not in ${lang}`).toEqual([]);
    }
  });

  it.each(LANGS)('%s has no empty message', (lang) => {
    const empty = Object.entries(catalogs[lang])
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same {placeholders} in every language', () => {
    const mismatched: string[] = [];
    for (const key of reference) {
      const expected = placeholders(catalogs.en[key as keyof typeof catalogs.en]).join(',');
      for (const lang of LANGS) {
        const actual = placeholders(catalogs[lang][key as keyof typeof catalogs.en] ?? '').join(',');
        if (actual !== expected) mismatched.push(`${lang}:${key} has {${actual}}, en has {${expected}}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('has Chinese for every message with English words in it (names and formulas may stay as they are)', () => {
    const words = /[A-Za-z]{3,}[\s,]+[A-Za-z]{3,}/;
    const untranslated = reference.filter((key) => {
      const english = catalogs.en[key as keyof typeof catalogs.en];
      const chinese = catalogs.zh[key as keyof typeof catalogs.zh];
      return words.test(english) && (chinese === english || !/[\u3400-\u9fff]/.test(chinese));
    });
    expect(untranslated).toEqual([]);
  });

  it('finds every area in both languages', () => {
    expect([...areasByLang.zh.keys()].sort()).toEqual([...areasByLang.en.keys()].sort());
    expect(areasByLang.en.has('common')).toBe(true);
  });

  it.each(LANGS)('%s defines each key in exactly one area, the same area as English', (lang) => {
    const owner = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [area, catalog] of areasByLang[lang]) {
      for (const key of Object.keys(catalog)) {
        const first = owner.get(key);
        if (first) duplicates.push(`${key} in ${first} and ${area}`);
        owner.set(key, area);
      }
    }
    expect(duplicates).toEqual([]);
    const misplaced = [...areasByLang.en].flatMap(([area, catalog]) =>
      Object.keys(catalog)
        .filter((key) => owner.get(key) !== area)
        .map((key) => `${key} (${area})`),
    );
    expect(misplaced).toEqual([]);
  });
});
