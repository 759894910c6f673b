import { numberFormat } from '../../../i18n/numberFormat';

/** Number formatting for the Classify section; `locale` is the catalog's `classify.locale`. */

/** A probability as a percentage: one decimal, `<0.1%` for tiny values, never `100.0%` unless it is 1. */
export function formatProbability(p: number, locale: string): string {
  if (!Number.isFinite(p)) return '–';
  const pct = (digits: number, v: number) =>
    numberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(v);
  if (p > 0 && p < 0.001) return `<${pct(1, 0.001)}`;
  if (p < 1 && p >= 0.9995) return `>${pct(1, 0.999)}`;
  return pct(1, p);
}

/**
 * Milliseconds, the number alone (one decimal below 100, whole numbers above); the unit comes from the catalog
 * (`classify.unit.ms`: "12.3 ms", "12.3 毫秒").
 */
export function formatMs(ms: number, locale: string): string {
  const digits = ms < 100 ? 1 : 0;
  return numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ms);
}

/** Bytes in KB / MB / GB (powers of 1000, as browsers and file managers show them). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const digits = u === 0 || v >= 100 ? 0 : 1;
  return `${numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v)} ${units[u]}`;
}

export const formatCount = (n: number, locale: string): string => numberFormat(locale).format(n);

/** Message parameters with numbers written for the reader (thousands separators). */
export function localizeParams(
  params: Record<string, string | number>,
  locale: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' ? formatCount(v, locale) : v;
  return out;
}
