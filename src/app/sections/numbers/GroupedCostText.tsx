import { useMemo } from 'react';
import { formatFixed, formatInt, formatMs } from '../../block/format';
import { useT, type T } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import type { AppLang } from '../../state/appState';

export interface GroupedCostText {
  t: T;
  lang: AppLang;
  int: (n: number) => string;
  /** milliseconds with their unit: "1.2 ms" */
  ms: (v: number) => string;
  /** milliseconds without the unit, for a column that names it */
  msValue: (v: number) => string;
  /** a ratio with its unit: "1.19×" */
  times: (v: number, digits?: number) => string;
  /** work per byte, without its unit */
  flop: (v: number) => string;
  /** "a, b and c" in the reader's language */
  list: (items: string[]) => string;
}

/** The translator and the number formats of the grouped-cost figure, in the reader's language. */
export function useGroupedCostText(): GroupedCostText {
  const t = useT();
  const [{ lang }] = useAppState();
  return useMemo(() => {
    const listFormat = new Intl.ListFormat(t('numbers.locale'), { type: 'conjunction' });
    return {
      t,
      lang,
      int: (n) => formatInt(n, lang),
      ms: (v) => t('gcost.unit.ms', { v: formatMs(v, lang) }),
      msValue: (v) => formatMs(v, lang),
      times: (v, digits = v < 10 ? 2 : 1) => t('gcost.unit.times', { v: formatFixed(v, digits, lang) }),
      flop: (v) => formatFixed(v, v < 10 ? 1 : 0, lang),
      list: (items) => listFormat.format(items),
    };
  }, [t, lang]);
}
