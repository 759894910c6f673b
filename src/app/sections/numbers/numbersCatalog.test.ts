import { describe, expect, it } from 'vitest';
import { numbers as en } from '../../../i18n/en/numbers';
import { numbers as zh } from '../../../i18n/zh/numbers';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('Numbers messages', () => {
  it('use the same placeholders in English and Chinese, and Chinese is not left in English', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      expect(zh[key].trim(), key).not.toBe('');
    }
    // long texts are translated, not copied
    for (const key of ['numbers.intro', 'numbers.speed.intro'] as const) {
      expect(zh[key]).not.toBe(en[key]);
      expect(zh[key]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('use the project’s Chinese terms', () => {
    expect(zh['numbers.axis.cardinality']).toContain('基数');
    expect(zh['numbers.speed.block.a']).toContain('拆分-变换-合并');
    expect(zh['numbers.speed.block.c']).toContain('分组卷积');
    expect(zh['numbers.speed.block.resnet']).toContain('瓶颈');
  });
});
