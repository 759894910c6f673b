import type { AppLang } from '../state/appState';

const locale = (lang: AppLang) => (lang === 'zh' ? 'zh-CN' : 'en-US');
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: AppLang, key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}:${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), opts);
    cache.set(id, f);
  }
  return f;
}

/** Three significant digits in the language's own large-number words: 25.0M, 4.26B; 2500万, 42.6亿. */
export const formatCompact = (n: number, lang: AppLang): string =>
  nf(lang, 'compact', {
    notation: 'compact',
    maximumSignificantDigits: 3,
    minimumSignificantDigits: 3,
  }).format(n);

/** A fraction as a percentage with one decimal: 0.901 → 90.1%. */
export const formatPercent = (fraction: number, lang: AppLang): string =>
  nf(lang, 'pct', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);
