import { numberFormat } from '../../../i18n/numberFormat';

/** Number formatting in the reader's language (the locale comes from the catalog's `numbers.locale`). */
export interface NumberFormat {
  /** 25,557,032 */
  int: (n: number) => string;
  /** fixed decimals: 22.0, 1.31 */
  fixed: (n: number, digits: number) => string;
  /** a fraction as a percentage: 0.901 → 90.1% */
  pct: (fraction: number, digits?: number) => string;
  /** an axis tick with just the decimals it has: 500, 1.5, 0.05 */
  tick: (n: number) => string;
  /** three significant digits in the language's number words: 34.4M; 3440 万 (a space before the word) */
  compact: (n: number) => string;
}

export function makeFormat(locale: string): NumberFormat {
  const int = numberFormat(locale, { maximumFractionDigits: 0 });
  const compact = numberFormat(locale, {
    notation: 'compact',
    maximumSignificantDigits: 3,
    minimumSignificantDigits: 3,
  });
  const fixedFmt = (d: number) =>
    numberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
  return {
    int: (n) => int.format(n),
    compact: (n) => compact.format(n).replace(/(\d)\s*([万亿])/u, '$1 $2'),
    fixed: (n, d) => fixedFmt(d).format(n),
    pct: (f, d = 1) => `${fixedFmt(d).format(f * 100)}%`,
    tick: (n) => {
      const text = String(Number(n.toPrecision(6)));
      const dot = text.indexOf('.');
      return fixedFmt(dot < 0 || text.includes('e') ? 0 : text.length - dot - 1).format(n);
    },
  };
}
