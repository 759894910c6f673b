import { useCallback } from 'react';
import type { MessageKey, Params } from '../../i18n';
import { translateLoaded } from '../../i18n/runtime';
import { useAppState } from '../state/AppStateContext';

export type T = (key: MessageKey, params?: Params) => string;

/** A translator for the current language; it changes identity when the language does. */
export function useT(): T {
  const [{ lang }] = useAppState();
  return useCallback<T>((key, params) => translateLoaded(lang, key, params), [lang]);
}
