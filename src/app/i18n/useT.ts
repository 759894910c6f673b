import { useCallback } from 'react';
import { translate, type MessageKey, type Params } from '../../i18n';
import { useAppState } from '../state/AppStateContext';

export type T = (key: MessageKey, params?: Params) => string;

/** A translator for the current language; it changes identity when the language does. */
export function useT(): T {
  const [{ lang }] = useAppState();
  return useCallback<T>((key, params) => translate(lang, key, params), [lang]);
}
