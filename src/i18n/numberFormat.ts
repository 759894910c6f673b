/**
 * Number formatters for the app's locales. Plain decimals (a grouped integer part and a set number of fraction
 * digits), the numbers nearly every figure writes, are formatted here without ICU: the first `Intl.NumberFormat`
 * a page creates loads ICU's number data, one task of 180–300 ms on a CPU slowed 4× (`npm run
 * bench:intl` measures it), which stood in front of the step-through's and Classify's first
 * figures. en-US and zh-CN write these numbers alike (`SEPARATORS`); `numberFormat.test.ts` compares every
 * shape of number with `Intl.NumberFormat`. Everything else (percent, compact notation, significant digits,
 * another locale, ±∞, NaN, |x| ≥ 10²¹) is `Intl.NumberFormat` itself, created on first use.
 */

import type { Lang } from './types';

/** How each locale writes a plain decimal (CLDR's latn symbols, grouping by three). */
const SEPARATORS: Readonly<Record<string, { group: string; decimal: string; minus: string }>> = {
  'en-US': { group: ',', decimal: '.', minus: '-' },
  'zh-CN': { group: ',', decimal: '.', minus: '-' },
};

/** The locale the app writes numbers in, per language. */
export const numberLocale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-US');

export interface NumberFormatter {
  format(x: number): string;
}

const PLAIN_OPTIONS = new Set(['minimumFractionDigits', 'maximumFractionDigits']);

const cache = new Map<string, NumberFormatter>();

/** A formatter like `new Intl.NumberFormat(locale, options)`, cached per locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): NumberFormatter {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = makeFormatter(locale, options);
    cache.set(key, f);
  }
  return f;
}

function makeFormatter(locale: string, options: Intl.NumberFormatOptions): NumberFormatter {
  let intl: Intl.NumberFormat | undefined;
  const viaIntl = (x: number) => (intl ??= new Intl.NumberFormat(locale, options)).format(x);
  const symbols = SEPARATORS[locale];
  if (!symbols || !Object.keys(options).every((k) => PLAIN_OPTIONS.has(k))) return { format: viaIntl };
  const min = options.minimumFractionDigits;
  const max = options.maximumFractionDigits;
  // Intl's defaults for a decimal: 0 to max(min, 3) fraction digits (a maximum under the minimum: Intl's RangeError)
  const minFrac = min ?? 0;
  const maxFrac = max ?? Math.max(minFrac, 3);
  if (!(
    minFrac >= 0 &&
    maxFrac >= minFrac &&
    maxFrac <= 20 &&
    Number.isInteger(minFrac) &&
    Number.isInteger(maxFrac)
  )) {
    return { format: viaIntl };
  }
  return {
    format: (x) =>
      Number.isFinite(x) && Math.abs(x) < 1e21 ? plainDecimal(x, minFrac, maxFrac, symbols) : viaIntl(x),
  };
}

/**
 * Rounds as ICU does: the shortest decimal that reads back as x (`String(x)`'s digits), to the nearest, ties
 * away from zero (ECMA-402's `halfExpand`); 1.005 → "1.01" where `toFixed` gives "1.00". The sign is shown for
 * every negative number, −0 and those that round to zero included (`signDisplay: 'auto'`).
 */
function plainDecimal(
  x: number,
  minFrac: number,
  maxFrac: number,
  s: { group: string; decimal: string; minus: string },
): string {
  const negative = x < 0 || Object.is(x, -0);
  const { int, frac } = roundShortest(Math.abs(x), maxFrac);
  let end = frac.length;
  while (end > minFrac && frac[end - 1] === '0') end--;
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) {
    const part = int.slice(Math.max(0, i - 3), i);
    grouped = grouped ? part + s.group + grouped : part;
  }
  return (negative ? s.minus : '') + grouped + (end ? s.decimal + frac.slice(0, end) : '');
}

/** |x| < 10²¹ rounded to `digits` fraction digits: its integer part and exactly `digits` fraction digits. */
function roundShortest(x: number, digits: number): { int: string; frac: string } {
  // String(x) is "d.ddd", "ddd" or, below 10⁻⁶, "d.ddde-7": the digits and where the point goes
  const [mantissa, exp = '0'] = String(x).split('e');
  const dot = mantissa.indexOf('.');
  let all = mantissa.replace('.', '');
  let point = (dot < 0 ? mantissa.length : dot) + Number(exp); // digits before the point
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  if (all.length < point + digits + 1) all += '0'.repeat(point + digits + 1 - all.length);
  // keep point + digits digits, rounding on the next one (ties away from zero)
  const kept = all
    .slice(0, point + digits)
    .split('')
    .map(Number);
  if (Number(all[point + digits]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i]++;
    else {
      kept.unshift(1);
      point++;
    }
  }
  const int =
    kept
      .slice(0, point)
      .join('')
      .replace(/^0+(?=\d)/, '') || '0';
  return { int, frac: kept.slice(point).join('') };
}
