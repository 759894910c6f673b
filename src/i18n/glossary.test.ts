import { describe, expect, it } from 'vitest';
import { catalogs, LANGS } from './index';
import { findVariants, GLOSSARY, type GlossaryEntry } from './glossary';

const show = (lang: string, f: ReturnType<typeof findVariants>) =>
  f.map((x) => `${lang}:${x.key} (${x.concept}): “${x.found}” → ${x.use}`);

describe('glossary checker', () => {
  it('flags a planted variant in a fake catalog, in each language, and names the key', () => {
    const fakeEn = {
      'a.ok': 'The 32×4d block has {macs} MACs and an identity shortcut.',
      'a.bad': 'The block needs {macs} multiply-adds; stage 2 has {c} × {d} paths.',
    };
    const en = findVariants(fakeEn, 'en');
    expect(en.map((f) => f.key)).toEqual(['a.bad', 'a.bad', 'a.bad']);
    expect(en.map((f) => f.found)).toEqual(['stage 2', '{c} × {d}', 'multiply-adds']);

    const fakeZh = {
      'z.ok': '训练 {epochs} 轮，每个模块的捷径与 {c} 条路径。',
      'z.epoch': '训练 {epochs} 个 epoch',
      'z.period': '训练 {epochs} 个周期',
      'z.ms': '推理用时 225 ms',
      'z.backend': '后端：wasm',
      'z.comma': '7×7 卷积, 步幅 2',
      'z.slower': '慢 1.36 倍',
      'z.shortcut': 'x（捷径连接）',
      'z.space': 'ResNeXt-50（32×4d） 保持布局',
      'z.compact': '2560万 个参数',
    };
    const zh = findVariants(fakeZh, 'zh');
    expect(zh.map((f) => f.key).sort()).toEqual(
      [
        'z.backend',
        'z.comma',
        'z.compact',
        'z.epoch',
        'z.ms',
        'z.period',
        'z.shortcut',
        'z.slower',
        'z.space',
      ].sort(),
    );
  });

  it('lets a variant stand only in the messages its rule names', () => {
    const fake = {
      'block.table.caption': 'MACs: multiply–accumulates (the paper’s FLOPs).',
      'x.other': 'FLOPs',
    };
    expect(findVariants(fake, 'en').map((f) => f.key)).toEqual(['x.other']);
  });

  it('uses the glossary it is given', () => {
    const only: GlossaryEntry[] = [
      { concept: 'test', en: 'alpha', zh: '甲', reject: { en: [{ pattern: /\bbeta\b/, use: 'alpha' }] } },
    ];
    expect(findVariants({ k: 'beta and gamma' }, 'en', only)).toEqual([
      { key: 'k', concept: 'test', found: 'beta', use: 'alpha' },
    ]);
    expect(findVariants({ k: 'alpha and gamma' }, 'en', only)).toEqual([]);
  });

  it('has one term per concept in each language, and every rule rejects something other than the term', () => {
    const concepts = GLOSSARY.map((e) => e.concept);
    expect(new Set(concepts).size).toBe(concepts.length);
    for (const e of GLOSSARY) {
      expect(e.en.trim(), e.concept).not.toBe('');
      expect(e.zh.trim(), e.concept).not.toBe('');
    }
    // The chosen Chinese words themselves pass their own rules.
    const chosen = { epoch: '训练 20 轮', shortcut: '恒等捷径', block: '模块 {block}', cost: '开销' };
    expect(findVariants(chosen, 'zh')).toEqual([]);
  });
});

describe.each(LANGS)('%s catalog', (lang) => {
  it('uses only the glossary’s terms (no variant term in any message)', () => {
    expect(show(lang, findVariants(catalogs[lang], lang))).toEqual([]);
  });
});
