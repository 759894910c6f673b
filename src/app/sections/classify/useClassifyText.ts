import { useCallback } from 'react';
import type { MessageKey } from '../../../i18n';
import { useT } from '../../i18n/useT';
import type { StoreError } from '../../model';
import { localizeParams } from './format';
import { isCifarClasses } from './ranking';

/** The translator, the number locale, and helpers for messages with numbers and for class names. */
export function useClassifyText() {
  const t = useT();
  const locale = t('classify.locale');
  const message = useCallback(
    (err: StoreError) => t(err.key, localizeParams(err.params, locale)),
    [t, locale],
  );
  /** CIFAR-10 classes in the reader's language; other models' names as the file gives them. */
  const className = useCallback(
    (classes: readonly string[], index: number) =>
      isCifarClasses(classes)
        ? t(`classify.class.${classes[index]}` as MessageKey)
        : (classes[index] ?? `#${index}`),
    [t],
  );
  return { t, locale, message, className };
}
