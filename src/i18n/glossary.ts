import type { Lang } from './types';

/**
 * The project's glossary: one term per concept in each language, the ResNeXt paper's terms where it has them,
 * and the variant terms that must not appear in a catalog. `glossary.test.ts` scans every catalog value with
 * `findVariants` and fails on any variant.
 *
 * A variant is a pattern; `allowIn` lists the few messages where it may stand on purpose (the one place a term
 * is glossed with the paper's own word, or a different concept that shares the word).
 */
interface Variant {
  /** matched against each catalog value as it is stored (placeholders such as {c} included) */
  pattern: RegExp;
  /** what to write instead, for the test's message */
  use: string;
  /** message keys where this pattern is meant (the gloss itself, or another concept) */
  allowIn?: readonly string[];
}

export interface GlossaryEntry {
  concept: string;
  en: string;
  zh: string;
  /** why this choice, where it is not obvious */
  note?: string;
  reject: Partial<Record<Lang, readonly Variant[]>>;
}

/** Messages that gloss MACs once, with the paper's word "FLOPs" beside ours. */
const MACS_GLOSS = ['block.table.caption', 'numbers.arch.macsNote'];
/** Messages about work per byte, where a FLOP (a multiply or an add, two per MAC) is the unit on purpose. */
const FLOP_UNIT = ['gcost.unit.flopPerByte', 'gcost.intensity.caption'];

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    concept: 'stage',
    en: 'conv2, conv3, conv4, conv5 (the paper’s Table 1 rows); ResNeXt-29’s three stages are conv2–conv4',
    zh: 'conv2、conv3、conv4、conv5（论文表 1 的行）；ResNeXt-29 的三个阶段即 conv2–conv4',
    note: 'The code’s block names (layer1.0 … layer3.2) stay as block ids; the mapping layer1 = conv2 is written once, in networkMap.intro.',
    reject: {
      en: [
        { pattern: /\bstage \{n\}|\bstage [1-4]\b/i, use: 'conv2…conv5' },
        { pattern: /\b(first|second|third|fourth) stage\b/i, use: 'conv2…conv5' },
      ],
      zh: [
        { pattern: /第 ?(\{n\}|[1-4一二三四]) ?阶段/, use: 'conv2…conv5' },
        { pattern: /第[一二三四]个阶段/, use: 'conv2…conv5' },
      ],
    },
  },
  {
    concept: 'C×d notation',
    en: '32×4d (C paths of width d), no spaces; a product is written with an equals sign: {width} = {c} × {d}',
    zh: '32×4d，不加空格；乘积写作 {width} = {c} × {d}',
    reject: {
      en: [
        { pattern: /(?<!= )\{c\} × \{d\}(?!d)/, use: '{c}×{d}d' },
        { pattern: /\bC × d = /, use: 'C×d' },
        { pattern: /(?<!× )\b\d+ × \d+d?\b(?! ×)/, use: '32×4d' },
      ],
      zh: [
        { pattern: /(?<!= )\{c\} × \{d\}(?!d)/, use: '{c}×{d}d' },
        { pattern: /\bC × d = /, use: 'C×d' },
        { pattern: /(?<!× )\b\d+ × \d+d?\b(?! ×)/, use: '32×4d' },
      ],
    },
  },
  {
    concept: 'multiply–accumulates (cost)',
    en: 'MACs (glossed once: multiply–accumulates, the paper’s “FLOPs”)',
    zh: '乘加次数（MACs）',
    reject: {
      en: [
        { pattern: /multiply[-–‑ ]?adds?\b/i, use: 'MACs' },
        { pattern: /multiply[-–‑ ]?accumulates?\b/i, use: 'MACs', allowIn: MACS_GLOSS },
        { pattern: /\bFLOPs\b/, use: 'MACs', allowIn: [...MACS_GLOSS, ...FLOP_UNIT] },
        { pattern: /\bGFLOPs?\b|\bGMACs?\b/, use: 'MACs' },
      ],
      zh: [
        { pattern: /FLOPs/, use: '乘加次数', allowIn: [...MACS_GLOSS, ...FLOP_UNIT] },
        { pattern: /乘加运算|乘加数(?!目)|乘-加|浮点运算/, use: '乘加次数' },
        { pattern: /参数量?[和、与]计算量/, use: '参数量和乘加次数' },
      ],
    },
  },
  {
    concept: 'shortcut',
    en: 'shortcut (identity shortcut, projection shortcut); the residual connection is the addition',
    zh: '捷径（恒等捷径、投影捷径）；残差连接只指相加这一步',
    note: '捷径 follows the Chinese ResNet literature’s 恒等捷径; 残差连接 is kept for the addition x + F(x) only, where the step-through names that step.',
    reject: {
      en: [{ pattern: /skip[- ]connection|shortcut connection|identity mapping/i, use: 'shortcut' }],
      zh: [
        { pattern: /快捷连接|捷径连接|跳跃连接|跳连|短路连接|旁路/, use: '捷径' },
        { pattern: /残差连接/, use: '捷径', allowIn: ['step.add.title', 'step.add.explain'] },
      ],
    },
  },
  {
    concept: 'path (one of the C transformations) vs branch',
    en: 'path for each of the C transformations; branch for F(x) (the residual branch) and for Inception’s branches',
    zh: '路径（C 条路径之一）；分支只用于残差分支 F(x) 与 Inception 的分支',
    reject: {
      en: [{ pattern: /\b(C|\{c\}|\d+) branches\b/, use: 'C paths' }],
      zh: [
        {
          pattern: /(C|\{c\}|\d+) ?(条|个)分支|分支数/,
          use: '条路径',
          allowIn: ['story.why.cardinality'],
        },
      ],
    },
  },
  {
    concept: 'dense convolution',
    en: 'dense (a convolution that is not grouped)',
    zh: '稠密',
    reject: {
      en: [{ pattern: /\b(plain|ordinary|normal|regular) (block|convolution|conv|3×3)/i, use: 'dense' }],
      zh: [{ pattern: /普通(的)?(卷积|模块|3×3)|常规卷积|密集卷积|标准卷积/, use: '稠密' }],
    },
  },
  {
    concept: 'colour scale',
    en: 'colour scale',
    zh: '色阶',
    reject: {
      en: [{ pattern: /\bcolor scale|colour map|colormap|colour bar/i, use: 'colour scale' }],
      zh: [{ pattern: /色标|颜色刻度|色条/, use: '色阶' }],
    },
  },
  {
    concept: 'epoch',
    en: 'epoch',
    zh: '轮',
    reject: {
      zh: [{ pattern: /epoch(?![A-Za-z]*\})|周期|轮次|时期|世代/i, use: '轮' }],
    },
  },
  {
    concept: 'block',
    en: 'block (Inception’s are modules, as in its paper)',
    zh: '模块',
    reject: {
      zh: [{ pattern: /^块$|(?<![行列模一整])块 ?\{block\}|这个块|该块|每个块/, use: '模块' }],
    },
  },
  {
    concept: 'picture',
    en: 'picture / image',
    zh: '图片（“图像分类”除外）',
    reject: {
      zh: [{ pattern: /图像(?!分类)/, use: '图片' }],
    },
  },
  {
    concept: 'cost',
    en: 'cost',
    zh: '开销',
    reject: {
      zh: [{ pattern: /代价|成本/, use: '开销' }],
    },
  },
  {
    concept: 'present (full-screen figure)',
    en: 'present',
    zh: '全屏',
    reject: {
      zh: [{ pattern: /演示模式|放映/, use: '全屏' }],
    },
  },
  {
    concept: 'step-through (the section)',
    en: 'step-through',
    zh: '逐步运行',
    reject: {
      zh: [{ pattern: /逐步演示/, use: '逐步运行' }],
    },
  },
  {
    concept: 'batch normalisation',
    en: 'batch norm (BN in diagrams)',
    zh: '批归一化（图中为 BN）',
    reject: {
      zh: [{ pattern: /BatchNorm|批标准化|批量归一化/, use: '批归一化' }],
    },
  },
  {
    concept: 'address (URL)',
    en: 'address',
    zh: '地址',
    reject: {
      zh: [{ pattern: /网址|链接地址|URL/, use: '地址' }],
    },
  },
  {
    concept: 'speed test',
    en: 'speed test',
    zh: '速度测试',
    reject: {
      zh: [{ pattern: /测速/, use: '速度测试' }],
    },
  },
];

