import type { AppLang } from '../state/appState';
import { numberFormat, numberLocale } from '../../i18n/numberFormat';

const nf = (lang: AppLang, opts: Intl.NumberFormatOptions) => numberFormat(numberLocale(lang), opts);

/**
 * Three significant digits in the language's own large-number words: 25.0M, 4.26B; 2500 万, 42.6 亿. Chinese
 * puts a space between the digits and the number word, and its catalogs none after a compact count, so that
 * "2560 万个参数" reads as one number with its measure word.
 */
export const formatCompact = (n: number, lang: AppLang): string => {
  const text = nf(lang, {
    notation: 'compact',
    maximumSignificantDigits: 3,
    minimumSignificantDigits: 3,
  }).format(n);
  return lang === 'zh' ? text.replace(/(\d)\s*([万亿])/u, '$1 $2') : text;
};

/** A fraction as a percentage with one decimal: 0.901 → 90.1%. */
export const formatPercent = (fraction: number, lang: AppLang): string =>
  nf(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);
