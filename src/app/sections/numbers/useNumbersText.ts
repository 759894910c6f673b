import { useMemo } from 'react';
import { useT, type T } from '../../i18n/useT';
import { makeFormat, type NumberFormat } from './format';

/** The translator and a number formatter for the current language. */
export function useNumbersText(): { t: T; fmt: NumberFormat } {
  const t = useT();
  const locale = t('numbers.locale');
  const fmt = useMemo(() => makeFormat(locale), [locale]);
  return { t, fmt };
}
