import { useEffect } from 'react';
import type { AppLang } from '../state/appState';

/** BCP 47 tags for <html lang>: Chinese text is Simplified, as written in mainland China. */
export const HTML_LANG: Record<AppLang, string> = { en: 'en', zh: 'zh-CN' };

/** Keeps <html lang> and the document title in step with the shown language and section. */
export function useDocumentLang(lang: AppLang, title: string): void {
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
  }, [lang]);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
