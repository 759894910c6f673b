import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatProbability, localizeParams } from './format';

describe('formatProbability', () => {
  it('shows one decimal', () => {
    expect(formatProbability(0.9312, 'en-US')).toBe('93.1%');
    expect(formatProbability(0, 'en-US')).toBe('0.0%');
    expect(formatProbability(1, 'en-US')).toBe('100.0%');
  });
  it('never rounds a tiny probability to zero or a near-certain one to 100%', () => {
    expect(formatProbability(0.00004, 'en-US')).toBe('<0.1%');
    expect(formatProbability(0.99996, 'en-US')).toBe('>99.9%');
  });
  it('handles the Chinese locale and bad input', () => {
    expect(formatProbability(0.5, 'zh-CN')).toBe('50.0%');
    expect(formatProbability(Number.NaN, 'en-US')).toBe('–');
  });
});

describe('formatMs and formatBytes', () => {
  it('uses one decimal below 100 ms', () => {
    expect(formatMs(12.345, 'en-US')).toBe('12.3');
    expect(formatMs(1234.4, 'en-US')).toBe('1,234');
    expect(formatMs(1234.4, 'zh-CN')).toBe('1,234');
  });
  it('uses powers of 1000', () => {
    expect(formatBytes(999, 'en-US')).toBe('999 B');
    expect(formatBytes(9_616_156, 'en-US')).toBe('9.6 MB');
    expect(formatBytes(356_000_000, 'en-US')).toBe('356 MB');
    expect(formatBytes(1_500_000_000, 'en-US')).toBe('1.5 GB');
  });
});

describe('localizeParams', () => {
  it('writes numbers with separators and leaves strings alone', () => {
    expect(localizeParams({ size: 67108864, file: 'a.png' }, 'en-US')).toEqual({
      size: '67,108,864',
      file: 'a.png',
    });
  });
});
