import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../i18n';
import { formatCompact } from './storyFormat';

/** The messages that take compact counts ("25.6M", "2560 万"), with the placeholders that hold them. */
const COMPACT: [MessageKey, string[]][] = [
  ['story.heritage.p2', ['naiveMacs', 'macs']],
  ['story.inception.boxMacs', ['macs']],
  ['story.inception.total', ['macs']],
  ['story.inception.desc', ['macs']],
  ['story.inception.descBranch', ['macs']],
  ['story.arch.p2', ['resnetParams', 'resnetMacs', 'resnextParams', 'resnextMacs']],
];

describe('compact counts', () => {
  it('write Chinese number words with a space before them and none after: “2560 万个参数”', () => {
    expect(formatCompact(25_557_032, 'zh')).toBe('2560 万');
    expect(formatCompact(4_090_000_000, 'zh')).toBe('40.9 亿');
    expect(formatCompact(25_557_032, 'en')).toBe('25.6M');
    for (const [key, names] of COMPACT) {
      const params = Object.fromEntries(names.map((n) => [n, formatCompact(25_557_032, 'zh')]));
      const text = translate('zh', key, params);
      expect(text, key).toContain('2560 万');
      expect(text, key).not.toMatch(/[万亿]\s+[个次张]/);
      expect(text, key).not.toMatch(/\d[万亿]/);
    }
  });
});
