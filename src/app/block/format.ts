import type { AppLang } from '../state/appState';
import { numberFormat, numberLocale } from '../../i18n/numberFormat';

/** Number and shape formatting for the block readouts, in the reader's language. */

const nf = (lang: AppLang, digits: number) =>
  numberFormat(numberLocale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 70144 → "70,144" */
export const formatInt = (n: number, lang: AppLang): string => nf(lang, 0).format(n);

/** A fixed number of decimals: 1.0074 → "1.007" */
export const formatFixed = (n: number, digits: number, lang: AppLang): string => nf(lang, digits).format(n);

/** [1, 56, 56, 256] → "1×56×56×256" */
export const formatShape = (shape: readonly number[]): string => shape.join('×');

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '−': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Small differences in scientific notation: 1.19e-6 → "1.19 × 10⁻⁶"; 0 → "0". */
export function formatSci(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const [mantissa, exponent] = x.toExponential(2).split('e');
  return `${mantissa} × 10${superscript(String(Number(exponent)))}`;
}

/** An exponent in superscript digits: "-6" → "⁻⁶". */
export const superscript = (digits: string): string => [...digits].map((c) => SUPERSCRIPT[c] ?? c).join('');

/** Milliseconds with a precision that suits their size: 0.42 → "0.42", 12.3 → "12.3", 140 → "140". */
export function formatMs(ms: number, lang: AppLang): string {
  const digits = ms < 1 ? 2 : ms < 100 ? 1 : 0;
  return formatFixed(ms, digits, lang);
}
