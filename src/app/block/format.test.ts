import { describe, expect, it } from 'vitest';
import { formatFixed, formatInt, formatMs, formatSci, formatShape } from './format';

describe('block readout formatting', () => {
  it('groups thousands in both languages', () => {
    expect(formatInt(70144, 'en')).toBe('70,144');
    expect(formatInt(69632, 'zh')).toBe('69,632');
    expect(formatInt(219152384, 'en')).toBe('219,152,384');
  });

  it('rounds to the asked decimals', () => {
    expect(formatFixed(70144 / 69632, 3, 'en')).toBe('1.007');
    expect(formatFixed(2, 2, 'en')).toBe('2.00');
  });

  it('writes shapes with multiplication signs', () => {
    expect(formatShape([1, 56, 56, 256])).toBe('1×56×56×256');
  });

  it('writes small differences in scientific notation with superscript exponents', () => {
    expect(formatSci(1.19e-6)).toBe('1.19 × 10⁻⁶');
    expect(formatSci(2.5e-12)).toBe('2.50 × 10⁻¹²');
    expect(formatSci(3)).toBe('3.00 × 10⁰');
    expect(formatSci(0)).toBe('0');
  });

  it('gives milliseconds a precision that suits their size', () => {
    expect(formatMs(0.4213, 'en')).toBe('0.42');
    expect(formatMs(12.34, 'en')).toBe('12.3');
    expect(formatMs(1403.4, 'en')).toBe('1,403');
  });
});
