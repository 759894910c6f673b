import { describe, expect, it } from 'vitest';
import { numberFormat } from './numberFormat';

// a fixed pseudo-random sequence, so a failure can be rerun
function* values(seed: number, n: number): Generator<number> {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i++) {
    const magnitude = 10 ** Math.floor(next() * 16 - 6);
    const sign = next() < 0.3 ? -1 : 1;
    yield sign * next() * magnitude;
    // a decimal tie at some digit (x.xx5): where rounding the shortest decimal and the exact value differ
    yield sign * ((Math.floor(next() * 1e6) + 0.5) / 10 ** Math.floor(next() * 6));
  }
}

const EDGES = [
  0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.0125, 1.005, 1.045, 999.9995, 999999.5, 1e20, 9.999e20, -0.0001,
  0.00049, 70144, 69632, 25557032, 1234567.891, Number.MAX_SAFE_INTEGER, 5e-324, 123.456e-7,
];
const SPECIAL = [NaN, Infinity, -Infinity, 1e21, -3.2e25];

const OPTIONS: Intl.NumberFormatOptions[] = [
  {},
  { maximumFractionDigits: 0 },
  { minimumFractionDigits: 0, maximumFractionDigits: 0 },
  { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { minimumFractionDigits: 3, maximumFractionDigits: 3 },
  { maximumFractionDigits: 1 },
  { minimumFractionDigits: 2 },
  { minimumFractionDigits: 5 },
  { minimumFractionDigits: 1, maximumFractionDigits: 4 },
  { maximumFractionDigits: 20 },
];

describe('numberFormat', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    for (const options of OPTIONS) {
      it(`writes what Intl.NumberFormat writes: ${locale} ${JSON.stringify(options)}`, () => {
        const intl = new Intl.NumberFormat(locale, options);
        const ours = numberFormat(locale, options);
        for (const x of [...EDGES, ...SPECIAL, ...values(7 + OPTIONS.indexOf(options), 3000)]) {
          expect(ours.format(x), `${x}`).toBe(intl.format(x));
        }
      });
    }
  }

  it('groups by three and keeps the sign of numbers that round to zero', () => {
    const f = numberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(f.format(1234567.25)).toBe('1,234,567.3');
    expect(f.format(-0.01)).toBe('-0.0');
  });

  it('hands other options and locales to Intl', () => {
    const cases: [string, Intl.NumberFormatOptions, number][] = [
      ['en-US', { style: 'percent', maximumFractionDigits: 1 }, 0.1234],
      ['zh-CN', { notation: 'compact', maximumSignificantDigits: 3 }, 25557032],
      ['en-US', { maximumSignificantDigits: 2 }, 0.0123],
      ['de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }, 1234.5],
    ];
    for (const [locale, options, x] of cases) {
      expect(numberFormat(locale, options).format(x)).toBe(new Intl.NumberFormat(locale, options).format(x));
    }
    expect(numberFormat('de-DE', { minimumFractionDigits: 2 }).format(1234.5)).toBe('1.234,50');
  });

  it('is one formatter per locale and options', () => {
    expect(numberFormat('en-US', { maximumFractionDigits: 0 })).toBe(numberFormat('en-US', { maximumFractionDigits: 0 }));
    expect(numberFormat('en-US', { maximumFractionDigits: 0 })).not.toBe(numberFormat('zh-CN', { maximumFractionDigits: 0 }));
  });
});
