import { describe, expect, it } from 'vitest';
import { makeFormat } from './format';

describe('number format', () => {
  const f = makeFormat('en-US');
  it('groups integers and keeps fixed decimals', () => {
    expect(f.int(4_230_479_872)).toBe('4,230,479,872');
    expect(f.fixed(0.95 / 0.7, 2)).toBe('1.36');
    expect(f.pct(0.901, 2)).toBe('90.10%');
  });
  it('prints ticks with the decimals they have', () => {
    expect([500, 1.5, 0.05, 2000, 0.1 + 0.2].map(f.tick)).toEqual(['500', '1.5', '0.05', '2,000', '0.3']);
  });
  it('writes large counts in each language’s number words', () => {
    expect(f.compact(34_400_000)).toBe('34.4M');
    expect(makeFormat('zh-CN').compact(34_400_000)).toBe('3440 万');
  });
});