/** Rules for Chinese pages beyond single terms: units, backend names and punctuation. */
const ZH_TYPOGRAPHY: readonly Variant[] = [
  { pattern: /(\d|\})\s*ms\b/, use: '毫秒 (a unit from the catalog)' },
  { pattern: /\b(webgl|webgpu|wasm|cpu)\b/, use: 'backend.name.* (WebGL, WebGPU, WebAssembly, CPU)' },
  { pattern: /[\u3400-\u9fff]\s*,|,\s*[\u3400-\u9fff]/, use: '，(a full-width comma beside Chinese)' },
  { pattern: /慢 ?(\{\w+\}|\d[\d.]*) ?倍/, use: '耗时为后者的 {ratio} 倍' },
  { pattern: /少了 ?(\{\w+\}|\d)/, use: '前者是后者的 {ratio} 倍 / 仅为前者的 1/{ratio}' },
  { pattern: /(万|亿) (个|次|张)/, use: '2560 万个 (a space before the number word, none after)' },
  { pattern: /[）」”：；，。] +(?=[\u3400-\u9fff])/, use: 'no space after full-width punctuation' },
  { pattern: /[\u3400-\u9fff] +(?=[（「“：；，。])/, use: 'no space before full-width punctuation' },
];

export interface Finding {
  key: string;
  concept: string;
  found: string;
  use: string;
}

/**
 * Every variant term in one catalog: for each value and each rejected pattern of `lang` (and, for Chinese, the
 * typography rules), the key, the concept, what matched and what to write instead.
 */
export function findVariants(
  catalog: Readonly<Record<string, string>>,
  lang: Lang,
  glossary: readonly GlossaryEntry[] = GLOSSARY,
): Finding[] {
  const rules: { concept: string; v: Variant }[] = glossary.flatMap((e) =>
    (e.reject[lang] ?? []).map((v) => ({ concept: e.concept, v })),
  );
  if (lang === 'zh') rules.push(...ZH_TYPOGRAPHY.map((v) => ({ concept: 'typography', v })));
  const findings: Finding[] = [];
  for (const [key, text] of Object.entries(catalog)) {
    for (const { concept, v } of rules) {
      if (v.allowIn?.includes(key)) continue;
      const m = v.pattern.exec(text);
      if (m) findings.push({ key, concept, found: m[0], use: v.use });
    }
  }
  return findings;
}
